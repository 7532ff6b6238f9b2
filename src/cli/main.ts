/**
 * `degree-data` command line: validates a 学士学位授予信息 workbook with the same engine as the add-in.
 * Exit codes: 0 no errors, 1 errors found, 2 the input cannot be used (one line in Chinese and English on stderr).
 */
import { parseArgs } from 'node:util';
import type { Category, Generation, Locale } from '../core/model/types';
import { RULES_VERSION } from '../core/rules/catalogue';
import { loadPinyin } from '../core/rules/pinyinPort';
import { parseCategory, parseGeneration } from '../core/template/detect';
import { validateWorkbook } from '../core/validate';
import {
  EXIT_ERRORS,
  EXIT_OK,
  EXIT_UNUSABLE,
  loadProfile,
  parseFormat,
  parseLocale,
  usageErrorOf,
  UsageError,
  useColor,
  type CliIO,
  reportFailure,
} from './common';
import { installNodeSha256 } from '../node/nodeHash';
import { formatText } from './formatText';
import { packageVersion } from './version';

export { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, type CliIO };

const HELP = `degree-data — 学士学位授予信息校验 / bachelor degree award data validator

用法 / Usage:
  degree-data validate <workbook.xlsx> [选项 / options]
  degree-data audit sign|verify …     签核与审计链（degree-data audit --help） / sign-off and audit trail
  degree-data export …                上报文件、公示名单、照片检查（degree-data export --help） / upload file, publicity, photos
  degree-data changes …               上报后的更正、撤销、删除（degree-data changes --help） / changes after reporting
  degree-data --help | --version

选项 / Options:
  --sheet NAME        只校验该工作表（默认：所有像模板的工作表）
                      validate this sheet only (default: every sheet that looks like the template)
  --template g1|g2|g3 指定模板版本（默认按表头识别） / template generation (default: detected from the headers)
  --category 普通|成人|来华留学
                      指定学位类别（默认按数据识别） / degree category (default: detected from the data)
  --profile FILE      学校配置 JSON（默认：重庆外语外事学院 12608） / school profile JSON (default: 12608)
  --xueji FILE[:SHEET]
                      与学信网学籍/学历数据比对（.xlsx、.csv、.dbf）；不指定时使用本工作簿中像学籍导出的工作表
                      reconcile with 学信网 student-status data (.xlsx, .csv, .dbf); by default a 学籍-looking sheet
                      of the same workbook is used
  --format text|json  输出格式（默认 text） / output format (default: text)
  --lang zh-CN|en-US  报告语言（默认 zh-CN） / report language (default: zh-CN)
  -h, --help          显示帮助 / show this help
  -v, --version       显示版本 / show the version

退出码 / Exit codes:
  0  没有错误（可能有警告） / no errors (warnings possible)
  1  发现错误 / errors found
  2  输入无法使用（文件不存在、不是 .xlsx、已损坏、找不到模板工作表、选项或配置有误）
     the input cannot be used (missing, not .xlsx, damaged, no template sheet, bad option or profile)

示例 / Example:
  npx degree-data validate examples/g2-sample.xlsx
  npx degree-data validate 学位信息.xlsx --sheet 外语学院 --format json > report.json
`;

