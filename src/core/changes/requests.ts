/**
 * Change requests (更正申请) after reporting (第十三条–第十五条): a reported record that was edited must not reach the
 * next export until a written application with its reason was reviewed by the 二级学院 and approved by the school —
 * and, when it touches 姓名, 性别, 证件号码 or 学位类别, until the 国务院学位办 agreed (its document number recorded).
 *
 * A request is built from the differences of one record against the baseline and freezes them (field, old, new).
 * When the data changes again afterwards, the request no longer covers it and a new request is needed: approvals
 * are bound to the values they approved.
 */
import type { DigestableRecord } from '../audit/digest';
import type { Actor, SheetKind } from './baseline';
import { baselineDigest, checkBaseline, type BaselineProblem } from './baseline';
import { diffRecords, maskId, refOf, type ChangedRecord, type MatchKey } from './diff';
import { buildStep, checkChangeLog, refuse, samePerson, type ChangeContext, type LogProblem, type StepResult } from './log';
import { timeLeft, REVOCATION_RULE, type DeadlineRule, type TimeLeft } from './calendar';
import { foldWithdrawals, stillPresent, type Deletion, type Revocation } from './revocation';
import { blankEntry, nextId, type ChangeEntry, type FieldChange } from './sheetFormat';

export type RequestStatus = 'pending' | 'reviewed' | 'approved' | 'rejected';

export interface RequestStep {
  actor: string;
  time: string;
  note: string;
  auditSeq: number;
}

export interface ChangeRequest {
  id: string;
  baselineSeq: number;
  baselineRef: string;
  /** Where the record was when the request was made. */
  sheet: string;
  row: number;
  fields: FieldChange[];
  reason: string;
  applicant: RequestStep;
  review?: RequestStep & { decision: 'agree' | 'reject' };
  approval?: RequestStep & { decision: 'agree' | 'reject' };
  /** 国务院学位办 同意文号 ('' until recorded). */
  approvalDocument: string;
  documentStep?: RequestStep;
  status: RequestStatus;
  needsStateApproval: boolean;
}

const step = (entry: ChangeEntry): RequestStep => ({ actor: entry.actor, time: entry.time, note: entry.note, auditSeq: entry.auditSeq });

/** The requests of the log with their state, in the order they were made. */
export function foldRequests(entries: readonly ChangeEntry[]): ChangeRequest[] {
  const requests = new Map<string, ChangeRequest>();
  for (const entry of entries) {
    if (entry.kind === 'request') {
      requests.set(entry.id, {
        id: entry.id,
        baselineSeq: entry.baselineSeq,
        baselineRef: entry.baselineRef,
        sheet: entry.sheet,
        row: entry.row,
        fields: entry.fields,
        reason: entry.reason,
        applicant: step(entry),
        approvalDocument: '',
        status: 'pending',
        needsStateApproval: entry.fields.some((f) => f.key),
      });
      continue;
    }
    const request = requests.get(entry.id);
    if (!request) continue;
    if (entry.kind === 'review' && request.status === 'pending') {
      const decision = entry.decision === 'reject' ? 'reject' : 'agree';
      request.review = { ...step(entry), decision };
      request.status = decision === 'agree' ? 'reviewed' : 'rejected';
    } else if (entry.kind === 'approval' && request.status === 'reviewed') {
      const decision = entry.decision === 'reject' ? 'reject' : 'agree';
      request.approval = { ...step(entry), decision };
      request.status = decision === 'agree' ? 'approved' : 'rejected';
      if (decision === 'agree' && entry.document) {
        request.approvalDocument = entry.document;
        request.documentStep = step(entry);
      }
    } else if (entry.kind === 'document' && request.status === 'approved') {
      request.approvalDocument = entry.document;
      request.documentStep = step(entry);
    }
  }
  return [...requests.values()];
}

const fieldKey = (fields: readonly FieldChange[]) =>
  fields
    .map((f) => `${f.field}\u0000${f.old}\u0000${f.new}`)
    .sort()
    .join('\u0001');

/** Whether a request covers exactly the differences a record has now. */
export function coversChange(request: ChangeRequest, change: ChangedRecord): boolean {
  return fieldKey(request.fields) === fieldKey(change.fields);
}

