/**
 * The export gate (第十一条（二）（五）, 第十二条): the upload file is produced only from data that has no error, whose
 * current digest carries a 采集完成 and a later 校核通过 by a different person, and whose audit chain verifies.
 * Otherwise every reason is given, in Chinese and English. Each export is recorded as an 导出上报文件 event (after a
 * 补报说明 event when the deadline has passed). There is no switch to turn any of this off.
 */
import { nextEvent, verifyChain } from '../audit/chain';
import { changedRows, type DatasetDigest } from '../audit/digest';
import type { AuditEvent, Role } from '../audit/events';
import type { SignedDigests } from '../audit/sheetFormat';
import type { Issue, ValidationReport } from '../model/types';
import { describeDeadline, type DeadlineStatus } from './deadline';
import type { ExportBlocker } from '../changes/requests';
import { samePerson } from '../audit/signing';

export type GateReasonCode =
  | 'noData'
  | 'errors'
  | 'exportIssues'
  | 'auditUnreadable'
  | 'chainBroken'
  | 'notCollected'
  | 'changedSinceSignOff'
  | 'notChecked'
  | 'checkedBySamePerson'
  | 'returned'
  | 'notApproved'
  | 'lateWithoutReason'
  | 'pendingChanges';

export interface GateReason {
  code: GateReasonCode;
  zh: string;
  en: string;
  /** Excel rows the reason concerns (rows changed since the sign-off). */
  rows?: number[];
}

export interface GateInput {
  report: ValidationReport;
  /** What the target file cannot hold (checkUploadValues). */
  exportIssues?: readonly Issue[];
  events: readonly AuditEvent[];
  /** Audit sheet rows that hold no event (typed over): the trail is not intact. */
  unreadableAuditRows?: readonly number[];
  /** Digest of the data as it is now: digestRows of every record, in sheet order. */
  digest: DatasetDigest;
  /** Row digests kept at the last sign-off, to name the rows changed since. */
  signed?: SignedDigests;
  /** A chain head printed on a sign-off slip or an earlier manifest: the chain must still lead to it. */
  expectedHead?: string;
  /** Also require the degree office's 审核通过 after the check (the rules require 采集完成 and 校核通过 only). */
  requireApproval?: boolean;
  deadline?: DeadlineStatus;
  lateReason?: string;
  /** After a first report: changes against the reported baseline that still lack their approvals (第十三–十五条). */
  changeBlockers?: readonly ExportBlocker[];
}

export type GateDecision =
  | { ok: true; collected: AuditEvent; checked: AuditEvent; approved?: AuditEvent; late: boolean }
  | { ok: false; reasons: GateReason[] };


const SIGN_OFFS = new Set(['采集完成', '校核通过', '审核通过']);

const rowList = (rows: readonly number[], separator: string) =>
  rows.length > 12 ? `${rows.slice(0, 12).join(separator)}${separator}…` : rows.join(separator);