const OPTIONS = {
  sheet: { type: 'string' },
  template: { type: 'string' },
  category: { type: 'string' },
  profile: { type: 'string' },
  xueji: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

interface ParsedArgs {
  command?: string;
  file?: string;
  sheet?: string;
  generation?: Generation;
  category?: Category;
  profile?: string;
  xueji?: string;
  format: 'text' | 'json';
  locale: Locale;
  help: boolean;
  version: boolean;
}

function parseCommandLine(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  const result: ParsedArgs = {
    command: positionals[0],
    file: positionals[1],
    sheet: values.sheet,
    profile: values.profile,
    xueji: values.xueji,
    format: 'text',
    locale: 'zh-CN',
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (result.help || result.version) return result;
  if (positionals.length > 2) {
    throw new UsageError(`多余的参数：${positionals.slice(2).join(' ')}`, `unexpected arguments: ${positionals.slice(2).join(' ')}`);
  }
  if (values.template !== undefined) {
    result.generation = parseGeneration(values.template);
    if (!result.generation) {
      throw new UsageError(`--template 只能是 g1、g2 或 g3，不能是“${values.template}”`, `--template must be g1, g2 or g3, not “${values.template}”`);
    }
  }
  if (values.category !== undefined) {
    result.category = parseCategory(values.category);
    if (!result.category) {
      throw new UsageError(
        `--category 只能是 普通、成人 或 来华留学，不能是“${values.category}”`,
        `--category must be 普通 (regular), 成人 (adult) or 来华留学 (international), not “${values.category}”`,
      );
    }
  }
  result.format = parseFormat(values.format);
  result.locale = parseLocale(values.lang);
  return result;
}

async function validate(args: ParsedArgs, io: CliIO): Promise<number> {
  if (!args.file) {
    throw new UsageError('请指定要校验的工作簿：degree-data validate <workbook.xlsx>', 'name the workbook: degree-data validate <workbook.xlsx>');
  }
  const profile = args.profile ? await loadProfile(args.profile) : undefined;
  // ExcelJS is loaded only when a workbook is read, so --help stays instant.
  const { readWorkbook } = await import('../node/readWorkbook');
  const grids = await readWorkbook(args.file);
  // 学籍 data: a separate file (--xueji file[:SHEET]) or a 学信网-looking sheet of the same workbook.
  const { findXuejiSheets } = await import('../core/xueji/sheet');
  const xueji = args.xueji
    ? await (await import('../node/readXueji')).readXuejiSource(args.xueji)
    : findXuejiSheets(grids);
  const pinyin = await loadPinyin();
  const result = validateWorkbook(grids, {
    sheet: args.sheet,
    generation: args.generation,
    category: args.category,
    profile,
    locale: args.locale,
    pinyin,
    xueji: xueji.length > 0 ? xueji : undefined,
  });
  if (!result.ok) {
    const names = grids.map((grid) => grid.name).join('、');
    const namesEn = grids.map((grid) => grid.name).join(', ');
    if (result.reason === 'sheetNotFound') {
      throw new UsageError(`工作簿中没有名为“${result.sheet}”的工作表（现有：${names}）`, `no sheet named “${result.sheet}” (the workbook has: ${namesEn})`);
    }
    if (result.reason === 'notTemplate') {
      throw new UsageError(
        `工作表“${result.sheet}”不像学位授予信息模板：前10行中没有含姓名/证件号码和学位字段的表头`,
        `sheet “${result.sheet}” does not look like the degree template: no header row with name/ID and degree columns in its first 10 rows`,
      );
    }
    throw new UsageError(
      `工作簿中没有像学位授予信息模板的工作表（前10行中没有含姓名/证件号码和学位字段的表头；现有：${names || '无'}）`,
      `no sheet looks like the degree template (no header row with name/ID and degree columns in the first 10 rows; sheets: ${namesEn || 'none'})`,
    );
  }
  const { report } = result;
  if (args.format === 'json') {
    io.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    io.stdout.write(formatText(report, { locale: args.locale, color: useColor(io), file: args.file }));
  }
  return report.ok ? EXIT_OK : EXIT_ERRORS;
}

function processIO(): CliIO {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Runs the command line; resolves to the exit code and never throws. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  installNodeSha256();
  try {
    // Commands with options of their own parse them themselves. Each is loaded only when used: their modules pull
    // in large libraries (ExcelJS, SheetJS, hashing), and start-up time is paid by every run of every command.
    if (argv[0] === 'audit') return await (await import('./audit')).runAudit(argv.slice(1), io);
    if (argv[0] === 'changes') return await (await import('./changes')).runChanges(argv.slice(1), io);
    if (argv[0] === 'export') return await (await import('./export')).runExport(argv.slice(1), io);
    const args = parseCommandLine(argv);
    if (args.version) {
      io.stdout.write(`degree-data ${packageVersion()} (rules ${RULES_VERSION})\n`);
      return EXIT_OK;
    }
    if (args.help) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    if (args.command === undefined) {
      io.stderr.write(HELP);
      return EXIT_UNUSABLE;
    }
    if (args.command !== 'validate') {
      throw new UsageError(
        `未知命令“${args.command}”，可用命令：validate、audit、export、changes`,
        `unknown command “${args.command}”; available: validate, audit, export, changes`,
      );
    }
    return await validate(args, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}