/** Requests of the current baseline by baseline ref, the latest last. */
function requestsByRef(requests: readonly ChangeRequest[], baselineSeq: number): Map<string, ChangeRequest[]> {
  const map = new Map<string, ChangeRequest[]>();
  for (const request of requests) {
    if (request.baselineSeq !== baselineSeq) continue;
    const list = map.get(request.baselineRef);
    if (list) list.push(request);
    else map.set(request.baselineRef, [request]);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

/** 更正申请 for the record at `target`: all its differences against the baseline, with the reason. */
export function requestChange(
  context: ChangeContext,
  records: readonly DigestableRecord[],
  where: { sheet?: string; row: number },
  input: { reason: string },
  by: Actor,
  now: Date = new Date(),
): StepResult {
  if (!context.baseline) return refuse('noBaseline', '还没有已上报基线，数据可直接修改', 'there is no reported baseline yet: the data may simply be edited');
  if (!by.actor.trim()) return refuse('noActor', '请填写申请人姓名', 'enter the applicant’s name');
  if (!input.reason.trim()) return refuse('noReason', '请说明更正原因（规程第十五条）', 'give the reason for the change (第十五条)');
  const diff = diffRecords(context.baseline.rows, records);
  const candidates = records.filter((r) => r.excelRow === where.row && (where.sheet === undefined || r.sheet === where.sheet));
  if (candidates.length > 1) {
    return refuse('ambiguousSheet', `多个工作表都有第 ${where.row} 行，请指定工作表`, `several sheets have row ${where.row}: name the sheet`);
  }
  const current = candidates[0];
  if (!current) return refuse('noRecord', `第 ${where.row} 行没有记录`, `no record at row ${where.row}`);
  if (diff.added.includes(current)) {
    return refuse('notReported', `第 ${where.row} 行尚未上报（不在已上报基线中），无需更正申请`, `row ${where.row} has not been reported (not in the baseline): no change request is needed`);
  }
  const change = diff.changed.find((c) => c.current === current);
  if (!change) return refuse('noChange', `第 ${where.row} 行与已上报数据一致，没有需要申请的更正`, `row ${where.row} equals the reported data: nothing to request`);
  const earlier = (requestsByRef(foldRequests(context.entries), context.baseline.seq).get(change.baselineRef) ?? []).at(-1);
  if (earlier && earlier.status !== 'rejected' && coversChange(earlier, change)) {
    return refuse('alreadyRequested', `第 ${where.row} 行的更正已有申请 ${earlier.id}`, `row ${where.row} already has change request ${earlier.id}`);
  }
  const id = nextId(context.entries, 'C');
  const key = change.needsStateApproval;
  return {
    ok: true,
    ...buildStep(
      context,
      {
        ...blankEntry('request', id),
        sheet: change.sheet,
        row: change.row,
        baselineSeq: context.baseline.seq,
        baselineRef: change.baselineRef,
        template: change.baseline.template,
        category: change.baseline.category,
        fields: change.fields,
        reason: input.reason.trim(),
        note: earlier ? `supersedes ${earlier.id}` : '',
      },
      {
        action: '更正申请',
        note: `${id}：更正 ${change.fields.map((f) => f.field).join('、')}${key ? '（含关键信息，须国务院学位办同意）' : ''}${earlier ? `，取代 ${earlier.id}` : ''}`,
      },
      by,
      now,
    ),
  };
}

export type ReviewLevel = 'college' | 'school';

/**
 * 二级学院审核 (college) of a pending request, or 学校审批 (school) of a reviewed one; agree or reject. The
 * applicant does not review, the reviewer does not approve. A school approval may carry the 国务院学位办
 * document number; on an approved key-field request without one, `document` records it.
 * Refused when the data changed since the request (the approval would not be of these values).
 */
export function decideRequest(
  context: ChangeContext,
  records: readonly DigestableRecord[],
  input: { id: string; level: ReviewLevel; decision: 'agree' | 'reject'; note?: string; document?: string },
  by: Actor,
  now: Date = new Date(),
): StepResult {
  if (!by.actor.trim()) return refuse('noActor', '请填写审核人姓名', 'enter the reviewer’s name');
  const request = foldRequests(context.entries).find((r) => r.id === input.id);
  if (!request) return refuse('noRequest', `没有编号为 ${input.id} 的更正申请`, `no change request ${input.id}`);
  if (!context.baseline || request.baselineSeq !== context.baseline.seq) {
    return refuse('oldBaseline', `${input.id} 属于以前的基线，已随后来的上报处理`, `${input.id} belongs to an earlier baseline and was settled by a later export`);
  }
  const change = diffRecords(context.baseline.rows, records).changed.find((c) => c.baselineRef === request.baselineRef);
  if (input.decision === 'agree' && (!change || !coversChange(request, change))) {
    return refuse('stale', `${input.id} 提交后数据又被修改，请重新提出更正申请`, `the data changed after ${input.id} was filed: file a new change request`);
  }
  const document = input.document?.trim() ?? '';
  const note = input.note?.trim() ?? '';
  if (input.decision === 'reject' && !note) return refuse('noNote', '不同意时请说明理由', 'give the reason for rejecting');
  const base = {
    id: request.id,
    sheet: change?.sheet ?? request.sheet,
    row: change?.row ?? request.row,
    baselineSeq: request.baselineSeq,
    baselineRef: request.baselineRef,
    template: '' as const,
    category: '' as const,
    fields: [],
    values: {},
    reason: '',
    decisionNo: '',
    decisionDate: '',
    note,
  };
  const verb = input.decision === 'agree' ? '同意' : '不同意';
  if (input.level === 'college') {
    if (request.status !== 'pending') {
      return refuse('notPending', `${input.id} 当前状态为“${STATUS_NAMES[request.status]}”，不能再由二级学院审核`, `${input.id} is ${request.status}: the college review is not open`);
    }
    if (samePerson(request.applicant.actor, by.actor)) {
      return refuse('sameAsApplicant', '申请人不能审核自己的更正申请', 'the applicant cannot review their own request');
    }
    return {
      ok: true,
      ...buildStep(
        context,
        { ...base, kind: 'review', decision: input.decision, document: '' },
        {
          action: '二级学院审核',
          meaning: input.decision === 'agree' ? undefined : '二级学院审核不同意更正申请，退回',
          note: `${request.id}：二级学院${verb}`,
        },
        by,
        now,
      ),
    };
  }
  if (request.status === 'approved') {
    if (input.decision === 'reject') return refuse('alreadyApproved', `${input.id} 已经审批同意`, `${input.id} is already approved`);
    if (!document) return refuse('alreadyApproved', `${input.id} 已经审批同意`, `${input.id} is already approved`);
    return {
      ok: true,
      ...buildStep(
        context,
        { ...base, kind: 'document', decision: '', document },
        { action: '学校审批', meaning: '记录国务院学位委员会办公室同意更正关键信息的文号（规程第十五条）', note: `${request.id}：国务院学位办同意文号 ${document}` },
        by,
        now,
      ),
    };
  }
  if (request.status !== 'reviewed') {
    const zh = request.status === 'pending' ? `${input.id} 尚未经二级学院审核` : `${input.id} 已被退回`;
    const en = request.status === 'pending' ? `${input.id} has not been reviewed by the college yet` : `${input.id} was rejected`;
    return refuse(request.status === 'pending' ? 'notReviewed' : 'rejected', zh, en);
  }
  if (samePerson(request.applicant.actor, by.actor) || samePerson(request.review?.actor ?? '', by.actor)) {
    return refuse('sameAsReviewer', '学校审批人不能是该申请的申请人或二级学院审核人', 'the school approver cannot be the applicant or the college reviewer');
  }
  return {
    ok: true,
    ...buildStep(
      context,
      { ...base, kind: 'approval', decision: input.decision, document: input.decision === 'agree' ? document : '' },
      {
        action: '学校审批',
        meaning: input.decision === 'agree' ? undefined : '学校审批不同意更正申请，退回',
        note: `${request.id}：学校${verb}${document && input.decision === 'agree' ? `；国务院学位办同意文号 ${document}` : ''}`,
      },
      by,
      now,
    ),
  };
}

export const STATUS_NAMES: Readonly<Record<RequestStatus | 'unrequested', string>> = {
  unrequested: '未申请',
  pending: '待二级学院审核',
  reviewed: '待学校审批',
  approved: '已审批',
  rejected: '已退回',
};

// ---------------------------------------------------------------------------------------------------------------
// Overview and the export gate

export type BlockerKind =
  | 'unrequested'
  | 'awaitingReview'
  | 'awaitingApproval'
  | 'rejected'
  | 'stale'
  | 'documentMissing'
  | 'removedWithoutApplication'
  | 'withdrawnStillPresent'
  | 'baselineAltered'
  | 'changeLogAltered';

/** Why the export must wait. Messages are one line, Chinese / English. */
export interface ExportBlocker {
  kind: BlockerKind;
  sheet?: string;
  row?: number;
  id?: string;
  message: string;
}

/** Who a record is, for people reading the list: no full 证件号码. */
export interface RecordLabel {
  XM: string;
  XH: string;
  XWZSBH: string;
  /** 证件号码 masked: first 6 and last 4 characters. */
  ZJHM: string;
}

export function labelOf(values: Readonly<Record<string, string>>): RecordLabel {
  return { XM: values.XM ?? '', XH: values.XH ?? '', XWZSBH: values.XWZSBH ?? '', ZJHM: maskId(values.ZJHM ?? '') };
}

export interface ChangeItem extends RecordLabel {
  sheet: string;
  row: number;
  baselineRef: string;
  matchedBy: MatchKey;
  fields: FieldChange[];
  needsStateApproval: boolean;
  /** The latest request for this record against the current baseline. */
  request?: ChangeRequest;
  status: RequestStatus | 'unrequested';
  /** The request covers the data as it is now. */
  upToDate: boolean;
  approvalDocument: string;
  /** Ready to export: approved, up to date, and with the document number when a key field changed. */
  cleared: boolean;
}

export interface RevocationItem extends Revocation {
  deadline: TimeLeft;
  label: RecordLabel;
  /** The revoked record is still in the data (and would be exported again). */
  present: boolean;
}

export interface DeletionItem extends Deletion {
  label: RecordLabel;
  present: boolean;
}

export interface ChangesOverview {
  baseline?: { seq: number; rows: number; digest: string; problems: BaselineProblem[] };
  changes: ChangeItem[];
  added: (RecordLabel & { sheet: string; row: number })[];
  removed: (RecordLabel & { sheet: string; row: number; baselineRef: string; coveredBy?: string })[];
  revocations: RevocationItem[];
  deletions: DeletionItem[];
  logProblems: LogProblem[];
  blockers: ExportBlocker[];
}

export interface OverviewOptions {
  /** YYYYMMDD, for the days left; defaults to today in China. */
  today?: string;
  /** How revocation deadlines are counted (default: 10 working days). */
  rule?: DeadlineRule;
  /** Rows of `_dd_baseline` / `_dd_changes` that could not be read. */
  unreadableBaseline?: readonly number[];
  unreadableChanges?: readonly number[];
}

function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

const where = (sheet: string, row: number) => ({ zh: `${sheet} 第 ${row} 行`, en: `${sheet} row ${row}` });

function blockerOf(item: ChangeItem): ExportBlocker | undefined {
  const at = where(item.sheet, item.row);
  const id = item.request?.id;
  const fields = item.fields.map((f) => f.field).join('、');
  const base = { sheet: item.sheet, row: item.row, id };
  if (!item.request) {
    return {
      ...base,
      kind: 'unrequested',
      message: `${at.zh}已上报后被修改（${fields}），须提出更正申请 / ${at.en} was changed after reporting (${fields}): file a change request`,
    };
  }
  if (!item.upToDate) {
    return {
      ...base,
      kind: 'stale',
      message: `${at.zh}在更正申请 ${id} 之后又被修改，须重新申请 / ${at.en} changed again after request ${id}: file a new request`,
    };
  }
  switch (item.status) {
    case 'pending':
      return { ...base, kind: 'awaitingReview', message: `更正申请 ${id}（${at.zh}）待二级学院审核 / change request ${id} (${at.en}) awaits the college review` };
    case 'reviewed':
      return { ...base, kind: 'awaitingApproval', message: `更正申请 ${id}（${at.zh}）待学校审批 / change request ${id} (${at.en}) awaits the school’s approval` };
    case 'rejected':
      return {
        ...base,
        kind: 'rejected',
        message: `更正申请 ${id}（${at.zh}）已被退回，须恢复已上报的值或重新申请 / change request ${id} (${at.en}) was rejected: restore the reported values or file a new request`,
      };
    default:
      break;
  }
  if (item.needsStateApproval && !item.approvalDocument) {
    return {
      ...base,
      kind: 'documentMissing',
      message: `更正申请 ${id}（${at.zh}）涉及关键信息，须录入国务院学位办同意文号后才能导出 / change request ${id} (${at.en}) changes key information: record the 国务院学位办 approval document number before exporting`,
    };
  }
  return undefined;
}

/**
 * Everything the pane and the CLI show about a reported batch: changes against the baseline with their requests,
 * records added and removed, revocations with their deadlines, deletions, and what blocks the next export.
 */
export function reviewChanges(context: ChangeContext, records: readonly DigestableRecord[], options: OverviewOptions = {}): ChangesOverview {
  const today = options.today ?? todayInChina();
  const rule = options.rule ?? REVOCATION_RULE;
  const blockers: ExportBlocker[] = [];
  const logProblems = checkChangeLog(context.entries, context.events, options.unreadableChanges);
  for (const problem of logProblems) blockers.push({ kind: 'changeLogAltered', id: problem.id, message: problem.message });

  const { revocations, deletions } = foldWithdrawals(context.entries);
  const revocationItems: RevocationItem[] = revocations.map((r) => ({
    ...r,
    deadline: timeLeft(r.decisionDate, today, rule),
    label: labelOf(r.values),
    present: stillPresent(r, records),
  }));
  const deletionItems: DeletionItem[] = deletions.map((d) => ({ ...d, label: labelOf(d.values), present: stillPresent(d, records) }));
  for (const item of [...revocationItems, ...deletionItems]) {
    if (!item.present) continue;
    const zh = item.kind === 'revocation' ? '已撤销学位' : '已申请删除';
    const en = item.kind === 'revocation' ? 'was revoked' : 'is to be deleted';
    blockers.push({
      kind: 'withdrawnStillPresent',
      id: item.id,
      sheet: item.sheet,
      row: item.row,
      message: `${item.id}：${item.label.XM} ${zh}，其记录仍在数据中，导出前须从工作表删除（原始记录保存在更正记录中） / ${item.id}: ${item.label.XM} ${en} but the record is still in the data: remove it from the sheet before exporting (the original is kept in the change log)`,
    });
  }

  const overview: ChangesOverview = { changes: [], added: [], removed: [], revocations: revocationItems, deletions: deletionItems, logProblems, blockers };
  const baseline = context.baseline;
  if (!baseline) return overview;

  const baselineProblems = checkBaseline(baseline, context.events, options.unreadableBaseline);
  overview.baseline = { seq: baseline.seq, rows: baseline.rows.length, digest: baselineDigest(baseline.rows), problems: baselineProblems };
  for (const problem of baselineProblems) blockers.unshift({ kind: 'baselineAltered', message: problem.message });

  const diff = diffRecords(baseline.rows, records);
  const byRef = requestsByRef(foldRequests(context.entries), baseline.seq);
  for (const change of diff.changed) {
    const request = byRef.get(change.baselineRef)?.at(-1);
    const upToDate = request !== undefined && coversChange(request, change);
    const item: ChangeItem = {
      ...labelOf(change.current.values),
      sheet: change.sheet,
      row: change.row,
      baselineRef: change.baselineRef,
      matchedBy: change.matchedBy,
      fields: change.fields,
      needsStateApproval: change.needsStateApproval,
      request,
      status: request?.status ?? 'unrequested',
      upToDate,
      approvalDocument: request?.approvalDocument ?? '',
      cleared: false,
    };
    const blocker = blockerOf(item);
    item.cleared = blocker === undefined;
    if (blocker) blockers.push(blocker);
    overview.changes.push(item);
  }
  overview.added = diff.added.map((c) => ({ ...labelOf(c.values), sheet: c.sheet, row: c.excelRow }));
  const withdrawnRefs = new Map<string, string>();
  for (const w of [...revocations, ...deletions]) if (w.baselineSeq === baseline.seq && w.baselineRef) withdrawnRefs.set(w.baselineRef, w.id);
  for (const b of diff.removed) {
    const ref = refOf(b);
    const coveredBy = withdrawnRefs.get(ref);
    overview.removed.push({ ...labelOf(b.values), sheet: b.sheet, row: b.row, baselineRef: ref, coveredBy });
    if (!coveredBy) {
      blockers.push({
        kind: 'removedWithoutApplication',
        sheet: b.sheet,
        row: b.row,
        message: `已上报的记录（${b.sheet} 原第 ${b.row} 行，${b.values.XM ?? ''}）已从数据中删除，但没有删除申请或撤销学位记录 / the reported record at ${b.sheet} row ${b.row} was removed from the data without a deletion application or revocation`,
      });
    }
  }
  return overview;
}

/** What keeps the next export from going out; empty when nothing does (or nothing was reported yet). */
export function changesBlockingExport(context: ChangeContext, records: readonly DigestableRecord[], options: OverviewOptions = {}): ExportBlocker[] {
  return reviewChanges(context, records, options).blockers;
}

export type { SheetKind };
