/**
 * `degree-data changes`: changes, revocations and deletions after reporting (规程第十二条–第十六条).
 * Without a subcommand it lists the differences against the reported baseline with their requests, the revocations
 * with their deadlines and the deletions; exit 0 when nothing blocks the next export, 1 when something does (a
 * change awaiting approval or its 国务院学位办 document, a removed row without an application…), 2 for unusable
 * input (no baseline included). The subcommands record a step in a copy of the workbook (--out), as `audit sign`
 * does: the input file is never modified. A step the rules refuse exits 1 and writes nothing.
 */
import { readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyChain } from '../core/audit/chain';
import { establishBaseline, type Actor } from '../core/changes/baseline';
import { parseDeadlineRule, REVOCATION_RULE, type DeadlineRule } from '../core/changes/calendar';
import { changeRequestForm, withdrawalReport } from '../core/changes/forms';
import type { ChangeStep, StepResult } from '../core/changes/log';
import {
  decideRequest,
  foldRequests,
  requestChange,
  reviewChanges,
  STATUS_NAMES,
  type ChangeItem,
  type ChangesOverview,
  type ReviewLevel,
} from '../core/changes/requests';
import { foldWithdrawals, recordDeletion, recordFiled, recordRevocation, withdrawalFile, type Withdrawal } from '../core/changes/revocation';
import { DEFAULT_PROFILE, type SchoolProfile } from '../core/profile/profile';
import { RULES_VERSION } from '../core/rules/catalogue';
import { FIELDS } from '../core/template/fields';
import { todayInChina } from '../core/util/dates';
import { appendChangeStep, assertNotInput, openForChanges, saveFile, saveWorkbookCopy, writeBaseline, type OpenedForChanges } from '../node/changesStore';
import { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, loadProfile, parseFormat, reportFailure, usageErrorOf, UsageError, type CliIO } from './common';

export const CHANGES_HELP = `degree-data changes — 上报后的更正、撤销与删除 / changes, revocations and deletions after reporting

用法 / Usage:
  degree-data changes <in.xlsx> [--format text|json] [--today YYYYMMDD] [--calendar FILE]
      列出相对已上报基线的更正（及其申请状态）、撤销学位（及报送期限）和删除申请。
      lists the changes against the reported baseline with their requests, revocations with deadlines, deletions.
  degree-data changes request <in.xlsx> --row N [--sheet NAME] --reason 原因 --applicant 姓名 --out <out.xlsx>
      为第 N 行相对基线的全部改动提出更正申请 / file a change request for row N's differences
  degree-data changes approve <in.xlsx> --id C1 --as college|school --actor 姓名 [--document 文号] [--note 意见] --out <out.xlsx>
      二级学院审核（college）或学校审批（school）；关键信息的国务院学位办同意文号用 --document 录入
      college review or school approval; --document records the 国务院学位办 approval number for key fields
  degree-data changes reject <in.xlsx> --id C1 --as college|school --actor 姓名 --note 理由 --out <out.xlsx>
  degree-data changes revoke <in.xlsx> (--row N | --reported-row N) --decision-no 决议编号 --decision-date YYYYMMDD
                             --reason 原因 --actor 姓名 --out <out.xlsx>
  degree-data changes delete <in.xlsx> (--row N | --reported-row N) --reason 原因 --actor 姓名 --out <out.xlsx>
  degree-data changes filed <in.xlsx> --id R1|D1 --date YYYYMMDD --actor 姓名 --out <out.xlsx>
      登记撤销/删除已报送 / record that a revocation or deletion was reported
  degree-data changes baseline <in.xlsx> --actor 姓名 [--replace] --out <out.xlsx>
      以当前数据建立已上报基线（通常由导出上报文件完成） / set the baseline from the current data (normally the export does)
  degree-data changes file <in.xlsx> --kind revocation|deletion [--id ID] [--header code|label] --out <file.xlsx>
      生成报送系统所需的撤销/删除记录文件 / write the list of revoked or deleted records for the reporting system
  degree-data changes form <in.xlsx> --kind request|revocation|deletion [--id ID] --out <file.html>
      生成可打印的更正申请表或撤销/删除学位授予信息报告 / write the printable application or report

共同选项 / Common options:
  --sheet NAME        工作表（多个工作表有同一行号时） / the sheet, when several sheets have that row
  --reported-row N    已从工作表删除的记录在基线中的行号 / the row of a record already removed, as in the baseline
  --actor-id 工号     签名人工号 / staff number of the signer
  --profile FILE      学校配置 JSON / school profile JSON
  --calendar FILE     报送期限计算：{"counting":"working"|"calendar","days":10,"holidays":[…],"workdays":[…]}
                      默认 10 个工作日（不含周末，未配置节假日） / deadline counting; default 10 working days
  --today YYYYMMDD    计算剩余天数所用的日期（默认今天） / the date days are counted from (default: today)
  --format text|json  输出格式 / output format

退出码 / Exit codes:
  0  没有阻止导出的事项 / 已登记 — nothing blocks the export / step recorded
  1  有待审批的更正等阻止导出的事项 / 登记被拒绝 — something blocks the export / the step was refused
  2  输入无法使用（无已上报基线、文件有误、选项有误） / unusable input (no baseline, bad file or option)

身份说明 / Identity: 签名人姓名与工号由本人填写，未经系统认证。 / names and staff numbers are self-declared.
`;

