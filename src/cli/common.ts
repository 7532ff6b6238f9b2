/** What every `degree-data` command shares: where it writes, how it fails, how it reads the school profile. */
import { promises as fs } from 'node:fs';
import type { Locale } from '../core/model/types';
import { parseProfile, type SchoolProfile } from '../core/profile/profile';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** Input the command cannot use: reported as one line, Chinese / English, with exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

/** Turns node:util parseArgs failures into one bilingual line. */
export function usageErrorOf(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const detail = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(detail)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(`未知选项 ${option}（见 degree-data --help）`, `unknown option ${option} (see degree-data --help)`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(`选项 ${option.split(' ')[0]} 缺少取值或取值无效`, `option ${option.split(' ')[0]} needs a value`);
  }
  return new UsageError(`命令行参数有误：${detail}`, `bad command line: ${detail}`);
}

export function parseLocale(value: string | undefined): Locale {
  if (value === undefined) return 'zh-CN';
  const lang = value.trim().toLowerCase();
  if (lang === 'zh-cn' || lang === 'zh') return 'zh-CN';
  if (lang === 'en-us' || lang === 'en') return 'en-US';
  throw new UsageError(`--lang 只能是 zh-CN 或 en-US，不能是“${value}”`, `--lang must be zh-CN or en-US, not “${value}”`);
}

export function parseFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined) return 'text';
  const format = value.trim().toLowerCase();
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format 只能是 text 或 json，不能是“${value}”`, `--format must be text or json, not “${value}”`);
  }
  return format;
}

export async function loadProfile(file: string): Promise<SchoolProfile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`找不到学校配置文件：${file}`, `profile not found: ${file}`);
    throw new UsageError(`无法读取学校配置文件：${file}（${code}）`, `cannot read the profile ${file} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`学校配置文件 ${file} 不是有效的 JSON：${detail}`, `the profile ${file} is not valid JSON: ${detail}`);
  }
  const result = parseProfile(json);
  if (!result.ok) {
    const problems = result.problems.join('; ');
    throw new UsageError(`学校配置文件 ${file} 有误：${problems}`, `the profile ${file} is invalid: ${problems}`);
  }
  return result.profile;
}

export function useColor(io: CliIO): boolean {
  const noColor = io.env.NO_COLOR;
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

/** An error meant for the user: it carries its own Chinese and English line (usage, unreadable input, bad decision …). */
function isBilingual(error: unknown): error is Error & { zh: string; en: string } {
  return error instanceof Error && typeof (error as { zh?: unknown }).zh === 'string' && typeof (error as { en?: unknown }).en === 'string';
}

/**
 * How every command ends on an exception: one bilingual line for input it cannot use, an internal-error line
 * otherwise (the stack only with DEGREE_DATA_DEBUG) — never a bare stack trace. Exit code 2 either way.
 */
export function reportFailure(error: unknown, io: CliIO): number {
  if (isBilingual(error)) {
    io.stderr.write(`degree-data: ${error.zh} / ${error.en}\n`);
    return EXIT_UNUSABLE;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(`degree-data: 内部错误，请把此信息反馈给维护者：${detail} / internal error, please report it: ${detail}\n`);
  if (io.env.DEGREE_DATA_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_UNUSABLE;
}