/** Decides whether the data may be exported, with every reason when it may not. */
export function checkExportGate(input: GateInput): GateDecision {
  const reasons: GateReason[] = [];
  const add = (code: GateReasonCode, zh: string, en: string, rows?: number[]) => reasons.push({ code, zh, en, ...(rows ? { rows } : {}) });
  const { report, events } = input;

  if (report.rows === 0) add('noData', '没有可以上报的数据行', 'there are no data rows to report');
  if (report.counts.error > 0) {
    add('errors', `数据还有 ${report.counts.error} 个错误，改正并重新签核后才能导出（规程第十一条（五））`, `the data still has ${report.counts.error} error(s): fix them and sign off again before exporting`);
  }
  const exportIssues = (input.exportIssues ?? []).filter((issue) => issue.severity === 'error');
  if (exportIssues.length > 0) {
    const rows = [...new Set(exportIssues.map((issue) => issue.row ?? 0))].filter((row) => row > 0).sort((a, b) => a - b);
    add(
      'exportIssues',
      `有 ${exportIssues.length} 个值无法写入上报文件（第 ${rowList(rows, '、')} 行），见问题列表`,
      `${exportIssues.length} value(s) cannot be written to the upload file (row(s) ${rowList(rows, ', ')}); see the issues`,
      rows,
    );
  }

  if (input.unreadableAuditRows?.length) {
    const rows = [...input.unreadableAuditRows];
    add(
      'auditUnreadable',
      `审计表第 ${rowList(rows, '、')} 行不是有效的签核记录，审计记录可能被改动`,
      `audit sheet row(s) ${rowList(rows, ', ')} hold no valid event: the audit trail may have been altered`,
      rows,
    );
  }
  for (const problem of verifyChain(events, input.expectedHead)) {
    const [zh, en] = problem.message.split(' / ');
    add('chainBroken', `审计链校验未通过：${zh}`, `the audit chain does not verify: ${en ?? zh}`);
  }

  const digest = input.digest.digest;
  const onData = (event: AuditEvent) => event.datasetDigest === digest;
  const collections = events.filter((e) => e.action === '采集完成' && onData(e));
  let collected: AuditEvent | undefined;
  let checked: AuditEvent | undefined;
  let approved: AuditEvent | undefined;
  if (collections.length === 0) {
    const signOffs = events.filter((e) => SIGN_OFFS.has(e.action));
    if (signOffs.length > 0) {
      const changed = input.signed ? changedRows(input.signed.rows, input.digest.rows) : undefined;
      const rows = changed?.changed ?? [];
      const deleted = changed?.deleted ?? 0;
      const zhRows = rows.length ? `第 ${rowList(rows, '、')} 行已被修改` : '';
      const enRows = rows.length ? `row(s) ${rowList(rows, ', ')} changed` : '';
      const zhDeleted = deleted ? `${deleted} 行被删除` : '';
      const enDeleted = deleted ? `${deleted} row(s) deleted` : '';
      add(
        'changedSinceSignOff',
        `数据在最近一次签核后已改变${zhRows || zhDeleted ? `（${[zhRows, zhDeleted].filter(Boolean).join('，')}）` : ''}，须重新签“采集完成”和“校核通过”`,
        `the data changed after the last sign-off${enRows || enDeleted ? ` (${[enRows, enDeleted].filter(Boolean).join(', ')})` : ''}: collect and check it again`,
        rows.length ? rows : undefined,
      );
    } else {
      add('notCollected', '当前数据没有“采集完成”签核', 'the current data has no collector sign-off (采集完成)');
    }
  } else {
    // A check counts when it comes after a collection of the same data, by somebody else (第十一条（二）).
    const checks = events.filter((e) => e.action === '校核通过' && onData(e));
    const valid: { c: AuditEvent; k: AuditEvent }[] = [];
    let samePersonOnly = false;
    for (const k of checks) {
      const before = collections.filter((c) => events.indexOf(c) < events.indexOf(k));
      const other = before.filter((c) => !samePerson(c, k));
      if (other.length) valid.push({ c: other[other.length - 1], k });
      else if (before.length) samePersonOnly = true;
    }
    if (valid.length === 0) {
      if (samePersonOnly) {
        add(
          'checkedBySamePerson',
          `“校核通过”与“采集完成”是同一人（${collections[collections.length - 1].actor}），校核与采集须由不同人员完成（规程第十一条（二））`,
          `the check was signed by the collector (${collections[collections.length - 1].actor}): collection and check must be done by different people`,
        );
      } else {
        add('notChecked', '当前数据在“采集完成”之后没有他人的“校核通过”', 'the current data has no check (校核通过) by someone else after its collection');
      }
    } else {
      ({ c: collected, k: checked } = valid[valid.length - 1]);
      const after = events.slice(events.indexOf(checked) + 1);
      const returned = after.find((e) => e.action === '退回');
      if (returned) {
        add(
          'returned',
          `${returned.actor} 在校核之后将数据退回（第 ${returned.seq} 号记录${returned.note ? `：${returned.note}` : ''}），须修改后重新签核`,
          `${returned.actor} returned the data after the check (event ${returned.seq}${returned.note ? `: ${returned.note}` : ''}): fix it and sign off again`,
        );
      }
      approved = after.find((e) => e.action === '审核通过' && onData(e) && !samePerson(e, checked!));
      if (input.requireApproval && !approved) {
        add('notApproved', '本校要求学位办“审核通过”后才能导出，当前数据尚未审核', 'this school requires the degree office’s approval (审核通过) before export');
      }
    }
  }

  if (input.deadline?.late && !input.lateReason?.trim()) {
    const { zh, en } = describeDeadline(input.deadline);
    add('lateWithoutReason', `${zh}（规程第十一条（六））`, en);
  }

  for (const blocker of input.changeBlockers ?? []) {
    const [zh, en = zh] = blocker.message.split(' / ');
    add('pendingChanges', zh, en, blocker.row !== undefined ? [blocker.row] : undefined);
  }

  if (reasons.length > 0 || !collected || !checked) return { ok: false, reasons };
  return { ok: true, collected, checked, ...(approved ? { approved } : {}), late: input.deadline?.late ?? false };
}