const SUBCOMMANDS = ['request', 'approve', 'reject', 'revoke', 'delete', 'filed', 'baseline', 'file', 'form'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const OPTIONS = {
  row: { type: 'string' },
  'reported-row': { type: 'string' },
  sheet: { type: 'string' },
  reason: { type: 'string' },
  applicant: { type: 'string' },
  actor: { type: 'string' },
  'actor-id': { type: 'string' },
  id: { type: 'string' },
  as: { type: 'string' },
  document: { type: 'string' },
  note: { type: 'string' },
  'decision-no': { type: 'string' },
  'decision-date': { type: 'string' },
  date: { type: 'string' },
  kind: { type: 'string' },
  header: { type: 'string' },
  replace: { type: 'boolean' },
  out: { type: 'string' },
  profile: { type: 'string' },
  calendar: { type: 'string' },
  today: { type: 'string' },
  format: { type: 'string' },
  /** Accepted for symmetry with the other commands; the output is bilingual. */
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
}

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const required = (value: string | undefined, option: string, zh: string, en: string): string => {
  if (value === undefined || value.trim() === '') throw new UsageError(`请用 ${option} 填写${zh}`, `give ${en} with ${option}`);
  return value.trim();
};

function rowNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} 须是 Excel 行号（正整数），不能是“${value}”`, `${option} must be an Excel row number, not “${value}”`);
  return n;
}

function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/-/g, '');
  if (!/^\d{8}$/.test(text)) throw new UsageError(`${option} 须是 YYYYMMDD 日期，不能是“${value}”`, `${option} must be a YYYYMMDD date, not “${value}”`);
  return text;
}

async function loadCalendar(file: string | undefined): Promise<DeadlineRule> {
  if (!file) return REVOCATION_RULE;
  let json: unknown;
  try {
    json = JSON.parse((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`找不到期限配置文件：${file}`, `calendar file not found: ${file}`);
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`期限配置文件 ${file} 无法读取：${detail}`, `cannot read the calendar file ${file}: ${detail}`);
  }
  const result = parseDeadlineRule(json);
  if (!result.ok) throw new UsageError(`期限配置文件 ${file} 有误：${result.problems.join('；')}`, `the calendar file ${file} is invalid`);
  return result.rule;
}

function actorOf(values: Values, option: 'actor' | 'applicant' = 'actor'): Actor {
  const name = required(values[option], `--${option}`, option === 'applicant' ? '申请人姓名' : '签名人姓名', option === 'applicant' ? "the applicant's name" : "the signer's name");
  return { actor: name, actorId: values['actor-id']?.trim() ?? '', rulesVersion: RULES_VERSION, addinVersion: packageVersion() };
}

async function open(file: string | undefined, values: Values): Promise<OpenedForChanges & { profile?: SchoolProfile }> {
  if (!file) throw new UsageError('请指定工作簿：degree-data changes <in.xlsx>', 'name the workbook: degree-data changes <in.xlsx>');
  const profile = values.profile ? await loadProfile(values.profile) : undefined;
  return { ...(await openForChanges(file, { profile })), profile };
}

function noBaseline(file: string): never {
  throw new UsageError(
    `${path.basename(file)} 没有已上报基线：导出上报文件后才会建立基线（已上报的旧数据可用 changes baseline 建立），在此之前数据可直接修改，没有更正可列`,
    `${path.basename(file)} has no reported baseline: it is set when the upload file is exported (for data reported earlier use changes baseline); until then the data may simply be edited and there are no changes to list`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Listing

const fieldLabel = (code: string) => FIELDS[code]?.label ?? code;
const show = (value: string) => (value === '' ? '（空）' : value);

function changeJson(item: ChangeItem) {
  return {
    sheet: item.sheet,
    row: item.row,
    XM: item.XM,
    XH: item.XH,
    XWZSBH: item.XWZSBH,
    ZJHM: item.ZJHM,
    matchedBy: item.matchedBy,
    id: item.request?.id ?? null,
    fields: item.fields.map((f) => ({ field: f.field, label: fieldLabel(f.field), old: f.old, new: f.new, key: f.key })),
    status: item.status,
    upToDate: item.upToDate,
    needsStateApproval: item.needsStateApproval,
    approvalDocument: item.approvalDocument || null,
    cleared: item.cleared,
    reason: item.request?.reason ?? null,
    applicant: item.request?.applicant.actor ?? null,
  };
}

function overviewJson(overview: ChangesOverview) {
  return {
    ok: overview.blockers.length === 0,
    baseline: overview.baseline && {
      rows: overview.baseline.rows,
      digest: overview.baseline.digest,
      seq: overview.baseline.seq,
      intact: overview.baseline.problems.length === 0,
    },
    changes: overview.changes.map(changeJson),
    added: overview.added,
    removed: overview.removed.map((r) => ({ ...r, coveredBy: r.coveredBy ?? null })),
    revocations: overview.revocations.map((r) => ({
      id: r.id,
      sheet: r.sheet,
      row: r.row,
      ...r.label,
      decisionNo: r.decisionNo,
      decisionDate: r.decisionDate,
      reason: r.reason,
      actor: r.actor,
      time: r.time,
      reported: r.reported,
      deadline: r.deadline.deadline,
      daysLeft: r.deadline.calendarDays,
      workingDaysLeft: r.deadline.workingDays,
      overdue: !r.filed && r.deadline.overdue,
      filed: r.filed ? { date: r.filed.date, actor: r.filed.actor } : null,
      present: r.present,
    })),
    deletions: overview.deletions.map((d) => ({
      id: d.id,
      sheet: d.sheet,
      row: d.row,
      ...d.label,
      reason: d.reason,
      actor: d.actor,
      time: d.time,
      filed: d.filed ? { date: d.filed.date, actor: d.filed.actor } : null,
      present: d.present,
    })),
    blockers: overview.blockers,
  };
}

function overviewText(overview: ChangesOverview, rule: DeadlineRule): string {
  const lines: string[] = [];
  const b = overview.baseline!;
  lines.push(`已上报基线：${b.rows} 条记录（审计第 ${b.seq} 号，摘要 ${b.digest.slice(0, 16)}…） / reported baseline: ${b.rows} record(s) (event ${b.seq})`);
  lines.push('');
  lines.push(`更正 / changes: ${overview.changes.length}`);
  for (const item of overview.changes) {
    const who = `${item.XM}${item.XH ? `（学号 ${item.XH}）` : ''}`;
    const status = `${item.request ? `${item.request.id} ` : ''}${STATUS_NAMES[item.status]}${item.request && !item.upToDate ? '，申请后又被修改' : ''}`;
    const document = item.needsStateApproval ? (item.approvalDocument ? `，同意文号 ${item.approvalDocument}` : '，须国务院学位办同意文号') : '';
    lines.push(`  ${item.cleared ? '✔' : '✖'} ${item.sheet} 第${item.row}行 ${who} — ${status}${document}`);
    for (const f of item.fields) lines.push(`      ${fieldLabel(f.field)}${f.key ? ' ★' : ''}: ${show(f.old)} → ${show(f.new)}`);
  }
  if (overview.added.length > 0) {
    lines.push(`新增（尚未上报） / added since the baseline: ${overview.added.map((a) => `${a.sheet} 第${a.row}行 ${a.XM}`).join('；')}`);
  }
  if (overview.removed.length > 0) {
    lines.push(
      `已删除的已上报记录 / removed: ${overview.removed.map((r) => `${r.sheet} 原第${r.row}行 ${r.XM}${r.coveredBy ? `（${r.coveredBy}）` : '（无申请）'}`).join('；')}`,
    );
  }
  lines.push('');
  lines.push(`撤销学位 / revocations: ${overview.revocations.length}`);
  for (const r of overview.revocations) {
    const unit = rule.counting === 'working' ? '个工作日' : '天';
    const left = rule.counting === 'working' ? r.deadline.workingDays : r.deadline.calendarDays;
    const state = r.filed
      ? `已于 ${r.filed.date} 报送`
      : r.deadline.overdue
        ? `已逾期 ${-left} ${unit}（截止 ${r.deadline.deadline}）`
        : `截止 ${r.deadline.deadline}，剩 ${left} ${unit}`;
    lines.push(`  ${r.id} ${r.label.XM}（证书 ${r.label.XWZSBH}）决议 ${r.decisionNo}（${r.decisionDate} 生效）— ${state}`);
  }
  lines.push(`删除申请 / deletions: ${overview.deletions.length}`);
  for (const d of overview.deletions) lines.push(`  ${d.id} ${d.label.XM}（证书 ${d.label.XWZSBH}）— ${d.reason}${d.filed ? `，已于 ${d.filed.date} 报送` : ''}`);
  lines.push('');
  if (overview.blockers.length === 0) lines.push('✔ 没有阻止导出的更正事项 / nothing blocks the export');
  else {
    lines.push(`✖ 导出前须处理 ${overview.blockers.length} 项 / ${overview.blockers.length} item(s) block the export:`);
    for (const blocker of overview.blockers) lines.push(`  - ${blocker.message}`);
  }
  return `${lines.join('\n')}\n`;
}

async function list(file: string | undefined, values: Values, io: CliIO): Promise<number> {
  const format = parseFormat(values.format);
  const rule = await loadCalendar(values.calendar);
  const today = dateOption(values.today, '--today') ?? todayInChina();
  const opened = await open(file, values);
  if (!opened.state.baseline) noBaseline(opened.file);
  const overview = reviewChanges(opened.state, opened.records, {
    today,
    rule,
    unreadableBaseline: opened.state.unreadableBaseline,
    unreadableChanges: opened.state.unreadableChanges,
  });
  io.stdout.write(format === 'json' ? `${JSON.stringify(overviewJson(overview))}\n` : overviewText(overview, rule));
  return overview.blockers.length === 0 ? EXIT_OK : EXIT_ERRORS;
}

// ---------------------------------------------------------------------------------------------------------------
// Recording steps

function refused(result: Extract<StepResult, { ok: false }>, format: 'text' | 'json', io: CliIO): number {
  if (format === 'json') io.stdout.write(`${JSON.stringify({ ok: false, reason: result.reason, message: result.message })}\n`);
  else io.stdout.write(`已拒绝 / refused: ${result.message}（未写入文件 / nothing was written）\n`);
  return EXIT_ERRORS;
}

function brokenChain(opened: OpenedForChanges): boolean {
  return verifyChain(opened.trail.events).length > 0;
}

const STEP_NAMES: Record<string, string> = {
  request: '更正申请 / change request',
  review: '二级学院审核 / college review',
  approval: '学校审批 / school approval',
  document: '国务院学位办同意文号 / state approval document',
  revocation: '撤销学位 / revocation',
  deletion: '删除申请 / deletion',
  filed: '已报送 / reported',
};

async function recordStep(
  opened: OpenedForChanges,
  result: StepResult,
  out: string,
  format: 'text' | 'json',
  io: CliIO,
): Promise<number> {
  if (!result.ok) return refused(result, format, io);
  const step: ChangeStep = result;
  await appendChangeStep(opened.workbook, step);
  await saveWorkbookCopy(opened.workbook, out, opened.file);
  const { entry, event } = step;
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ ok: true, kind: entry.kind, id: entry.id, decision: entry.decision || undefined, seq: event.seq, head: event.entryHash, out })}\n`);
  } else {
    const verdict = entry.decision === 'reject' ? '（不同意 / rejected）' : '';
    io.stdout.write(
      `已登记 / recorded: ${STEP_NAMES[entry.kind]} ${entry.id}${verdict}（${entry.sheet} 第${entry.row}行）→ ${out}\n` +
        `审计第 ${event.seq} 号，末端哈希 / event ${event.seq}, chain head: ${event.entryHash}\n`,
    );
  }
  return EXIT_OK;
}

