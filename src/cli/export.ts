/**
 * `degree-data export`: writes the upload file (and on request the publicity list and the photo package) from a
 * checked, signed workbook, with its manifest. The input workbook is never modified: the export is recorded as an
 * audit event in a copy (`--out-workbook`, default `<DIR>/<name>.signed.xlsx`).
 * Exit codes: 0 exported, 1 refused (errors, sign-off missing, audit chain broken, late without a reason),
 * 2 the input cannot be used (one line in Chinese and English on stderr).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { digestRows } from '../core/audit/digest';
import type { AuditEvent, Role } from '../core/audit/events';
import { describeDeadline, reportingDeadline, type DeadlineStatus } from '../core/export/deadline';
import { checkExportGate, describeRefusal, exportEvents, scopeOf } from '../core/export/gate';
import { buildManifest, renderManifestHtml, renderManifestText, sha256OfBytes, type ExportManifest } from '../core/export/manifest';
import { buildPhotoPackage, checkPhotos, photoPackageName, PHOTO_PRESETS, type PhotoCheck, type PhotoLimits } from '../core/export/photos';
import { buildPublicityList, publicityPeriod, renderPublicityHtml, writePublicityXlsx } from '../core/export/publicity';
import {
  batchOfRecords,
  checkUploadValues,
  DEFAULT_FILE_PATTERN,
  prepareExport,
  uploadFileName,
  writeUploadDbf,
  writeUploadXlsx,
  type HeaderStyle,
  type PreparedExport,
  type UploadFormat,
  type UploadGroup,
} from '../core/export/uploadFile';
import type { Locale } from '../core/model/types';
import { DEFAULT_PROFILE, type SchoolProfile } from '../core/profile/profile';
import { RULES_VERSION } from '../core/rules/catalogue';
import { loadPinyin } from '../core/rules/pinyinPort';
import { isRealDate, todayInChina } from '../core/util/dates';
import { WorkbookReadError } from '../node/workbookError';
import { EXIT_ERRORS, EXIT_OK, loadProfile, parseFormat, reportFailure, parseLocale, usageErrorOf, UsageError, type CliIO } from './common';
import { packageVersion } from './version';

/** Exit code 1 of this command: the gate refused the export. */
const EXIT_REFUSED = EXIT_ERRORS;