/** One line per reason, Chinese / English: what the CLI prints and the pane lists. */
export function describeRefusal(reasons: readonly GateReason[]): string[] {
  return reasons.map((reason) => `${reason.zh} / ${reason.en}`);
}

export interface ExportedFile {
  name: string;
  rows: number;
  sha256: string;
}

export interface ExportEventInput {
  actor: string;
  actorId: string;
  role: Role;
  /** Sheets and rows exported, e.g. 外国语学院!2:301；商学院!2:50. */
  scope: string;
  datasetDigest: string;
  rulesVersion: string;
  addinVersion: string;
  files: readonly ExportedFile[];
  deadline?: DeadlineStatus;
  /** Required when the deadline has passed. */
  lateReason?: string;
  now?: Date;
}

/** The scope of an export: every sheet with its first and last data row. */
export function scopeOf(records: readonly { sheet: string; excelRow: number }[]): string {
  const ranges = new Map<string, [number, number]>();
  for (const { sheet, excelRow } of records) {
    const range = ranges.get(sheet);
    if (!range) ranges.set(sheet, [excelRow, excelRow]);
    else ranges.set(sheet, [Math.min(range[0], excelRow), Math.max(range[1], excelRow)]);
  }
  return [...ranges].map(([sheet, [from, to]]) => `${sheet}!${from}:${to}`).join('；');
}

/**
 * The events an export appends, in order: a 补报说明 with the reason when the deadline has passed, then the
 * 导出上报文件 event whose note names each file, its rows and its SHA-256. No personal data goes into the note.
 */
export function exportEvents(events: readonly AuditEvent[], input: ExportEventInput): AuditEvent[] {
  const now = input.now ?? new Date();
  const base = {
    actor: input.actor,
    actorId: input.actorId,
    role: input.role,
    scope: input.scope,
    datasetDigest: input.datasetDigest,
    rulesVersion: input.rulesVersion,
    addinVersion: input.addinVersion,
  };
  const out: AuditEvent[] = [];
  const decision = input.deadline
    ? `决议 ${input.deadline.decision.number}（${input.deadline.decision.date}），截止 ${input.deadline.deadline}`
    : '';
  if (input.deadline?.late) {
    const reason = input.lateReason?.trim();
    if (!reason) throw new Error('a late export needs a reason');
    out.push(
      nextEvent(events, { ...base, action: '补报说明', note: `${decision}，超期 ${-input.deadline.daysLeft} 天；补报原因：${reason}` }, now),
    );
  }
  const files = input.files.map((file) => `文件 ${file.name}；${file.rows} 行；SHA-256 ${file.sha256}`).join(' | ');
  out.push(nextEvent([...events, ...out], { ...base, action: '导出上报文件', note: decision ? `${files} | ${decision}` : files }, now));
  return out;
}