function level(value: string | undefined): ReviewLevel {
  const text = value?.trim().toLowerCase();
  if (text === 'college' || text === '二级学院' || text === '学院') return 'college';
  if (text === 'school' || text === '学校') return 'school';
  throw new UsageError('--as 只能是 college（二级学院审核）或 school（学校审批）', '--as must be college (review) or school (approval)');
}

async function runStep(sub: Subcommand, file: string | undefined, values: Values, io: CliIO): Promise<number> {
  const format = parseFormat(values.format);
  const out = required(values.out, '--out', '输出文件名（原文件不会被修改）', 'the output file (the input is never modified)');
  if (file) assertNotInput(out, file);
  const where = {
    sheet: values.sheet,
    row: rowNumber(values.row, '--row'),
    reportedRow: rowNumber(values['reported-row'], '--reported-row'),
  };
  const now = new Date();

  // Validate the options before reading the workbook, so that a typo costs no time.
  let by: Actor;
  if (sub === 'request') {
    by = actorOf(values, 'applicant');
    required(values.reason, '--reason', '更正原因', 'the reason');
    if (where.row === undefined) throw new UsageError('请用 --row 指定要申请更正的行', 'name the row with --row');
  } else by = actorOf(values);
  if ((sub === 'revoke' || sub === 'delete') && where.row === undefined && where.reportedRow === undefined) {
    throw new UsageError('请用 --row（当前行号）或 --reported-row（基线中的行号）指定记录', 'name the record with --row (current row) or --reported-row (row in the baseline)');
  }
  if (sub === 'revoke' || sub === 'delete') required(values.reason, '--reason', sub === 'revoke' ? '撤销原因' : '删除原因', 'the reason');

  const opened = await open(file, values);
  if (brokenChain(opened)) {
    throw new UsageError('审计链已损坏，不能在其后登记，请先用 degree-data audit verify 查明', 'the audit chain is broken: run degree-data audit verify first');
  }
  const { state, records, sheets } = opened;

  if (sub === 'baseline') {
    if (state.baseline) {
      if (!values.replace) {
        return refused(
          { ok: false, reason: 'baselineExists', message: '已有已上报基线，通常由导出上报文件更新；确需替换请加 --replace / a baseline exists (the export normally renews it); add --replace to replace it' },
          format,
          io,
        );
      }
      const blockers = reviewChanges(state, records, { unreadableBaseline: state.unreadableBaseline, unreadableChanges: state.unreadableChanges }).blockers;
      if (blockers.length > 0) {
        return refused(
          { ok: false, reason: 'blocked', message: `有 ${blockers.length} 项未完成的更正事项，不能替换基线：${blockers[0].message}` },
          format,
          io,
        );
      }
    }
    const { baseline, event } = establishBaseline(state.events, records, sheets, by, now);
    await writeBaseline(opened.workbook, baseline, event);
    await saveWorkbookCopy(opened.workbook, out, opened.file);
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify({ ok: true, kind: 'baseline', rows: baseline.rows.length, digest: event.datasetDigest, seq: event.seq, head: event.entryHash, out })}\n`);
    } else {
      const errors = opened.report.counts.error;
      io.stdout.write(
        `已建立已上报基线：${baseline.rows.length} 条记录（审计第 ${event.seq} 号）→ ${out}\n` +
          `Baseline set: ${baseline.rows.length} record(s) (event ${event.seq}); digest ${event.datasetDigest}\n` +
          (errors > 0 ? `注意：数据中仍有 ${errors} 个错误 / note: the data still has ${errors} error(s)\n` : ''),
      );
    }
    return EXIT_OK;
  }

  let result: StepResult;
  switch (sub) {
    case 'request':
      result = requestChange(state, records, { sheet: where.sheet, row: where.row! }, { reason: values.reason! }, by, now);
      break;
    case 'approve':
    case 'reject': {
      const id = required(values.id, '--id', '更正申请编号（如 C1）', 'the request id (e.g. C1)');
      const note = sub === 'reject' ? required(values.note, '--note', '不同意的理由', 'the reason for rejecting') : values.note;
      result = decideRequest(
        state,
        records,
        { id, level: level(values.as), decision: sub === 'approve' ? 'agree' : 'reject', note, document: values.document },
        by,
        now,
      );
      break;
    }
    case 'revoke':
      result = recordRevocation(
        state,
        records,
        sheets,
        where,
        {
          decisionNo: required(values['decision-no'], '--decision-no', '撤销学位决议编号', 'the decision number'),
          decisionDate: dateOption(required(values['decision-date'], '--decision-date', '决议生效日期', 'the decision date'), '--decision-date')!,
          reason: values.reason!,
        },
        by,
        now,
      );
      break;
    case 'delete':
      result = recordDeletion(state, records, sheets, where, { reason: values.reason! }, by, now);
      break;
    case 'filed':
      result = recordFiled(
        state,
        {
          id: required(values.id, '--id', '撤销或删除编号（如 R1）', 'the revocation or deletion id (e.g. R1)'),
          date: dateOption(values.date, '--date') ?? todayInChina(now),
          note: values.note,
        },
        by,
        now,
      );
      break;
    default:
      throw new Error(`unhandled subcommand ${sub}`);
  }
  return recordStep(opened, result, out, format, io);
}

// ---------------------------------------------------------------------------------------------------------------
// Files and forms

function kindOf(value: string | undefined, allowed: readonly string[]): string {
  const text = value?.trim().toLowerCase();
  if (!text || !allowed.includes(text)) throw new UsageError(`--kind 只能是 ${allowed.join('、')}`, `--kind must be ${allowed.join(', ')}`);
  return text;
}

async function writeOutput(sub: 'file' | 'form', file: string | undefined, values: Values, io: CliIO): Promise<number> {
  const format = parseFormat(values.format);
  const out = required(values.out, '--out', '输出文件名', 'the output file');
  if (file) assertNotInput(out, file);
  const kind = kindOf(values.kind, sub === 'file' ? ['revocation', 'deletion'] : ['request', 'revocation', 'deletion']);
  const header = values.header?.trim().toLowerCase();
  if (header !== undefined && header !== 'code' && header !== 'label') throw new UsageError('--header 只能是 code 或 label', '--header must be code or label');
  const rule = await loadCalendar(values.calendar);
  const today = dateOption(values.today, '--today') ?? todayInChina();
  const opened = await open(file, values);
  const profile = opened.profile ?? DEFAULT_PROFILE;
  const unit = { code: profile.unitCode, name: profile.unitName };
  const { state } = opened;
  let data: string | Uint8Array;
  let count: number;
  if (kind === 'request') {
    if (!state.baseline) noBaseline(opened.file);
    const baseline = state.baseline;
    const requests = foldRequests(state.entries).filter((r) => (values.id ? r.id === values.id : r.baselineSeq === baseline.seq && r.status !== 'rejected'));
    if (values.id && requests.length === 0) throw new UsageError(`没有编号为 ${values.id} 的更正申请`, `no change request ${values.id}`);
    const items = requests.map((request) => ({
      request,
      record: baseline.rows.find((b) => `${b.sheet}!${b.row}` === request.baselineRef)?.values ?? {},
    }));
    data = changeRequestForm(items, { unit, today, rule });
    count = items.length;
  } else {
    const { revocations, deletions } = foldWithdrawals(state.entries);
    const all: Withdrawal[] = kind === 'revocation' ? revocations : deletions;
    const items = values.id ? all.filter((w) => w.id === values.id) : all;
    if (values.id && items.length === 0) throw new UsageError(`没有编号为 ${values.id} 的记录`, `no ${kind} ${values.id}`);
    const which = kind as Withdrawal['kind'];
    data = sub === 'file' ? withdrawalFile(items, which, { headerStyle: header as 'code' | 'label' | undefined }) : withdrawalReport(items, which, { unit, today, rule });
    count = items.length;
  }
  await saveFile(out, opened.file, data);
  if (format === 'json') io.stdout.write(`${JSON.stringify({ ok: true, kind, records: count, out })}\n`);
  else io.stdout.write(`已生成 / written: ${out}（${count} 条 / ${count} record(s)）\n`);
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Runs `degree-data changes …` (argv without the word `changes`; a leading `changes` is skipped too) and resolves
 * to the exit code. Never throws: unusable input is one bilingual line on stderr and exit code 2.
 */
export async function runChanges(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = argv[0] === 'changes' ? argv.slice(1) : argv;
    const sub = (SUBCOMMANDS as readonly string[]).includes(args[0]) ? (args[0] as Subcommand) : undefined;
    const { values, positionals } = parse(sub ? args.slice(1) : args);
    if (values.help) {
      io.stdout.write(CHANGES_HELP);
      return EXIT_OK;
    }
    if (positionals.length > 1) {
      const extra = positionals.slice(1).join(' ');
      throw new UsageError(`多余的参数：${extra}（子命令：${SUBCOMMANDS.join('、')}）`, `unexpected arguments: ${extra} (subcommands: ${SUBCOMMANDS.join(', ')})`);
    }
    const file = positionals[0];
    if (file === undefined && sub === undefined && args.length === 0) {
      io.stderr.write(CHANGES_HELP);
      return EXIT_UNUSABLE;
    }
    if (sub === undefined) return await list(file, values, io);
    if (sub === 'file' || sub === 'form') return await writeOutput(sub, file, values, io);
    return await runStep(sub, file, values, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