export const EXPORT_HELP = `degree-data export — 导出学士学位授予信息上报文件 / write the degree upload file

用法 / Usage:
  degree-data export <workbook.xlsx> --out DIR [选项 / options]

上报文件 / Upload file:
  --out DIR             输出文件夹（不存在则新建） / output folder (created if missing)
  --as xlsx|dbf         文件格式（默认 xlsx；dbf 仅限 G1 模板，GBK 编码） / format (default xlsx; dbf for G1 only, GBK)
  --header code|label   表头：字段代码 XM，或 姓名(XM)（默认 code） / header: bare codes or 汉字名称(CODE)
  --name PATTERN        文件名模式（默认 ${DEFAULT_FILE_PATTERN}）；占位符 {单位码} {单位名称} {年度批次}
                        {类别} {模板} {日期} / file name pattern; placeholders as listed (or {unit} {batch} …)
  --overwrite           覆盖输出文件夹中的同名文件 / replace files of the same name in DIR
  --profile FILE        学校配置 JSON（与 validate、audit sign 相同） / school profile (as for validate, audit sign)
  导出工作簿中所有像模板的工作表，与 audit sign 签核的范围相同；多个二级学院工作表合并为一个文件
  （普通、成人、来华留学或模板版本不同时各成一个文件）。
  Every template sheet is exported, as audit sign signs them; 二级学院 sheets are merged into one file (one file
  per template generation and category).

签核与记录 / Sign-off and audit:
  导出要求：没有错误；当前数据有“采集完成”及其后他人的“校核通过”；审计链完整。
  Export needs: no errors; a collector sign-off and a later check by someone else on the current data; an intact chain.
  --actor NAME          导出人（默认：系统用户名，自报身份） / who exports (default: the OS user, self-declared)
  --actor-id ID         导出人工号 / staff number
  --role collector|checker|office
                        导出人的角色（默认 office 学位办） / exporter's role (default office)
  --head HASH           签核单或上次清单上的审计链末端哈希，须仍在链上 / chain head from a slip or manifest
  --require-approval    还须学位办“审核通过” / also require the degree office's approval
  --out-workbook FILE   写入导出记录的工作簿副本（默认 DIR/<原文件名>.signed.xlsx；原文件不改动）
                        copy of the workbook with the export event (default DIR/<name>.signed.xlsx; input untouched)

期限 / Deadline (规程第十一条（四）（六）):
  --decision-no TEXT --decision-date YYYYMMDD [--effective-date YYYYMMDD]
                        学位评定委员会决议编号和日期；决议生效后30日内上报 / the decision; report within 30 days
  --late-reason TEXT    超期补报的原因（超期时必填，记入审计记录） / reason for a late report (required when late)

公示名单 / Publicity list (第十一条（三）):
  --publicity           同时生成公示名单 .xlsx 和可打印 .html / also write the publicity list
  --publicity-only      只生成公示名单（数据无错误即可，不需签核，不记导出） / the list only (no errors needed, no sign-off)
  --publicity-from YYYYMMDD  公示开始日期（默认今天） / first day (default today)
  --publicity-days N    公示天数（默认 5 个工作日） / length (default 5 working days)
  --publicity-calendar  按自然日计算 / count calendar days
  --holidays LIST       节假日 YYYYMMDD，逗号分隔 / public holidays, comma-separated
  --workdays LIST       调休上班日 YYYYMMDD，逗号分隔 / weekend working days, comma-separated
  --publicity-college   列出二级学院（工作表名） / show the college (sheet name)
  --publicity-major     列出专业 / show the major

照片 / Photos:
  --photos DIR|ZIP      照片文件夹或压缩包，文件名 <证件号码>.jpg；检查并生成照片包 / check photos and build the package
  --photo-size legacy|xuexin|WxH
                        尺寸：legacy 150×210（默认，且 ≤10 KB），xuexin 480×640，或如 300x400
  --photo-max-kb N      文件大小上限 KB（0 = 不限） / size limit in KB (0 = none)
  照片问题会列出，但不阻止导出上报文件 / photo problems are listed but do not stop the export

输出 / Output:
  --format text|json    输出格式（默认 text） / output format
  --lang zh-CN|en-US    文字输出的语言 / language of the text output

退出码 / Exit codes:
  0  已导出 / exported
  1  拒绝导出（原因见输出） / refused (reasons in the output)
  2  输入无法使用 / the input cannot be used
`;

const OPTIONS = {
  out: { type: 'string' },
  as: { type: 'string' },
  header: { type: 'string' },
  name: { type: 'string' },
  overwrite: { type: 'boolean' },
  profile: { type: 'string' },
  actor: { type: 'string' },
  'actor-id': { type: 'string' },
  role: { type: 'string' },
  head: { type: 'string' },
  'require-approval': { type: 'boolean' },
  'out-workbook': { type: 'string' },
  'decision-no': { type: 'string' },
  'decision-date': { type: 'string' },
  'effective-date': { type: 'string' },
  'late-reason': { type: 'string' },
  publicity: { type: 'boolean' },
  'publicity-only': { type: 'boolean' },
  'publicity-from': { type: 'string' },
  'publicity-days': { type: 'string' },
  'publicity-calendar': { type: 'boolean' },
  holidays: { type: 'string' },
  workdays: { type: 'string' },
  'publicity-college': { type: 'boolean' },
  'publicity-major': { type: 'boolean' },
  photos: { type: 'string' },
  'photo-size': { type: 'string' },
  'photo-max-kb': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface ExportArgs {
  file: string;
  out: string;
  as: UploadFormat;
  header: HeaderStyle;
  pattern: string;
  overwrite: boolean;
  profile?: string;
  actor: string;
  actorId: string;
  role: Role;
  head?: string;
  requireApproval: boolean;
  outWorkbook?: string;
  decision?: { number: string; date: string; effectiveDate?: string };
  lateReason?: string;
  publicity: boolean;
  publicityOnly: boolean;
  publicityFrom?: string;
  publicityDays: number;
  publicityCalendar: boolean;
  holidays: string[];
  workdays: string[];
  publicityCollege: boolean;
  publicityMajor: boolean;
  photos?: string;
  photoLimits: PhotoLimits;
  format: 'text' | 'json';
  locale: Locale;
  help: boolean;
}

function choice<T extends string>(value: string | undefined, option: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const folded = value.trim().toLowerCase() as T;
  if (!allowed.includes(folded)) {
    throw new UsageError(`${option} 只能是 ${allowed.join('、')}，不能是“${value}”`, `${option} must be ${allowed.join(', ')}, not “${value}”`);
  }
  return folded;
}

function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/-/g, '');
  if (!isRealDate(text)) throw new UsageError(`${option} 应为日期 YYYYMMDD，不能是“${value}”`, `${option} must be a date YYYYMMDD, not “${value}”`);
  return text;
}

function dateList(value: string | undefined, option: string): string[] {
  if (!value) return [];
  return value
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((date) => dateOption(date, option)!);
}

function photoLimits(size: string | undefined, maxKb: string | undefined): PhotoLimits {
  let limits: PhotoLimits;
  const preset = (size ?? 'legacy').trim().toLowerCase();
  if (preset === 'legacy' || preset === 'xuexin') limits = { ...PHOTO_PRESETS[preset] };
  else {
    const match = /^(\d{2,5})\s*[x×*]\s*(\d{2,5})$/.exec(preset);
    if (!match) {
      throw new UsageError(`--photo-size 只能是 legacy、xuexin 或 宽x高（如 300x400），不能是“${size}”`, `--photo-size must be legacy, xuexin or WxH (e.g. 300x400), not “${size}”`);
    }
    limits = { width: Number(match[1]), height: Number(match[2]) };
  }
  if (maxKb !== undefined) {
    const kb = Number(maxKb);
    if (!Number.isFinite(kb) || kb < 0) throw new UsageError(`--photo-max-kb 应为非负数，不能是“${maxKb}”`, `--photo-max-kb must be a number ≥ 0, not “${maxKb}”`);
    if (kb === 0) delete limits.maxBytes;
    else limits.maxBytes = Math.round(kb * 1024);
  }
  return limits;
}

function parseExportArgs(argv: string[], io: CliIO): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values: v, positionals } = parsed;
  // Accept the command name in front, as main.ts may pass the whole argument list.
  const rest = positionals[0] === 'export' ? positionals.slice(1) : positionals;
  const help = v.help ?? false;
  const format = parseFormat(v.format);
  const locale = parseLocale(v.lang);
  const base = { format, locale, help } as const;
  if (help) return { ...base, file: '', out: '' } as ExportArgs;
  if (rest.length === 0) throw new UsageError('请指定要导出的工作簿：degree-data export <workbook.xlsx> --out DIR', 'name the workbook: degree-data export <workbook.xlsx> --out DIR');
  if (rest.length > 1) throw new UsageError(`多余的参数：${rest.slice(1).join(' ')}`, `unexpected arguments: ${rest.slice(1).join(' ')}`);
  if (!v.out) throw new UsageError('请用 --out DIR 指定输出文件夹', 'name the output folder with --out DIR');

  const decisionNo = v['decision-no']?.trim();
  const decisionDate = dateOption(v['decision-date'], '--decision-date');
  if ((decisionNo && !decisionDate) || (!decisionNo && decisionDate)) {
    throw new UsageError('--decision-no 和 --decision-date 须同时给出', '--decision-no and --decision-date go together');
  }
  const effectiveDate = dateOption(v['effective-date'], '--effective-date');
  if (effectiveDate && !decisionDate) throw new UsageError('--effective-date 需要与 --decision-date 一起给出', '--effective-date needs --decision-date');
  const publicityDays = v['publicity-days'] === undefined ? 5 : Number(v['publicity-days']);
  if (!Number.isInteger(publicityDays) || publicityDays < 1 || publicityDays > 60) {
    throw new UsageError(`--publicity-days 应为 1 到 60 的整数，不能是“${v['publicity-days']}”`, `--publicity-days must be a whole number from 1 to 60, not “${v['publicity-days']}”`);
  }
  const actor = (v.actor ?? io.env.DEGREE_DATA_ACTOR ?? io.env.USER ?? io.env.USERNAME ?? '').trim();
  if (!actor) throw new UsageError('请用 --actor 填写导出人姓名', 'name the person exporting with --actor');
  const head = v.head?.trim().toLowerCase();
  if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) throw new UsageError('--head 应为 64 位十六进制 SHA-256 哈希', '--head must be a 64-digit hex SHA-256 hash');
  const pattern = v.name ?? DEFAULT_FILE_PATTERN;
  if (/[\\/]/.test(pattern)) throw new UsageError('--name 只能是文件名，不能含路径', '--name is a file name, not a path');

  return {
    ...base,
    file: rest[0],
    out: v.out,
    as: choice(v.as, '--as', ['xlsx', 'dbf'] as const, 'xlsx'),
    header: choice(v.header, '--header', ['code', 'label'] as const, 'code'),
    pattern,
    overwrite: v.overwrite ?? false,
    profile: v.profile,
    actor,
    actorId: (v['actor-id'] ?? '').trim(),
    role: choice(v.role, '--role', ['collector', 'checker', 'office'] as const, 'office'),
    head,
    requireApproval: v['require-approval'] ?? false,
    outWorkbook: v['out-workbook'],
    decision: decisionNo && decisionDate ? { number: decisionNo, date: decisionDate, ...(effectiveDate ? { effectiveDate } : {}) } : undefined,
    lateReason: v['late-reason']?.trim() || undefined,
    publicity: (v.publicity ?? false) || (v['publicity-only'] ?? false),
    publicityOnly: v['publicity-only'] ?? false,
    publicityFrom: dateOption(v['publicity-from'], '--publicity-from'),
    publicityDays,
    publicityCalendar: v['publicity-calendar'] ?? false,
    holidays: dateList(v.holidays, '--holidays'),
    workdays: dateList(v.workdays, '--workdays'),
    publicityCollege: v['publicity-college'] ?? false,
    publicityMajor: v['publicity-major'] ?? false,
    photos: v.photos,
    photoLimits: photoLimits(v['photo-size'], v['photo-max-kb']),
  };
}

function noTemplateError(result: Exclude<ReturnType<typeof prepareExport>, { ok: true }>, sheets: string[]): UsageError {
  if (result.reason === 'sheetNotFound') {
    return new UsageError(`工作簿中没有名为“${result.sheet}”的工作表（现有：${sheets.join('、')}）`, `no sheet named “${result.sheet}” (the workbook has: ${sheets.join(', ')})`);
  }
  if (result.reason === 'notTemplate') {
    return new UsageError(`工作表“${result.sheet}”不像学位授予信息模板`, `sheet “${result.sheet}” does not look like the degree template`);
  }
  return new UsageError('工作簿中没有像学位授予信息模板的工作表', 'no sheet looks like the degree template');
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Output files written so far, removed again when a later step fails so that no unrecorded export is left. */
class Written {
  readonly paths: string[] = [];
  constructor(private readonly overwrite: boolean) {}

  async write(file: string, bytes: Uint8Array | string): Promise<string> {
    if (!this.overwrite && (await exists(file))) {
      throw new UsageError(`${file} 已存在；换一个输出文件夹，或加 --overwrite 覆盖`, `${file} exists: choose another folder or add --overwrite`);
    }
    await fs.writeFile(file, bytes);
    this.paths.push(file);
    return file;
  }

  async rollback(): Promise<void> {
    await Promise.all(this.paths.map((file) => fs.rm(file, { force: true })));
  }
}

interface UploadOut {
  group: UploadGroup;
  name: string;
  path: string;
  bytes: Uint8Array;
  sha256: string;
  batch: string;
  batches: string[];
}

function groupRows(group: UploadGroup, report: PreparedExport['report']) {
  return group.sheets.map((sheet) => ({ sheet, rows: report.sheets.find((s) => s.sheet === sheet)?.rows ?? 0 }));
}

/** `degree-data export …`: resolves to the exit code and never throws. */
export async function runExport(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseExportArgs(argv, io);
    if (args.help) {
      io.stdout.write(EXPORT_HELP);
      return EXIT_OK;
    }
    return await exportWorkbook(args, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function exportWorkbook(args: ExportArgs, io: CliIO): Promise<number> {
  const profile = args.profile ? await loadProfile(args.profile) : DEFAULT_PROFILE;
  const inputPath = path.resolve(args.file);
  const outDir = path.resolve(args.out);
  const outWorkbook = path.resolve(args.outWorkbook ?? path.join(outDir, `${path.basename(args.file, path.extname(args.file))}.signed.xlsx`));
  if (outWorkbook === inputPath) {
    throw new WorkbookReadError('sameAsInput', args.file, '--out-workbook 不能是输入文件本身：原文件不会被修改', '--out-workbook cannot be the input file: the input is never modified');
  }
  const today = todayInChina();
  const deadline: DeadlineStatus | undefined = args.decision ? reportingDeadline(args.decision, today) : undefined;

  // ExcelJS is loaded only when a workbook is read, so --help stays instant. One parse gives the grids (without the
  // product's hidden sheets) and the workbook whose audit trail is read and, after the export, written to the copy.
  const { loadWorkbook } = await import('../node/readWorkbook');
  const { workbook, grids } = await loadWorkbook(args.file);
  const pinyin = await loadPinyin();
  // The same validation as audit sign (all template sheets, detected template and category), so that the digest of
  // unchanged data is the digest that was signed.
  const prepared = prepareExport(grids, { profile, locale: args.locale, pinyin, today });
  if (!prepared.ok) throw noTemplateError(prepared, grids.map((g) => g.name));
  const { report, records, groups } = prepared.prepared;
  if (args.as === 'dbf') {
    const notG1 = groups.filter((g) => g.generation !== 'G1');
    if (notG1.length) {
      throw new UsageError(
        `.dbf 上报文件只用于 G1（手册版）模板，${notG1.flatMap((g) => g.sheets).join('、')} 是 ${notG1[0].generation} 模板，请用 --as xlsx`,
        `the .dbf upload file is for the G1 template only; ${notG1.flatMap((g) => g.sheets).join(', ')} use ${notG1[0].generation}: use --as xlsx`,
      );
    }
  }

  if (args.publicityOnly) return publicityOnly(args, io, prepared.prepared, profile, outDir);

  const encoder = args.as === 'dbf' ? (await import('../node/gbkEncoder')).gbkEncoder() : undefined;
  const exportIssues = groups.flatMap((group) => checkUploadValues(group, { format: args.as, encoder, locale: args.locale }, prepared.prepared.columnOf));

  const { readAuditTrail, appendAuditEvent } = await import('../node/auditStore');
  const trail = readAuditTrail(workbook);
  const digest = digestRows(records);

  const { readChangeState, writeBaseline } = await import('../node/changesStore');
  const changeState = readChangeState(workbook, trail);
  const { changesBlockingExport, establishBaseline } = await import('../core/changes');
  const changeBlockers = changeState.baseline ? changesBlockingExport(changeState, records) : [];

  const decision = checkExportGate({
    changeBlockers,
    report,
    exportIssues,
    events: trail.events,
    unreadableAuditRows: trail.unreadable,
    digest,
    signed: trail.signed,
    expectedHead: args.head,
    requireApproval: args.requireApproval,
    deadline,
    lateReason: args.lateReason,
  });
  if (!decision.ok) {
    if (args.format === 'json') {
      io.stdout.write(`${JSON.stringify({ ok: false, reasons: decision.reasons, issues: exportIssues, counts: report.counts })}\n`);
    } else {
      const title = args.locale === 'zh-CN' ? '✖ 拒绝导出：' : '✖ Export refused:';
      const lines = describeRefusal(decision.reasons).map((line) => `  · ${line}`);
      const issueLines = exportIssues.slice(0, 20).map((issue) => `    ${issue.sheet} ${issue.row}${issue.column ? ` ${issue.column}` : ''}: ${issue.message}`);
      if (exportIssues.length > 20) issueLines.push(`    … ${exportIssues.length - 20}`);
      io.stdout.write(`${[title, ...lines, ...issueLines].join('\n')}\n`);
    }
    return EXIT_REFUSED;
  }

  const photos = args.photos ? checkPhotos(await (await import('../node/photoSource')).readPhotoSource(args.photos), records, args.photoLimits) : undefined;

  if (!args.overwrite && (await exists(outWorkbook))) {
    throw new UsageError(`${outWorkbook} 已存在；换一个 --out-workbook，或加 --overwrite 覆盖`, `${outWorkbook} exists: choose another --out-workbook or add --overwrite`);
  }
  await fs.mkdir(outDir, { recursive: true });
  const written = new Written(args.overwrite);
  try {
    const uploads: UploadOut[] = [];
    const used = new Set<string>();
    for (const group of groups) {
      const { batch, batches } = batchOfRecords(group.records, today);
      const fields = { unitCode: profile.unitCode, unitName: profile.unitName, batch, category: group.category, generation: group.generation, today };
      let name = uploadFileName(args.pattern, fields, args.as);
      if (used.has(name)) name = uploadFileName(`${args.pattern}_{类别}_{模板}`, fields, args.as);
      used.add(name);
      const bytes = args.as === 'dbf' ? writeUploadDbf(group, encoder!, today) : writeUploadXlsx(group, args.header);
      const file = await written.write(path.join(outDir, name), bytes);
      uploads.push({ group, name, path: file, bytes, sha256: sha256OfBytes(bytes), batch, batches });
    }
    const stem = uploads[0].name.replace(/\.(xlsx|dbf)$/i, '');
    const companions: ExportManifest['companions'] = [];

    let publicityFiles: string[] = [];
    if (args.publicity) {
      publicityFiles = await writePublicity(args, written, prepared.prepared, profile, outDir, stem, uploads[0].batch);
      for (const file of publicityFiles) companions.push({ kind: 'publicity', name: path.basename(file) });
    }
    let photoPackage: { path: string; sha256: string; count: number } | undefined;
    if (photos && photos.accepted.length > 0) {
      const bytes = await buildPhotoPackage(photos);
      const file = await written.write(path.join(outDir, photoPackageName(uploads[0].name)), bytes);
      photoPackage = { path: file, sha256: sha256OfBytes(bytes), count: photos.accepted.length };
      companions.push({ kind: 'photos', name: path.basename(file), sha256: photoPackage.sha256, count: photoPackage.count });
    }

    const newEvents = exportEvents(trail.events, {
      actor: args.actor,
      actorId: args.actorId,
      role: args.role,
      scope: scopeOf(records),
      datasetDigest: digest.digest,
      rulesVersion: RULES_VERSION,
      addinVersion: packageVersion(),
      files: uploads.map((u) => ({ name: u.name, rows: u.group.records.length, sha256: u.sha256 })),
      deadline,
      lateReason: args.lateReason,
    });
    for (const event of newEvents) await appendAuditEvent(workbook, event);
    // What was reported becomes the baseline that later changes are compared with (第十三条).
    const sheetKinds = report.sheets.map((s) => ({ sheet: s.sheet, template: s.template, category: s.category }));
    const { baseline, event: baselineEvent } = establishBaseline([...trail.events, ...newEvents], records, sheetKinds, {
      actor: args.actor,
      actorId: args.actorId,
      rulesVersion: RULES_VERSION,
      addinVersion: packageVersion(),
    });
    await writeBaseline(workbook, baseline, baselineEvent);
    newEvents.push(baselineEvent);
    await (await import('../node/signedWorkbook')).saveCopy(workbook, outWorkbook, args.file);
    written.paths.push(outWorkbook);
    companions.push({ kind: 'workbook', name: path.basename(outWorkbook) });

    const allEvents: AuditEvent[] = [...trail.events, ...newEvents];
    const signOffs = [decision.collected, decision.checked, ...(decision.approved ? [decision.approved] : [])];
    const manifests: { json: string; html: string; manifest: ExportManifest }[] = [];
    for (const upload of uploads) {
      const manifest = buildManifest({
        unit: { code: profile.unitCode, name: profile.unitName },
        generation: upload.group.generation,
        category: upload.group.category,
        batch: upload.batch,
        batches: upload.batches,
        file: { name: upload.name, format: args.as, headerStyle: args.as === 'dbf' ? 'code' : args.header, bytes: upload.bytes, rows: upload.group.records.length },
        sheets: groupRows(upload.group, report),
        dataDigest: digest.digest,
        events: allEvents,
        signOffs,
        deadline,
        lateReason: args.lateReason,
        rulesVersion: RULES_VERSION,
        addinVersion: packageVersion(),
        companions,
      });
      const json = await written.write(`${upload.path}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
      const html = await written.write(`${upload.path}.manifest.html`, renderManifestHtml(manifest));
      manifests.push({ json, html, manifest });
    }

    const head = allEvents[allEvents.length - 1].entryHash;
    const rows = uploads.reduce((sum, u) => sum + u.group.records.length, 0);
    if (args.format === 'json') {
      io.stdout.write(
        `${JSON.stringify({
          ok: true,
          files: uploads.map((u) => u.path),
          rows,
          sha256: uploads[0].sha256,
          head,
          manifest: manifests[0].json,
          manifests: manifests.map((m) => m.json),
          workbook: outWorkbook,
          uploads: uploads.map((u) => ({ file: u.path, template: u.group.generation, category: u.group.category, rows: u.group.records.length, sha256: u.sha256, batch: u.batch })),
          events: newEvents.map((e) => ({ seq: e.seq, action: e.action, entryHash: e.entryHash })),
          ...(deadline ? { deadline: { deadline: deadline.deadline, daysLeft: deadline.daysLeft, late: deadline.late } } : {}),
          ...(publicityFiles.length ? { publicity: publicityFiles } : {}),
          ...(photos ? { photos: photoSummary(photos, photoPackage) } : {}),
          warnings: report.counts.warning,
        })}\n`,
      );
    } else {
      io.stdout.write(textSummary(args, { uploads, manifests, outWorkbook, head, deadline, publicityFiles, photos, photoPackage }));
    }
    return EXIT_OK;
  } catch (error) {
    await written.rollback();
    throw error;
  }
}

function photoSummary(photos: PhotoCheck, pkg: { path: string; sha256: string; count: number } | undefined) {
  return {
    ok: photos.ok,
    package: pkg?.path ?? null,
    sha256: pkg?.sha256 ?? null,
    accepted: photos.counts.accepted,
    records: photos.counts.records,
    problems: photos.problems.map((p) => ({ kind: p.kind, file: p.file ?? null, sheet: p.sheet ?? null, row: p.row ?? null, message: `${p.zh} / ${p.en}` })),
  };
}

async function writePublicity(
  args: ExportArgs,
  written: Written,
  prepared: PreparedExport,
  profile: SchoolProfile,
  outDir: string,
  stem: string,
  batch: string,
): Promise<string[]> {
  const period = publicityPeriod(args.publicityFrom ?? todayInChina(), {
    days: args.publicityDays,
    workingDays: !args.publicityCalendar,
    holidays: args.holidays,
    workdays: args.workdays,
  });
  const list = buildPublicityList(prepared.records, {
    unitName: profile.unitName,
    period,
    batch,
    includeCollege: args.publicityCollege,
    includeMajor: args.publicityMajor,
    profile,
  });
  const base = stem.includes('学士学位授予信息') ? stem.replace('学士学位授予信息', '学士学位授予公示名单') : `${stem}_公示名单`;
  return [
    await written.write(path.join(outDir, `${base}.xlsx`), writePublicityXlsx(list)),
    await written.write(path.join(outDir, `${base}.html`), renderPublicityHtml(list)),
  ];
}

async function publicityOnly(args: ExportArgs, io: CliIO, prepared: PreparedExport, profile: SchoolProfile, outDir: string): Promise<number> {
  const { report } = prepared;
  if (report.counts.error > 0 || report.rows === 0) {
    const reason =
      report.rows === 0
        ? { zh: '没有数据行', en: 'there are no data rows' }
        : { zh: `数据还有 ${report.counts.error} 个错误，改正后才能公示`, en: `the data still has ${report.counts.error} error(s): fix them before publishing the list` };
    if (args.format === 'json') io.stdout.write(`${JSON.stringify({ ok: false, reasons: [{ code: report.rows === 0 ? 'noData' : 'errors', ...reason }] })}\n`);
    else io.stdout.write(`${args.locale === 'zh-CN' ? '✖ 不能生成公示名单：' : '✖ No publicity list:'}\n  · ${reason.zh} / ${reason.en}\n`);
    return EXIT_REFUSED;
  }
  await fs.mkdir(outDir, { recursive: true });
  const written = new Written(args.overwrite);
  try {
    const { batch } = batchOfRecords(prepared.records);
    const stem = uploadFileName(args.pattern, { unitCode: profile.unitCode, unitName: profile.unitName, batch, category: report.category, generation: report.template, today: todayInChina() }, 'xlsx').replace(/\.xlsx$/, '');
    const files = await writePublicity(args, written, prepared, profile, outDir, stem, batch);
    if (args.format === 'json') io.stdout.write(`${JSON.stringify({ ok: true, files, rows: prepared.records.length })}\n`);
    else io.stdout.write(`${args.locale === 'zh-CN' ? `✔ 公示名单（${prepared.records.length} 人）：` : `✔ Publicity list (${prepared.records.length}):`}\n${files.map((f) => `  ${f}`).join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    await written.rollback();
    throw error;
  }
}

function textSummary(
  args: ExportArgs,
  out: {
    uploads: UploadOut[];
    manifests: { json: string; html: string; manifest: ExportManifest }[];
    outWorkbook: string;
    head: string;
    deadline?: DeadlineStatus;
    publicityFiles: string[];
    photos?: PhotoCheck;
    photoPackage?: { path: string; sha256: string; count: number };
  },
): string {
  const zh = args.locale === 'zh-CN';
  const lines: string[] = [];
  for (const upload of out.uploads) {
    lines.push(
      zh
        ? `✔ 已导出 ${upload.group.records.length} 行（${upload.group.generation}，${upload.group.category}）：${upload.path}`
        : `✔ Exported ${upload.group.records.length} rows (${upload.group.generation}, ${upload.group.category}): ${upload.path}`,
    );
    lines.push(`  SHA-256 ${upload.sha256}`);
  }
  for (const m of out.manifests) lines.push(zh ? `  上报清单：${m.json}（可打印：${m.html}）` : `  Manifest: ${m.json} (printable: ${m.html})`);
  lines.push(zh ? `  审计链末端：${out.head}` : `  Audit chain head: ${out.head}`);
  lines.push(
    zh
      ? `  导出记录已写入工作簿副本 ${out.outWorkbook}（原文件未改动，请以该副本继续工作）`
      : `  The export event is recorded in the copy ${out.outWorkbook} (the input is unchanged; continue with the copy)`,
  );
  if (out.deadline) {
    const { zh: z, en } = describeDeadline(out.deadline);
    lines.push(`  ${zh ? z : en}`);
  }
  for (const file of out.publicityFiles) lines.push(zh ? `  公示名单：${file}` : `  Publicity list: ${file}`);
  if (out.photos) {
    const p = out.photos;
    lines.push(
      zh
        ? `  照片：${p.counts.accepted}/${p.counts.records} 张合格${out.photoPackage ? `，照片包 ${out.photoPackage.path}` : ''}`
        : `  Photos: ${p.counts.accepted}/${p.counts.records} accepted${out.photoPackage ? `, package ${out.photoPackage.path}` : ''}`,
    );
    for (const problem of p.problems.slice(0, 30)) lines.push(`    ⚠ ${zh ? problem.zh : problem.en}`);
    if (p.problems.length > 30) lines.push(`    … ${p.problems.length - 30}`);
  }
  lines.push('', renderManifestText(out.manifests[0].manifest));
  return `${lines.join('\n')}\n`;
}
