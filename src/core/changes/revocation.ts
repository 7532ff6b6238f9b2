/**
 * Revocations (第十六条) and deletions of records reported in error (第十五条): recorded with their reason, the
 * revocation with its decision and the reporting deadline (calendar.ts), each as a change-log row and an audit
 * event, and both listed in the file the reporting system needs (the records in template column order plus the
 * reason, every cell text). The record's values are kept in the log: the original record survives the row's
 * removal from the sheet (第十二条).
 */
import * as XLSX from '@e965/xlsx';
import type { DigestableRecord } from '../audit/digest';
import type { Category, Generation } from '../model/types';
import { FIELDS } from '../template/fields';
import { fieldsOf, type Actor, type SheetKind } from './baseline';
import { isDate } from './calendar';
import { refOf } from './diff';
import { buildStep, findTarget, refuse, type ChangeContext, type StepResult } from './log';
import { blankEntry, nextId, type ChangeEntry } from './sheetFormat';

export interface FiledStep {
  actor: string;
  time: string;
  /** YYYYMMDD the report was sent or the file uploaded. */
  date: string;
  note: string;
  auditSeq: number;
}

interface WithdrawalBase {
  id: string;
  sheet: string;
  row: number;
  baselineSeq: number;
  baselineRef: string;
  template: Generation;
  category: Category;
  /** The record as reported (as it stood, when it was never reported). */
  values: Record<string, string>;
  reported: boolean;
  reason: string;
  actor: string;
  time: string;
  auditSeq: number;
  filed?: FiledStep;
}

export interface Revocation extends WithdrawalBase {
  kind: 'revocation';
  /** 学位评定委员会 撤销学位决议 number and the date it takes effect (YYYYMMDD). */
  decisionNo: string;
  decisionDate: string;
}

export interface Deletion extends WithdrawalBase {
  kind: 'deletion';
}

export type Withdrawal = Revocation | Deletion;

export function foldWithdrawals(entries: readonly ChangeEntry[]): { revocations: Revocation[]; deletions: Deletion[] } {
  const byId = new Map<string, Withdrawal>();
  for (const entry of entries) {
    if (entry.kind === 'revocation' || entry.kind === 'deletion') {
      const base: WithdrawalBase = {
        id: entry.id,
        sheet: entry.sheet,
        row: entry.row,
        baselineSeq: entry.baselineSeq,
        baselineRef: entry.baselineRef,
        template: (entry.template || 'G3') as Generation,
        category: (entry.category || '普通') as Category,
        values: entry.values,
        reported: entry.baselineRef !== '',
        reason: entry.reason,
        actor: entry.actor,
        time: entry.time,
        auditSeq: entry.auditSeq,
      };
      byId.set(
        entry.id,
        entry.kind === 'revocation' ? { ...base, kind: 'revocation', decisionNo: entry.decisionNo, decisionDate: entry.decisionDate } : { ...base, kind: 'deletion' },
      );
    } else if (entry.kind === 'filed') {
      const withdrawal = byId.get(entry.id);
      if (withdrawal && !withdrawal.filed) {
        withdrawal.filed = { actor: entry.actor, time: entry.time, date: entry.decisionDate, note: entry.note, auditSeq: entry.auditSeq };
      }
    }
  }
  const all = [...byId.values()];
  return {
    revocations: all.filter((w): w is Revocation => w.kind === 'revocation'),
    deletions: all.filter((w): w is Deletion => w.kind === 'deletion'),
  };
}

const norm = (value: string | undefined) => (value ?? '').trim().toUpperCase();

/** Whether the withdrawn record is still among the current records (same 证件号码 and certificate number). */
export function stillPresent(withdrawal: Pick<Withdrawal, 'values'>, records: readonly DigestableRecord[]): boolean {
  const id = norm(withdrawal.values.ZJHM);
  const certificate = norm(withdrawal.values.XWZSBH);
  return records.some((record) => {
    const sameId = id !== '' && norm(record.values.ZJHM) === id;
    const sameCertificate = certificate !== '' && norm(record.values.XWZSBH) === certificate;
    if (id && certificate) return sameId && (sameCertificate || norm(record.values.XWZSBH) === '');
    return sameId || sameCertificate;
  });
}

export type RecordWhere = { sheet?: string; row?: number; reportedRow?: number };

function withdrawalEntry(
  context: ChangeContext,
  records: readonly DigestableRecord[],
  sheets: readonly SheetKind[],
  where: RecordWhere,
): { ok: true; entry: Omit<ChangeEntry, 'entry' | 'time' | 'actor' | 'auditSeq' | 'kind' | 'id'> } | { ok: false; reason: string; message: string } {
  const found = findTarget(context, records, sheets, where);
  if (!found.ok) return { ok: false, reason: found.reason, message: found.message };
  const { target } = found;
  const values = target.reported?.values ?? target.current?.values ?? {};
  const allowed = fieldsOf(target.template, target.category);
  return {
    ok: true,
    entry: {
      decision: '',
      sheet: target.sheet,
      row: target.row,
      baselineSeq: target.reported && context.baseline ? context.baseline.seq : 0,
      baselineRef: target.reported ? refOf(target.reported) : '',
      template: target.template,
      category: target.category,
      fields: [],
      values: Object.fromEntries(allowed.map((code) => [code, values[code] ?? ''])),
      reason: '',
      document: '',
      decisionNo: '',
      decisionDate: '',
      note: '',
    },
  };
}

function alreadyWithdrawn(context: ChangeContext, values: Record<string, string>): Withdrawal | undefined {
  const { revocations, deletions } = foldWithdrawals(context.entries);
  return [...revocations, ...deletions].find((w) => stillPresent(w, [{ sheet: '', excelRow: 0, values }]));
}

/** Records a revocation decision for the record at `where`; the deadline is counted when it is shown. */
export function recordRevocation(
  context: ChangeContext,
  records: readonly DigestableRecord[],
  sheets: readonly SheetKind[],
  where: RecordWhere,
  input: { decisionNo: string; decisionDate: string; reason: string },
  by: Actor,
  now: Date = new Date(),
): StepResult {
  if (!by.actor.trim()) return refuse('noActor', '请填写经办人姓名', 'enter the name of the person recording it');
  if (!input.decisionNo.trim()) return refuse('noDecision', '请填写撤销学位决议编号', 'give the number of the revocation decision');
  if (!isDate(input.decisionDate)) return refuse('badDate', `决议生效日期须是 YYYYMMDD，不能是“${input.decisionDate}”`, `the decision date must be YYYYMMDD, not “${input.decisionDate}”`);
  if (!input.reason.trim()) return refuse('noReason', '请说明撤销学位的原因（规程第十六条）', 'give the reason for the revocation (第十六条)');
  const built = withdrawalEntry(context, records, sheets, where);
  if (!built.ok) return built;
  const earlier = alreadyWithdrawn(context, built.entry.values);
  if (earlier) return refuse('already', `该记录已登记为 ${earlier.id}`, `the record is already recorded as ${earlier.id}`);
  const id = nextId(context.entries, 'R');
  return {
    ok: true,
    ...buildStep(
      context,
      { ...built.entry, kind: 'revocation', id, reason: input.reason.trim(), decisionNo: input.decisionNo.trim(), decisionDate: input.decisionDate },
      { action: '撤销学位', note: `${id}：撤销学位决议 ${input.decisionNo.trim()}，${input.decisionDate} 生效${built.entry.baselineRef ? '' : '（该记录尚未上报）'}` },
      by,
      now,
    ),
  };
}

/** Records the application to delete a record reported in error. Only reported records need one. */
export function recordDeletion(
  context: ChangeContext,
  records: readonly DigestableRecord[],
  sheets: readonly SheetKind[],
  where: RecordWhere,
  input: { reason: string },
  by: Actor,
  now: Date = new Date(),
): StepResult {
  if (!by.actor.trim()) return refuse('noActor', '请填写申请人姓名', 'enter the applicant’s name');
  if (!input.reason.trim()) return refuse('noReason', '请说明删除原因（规程第十五条）', 'give the reason for the deletion (第十五条)');
  if (!context.baseline) return refuse('noBaseline', '还没有已上报基线：未上报的记录直接从工作表删除即可', 'there is no reported baseline: a record not reported yet is simply removed from the sheet');
  const built = withdrawalEntry(context, records, sheets, where);
  if (!built.ok) return built;
  if (!built.entry.baselineRef) {
    return refuse('notReported', '该记录尚未上报，直接从工作表删除即可', 'the record has not been reported: simply remove it from the sheet');
  }
  const earlier = alreadyWithdrawn(context, built.entry.values);
  if (earlier) return refuse('already', `该记录已登记为 ${earlier.id}`, `the record is already recorded as ${earlier.id}`);
  const id = nextId(context.entries, 'D');
  return {
    ok: true,
    ...buildStep(context, { ...built.entry, kind: 'deletion', id, reason: input.reason.trim() }, { action: '删除记录', note: `${id}：申请删除误报记录` }, by, now),
  };
}

/** Records that a revocation or deletion was reported (written report sent, file uploaded) on `date`. */
export function recordFiled(
  context: ChangeContext,
  input: { id: string; date: string; note?: string },
  by: Actor,
  now: Date = new Date(),
): StepResult {
  if (!by.actor.trim()) return refuse('noActor', '请填写经办人姓名', 'enter the name of the person recording it');
  if (!isDate(input.date)) return refuse('badDate', `报送日期须是 YYYYMMDD，不能是“${input.date}”`, `the date must be YYYYMMDD, not “${input.date}”`);
  const { revocations, deletions } = foldWithdrawals(context.entries);
  const withdrawal = [...revocations, ...deletions].find((w) => w.id === input.id);
  if (!withdrawal) return refuse('noRecord', `没有编号为 ${input.id} 的撤销或删除记录`, `no revocation or deletion ${input.id}`);
  if (withdrawal.filed) return refuse('already', `${input.id} 已于 ${withdrawal.filed.date} 登记报送`, `${input.id} was already recorded as reported on ${withdrawal.filed.date}`);
  const revocation = withdrawal.kind === 'revocation';
  return {
    ok: true,
    ...buildStep(
      context,
      {
        ...blankEntry('filed', withdrawal.id),
        sheet: withdrawal.sheet,
        row: withdrawal.row,
        baselineSeq: withdrawal.baselineSeq,
        baselineRef: withdrawal.baselineRef,
        decisionDate: input.date,
        note: input.note?.trim() ?? '',
      },
      {
        action: revocation ? '撤销学位' : '删除记录',
        meaning: revocation ? '撤销学位信息已书面报送并上传系统（规程第十六条）' : '删除申请已报送（规程第十五条）',
        note: `${withdrawal.id}：${input.date} 已报送`,
      },
      by,
      now,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The file for the reporting system

export interface WithdrawalFileOptions {
  /** Header cells: bare codes (default) or 汉字名称(CODE), as the school's upload files use. */
  headerStyle?: 'code' | 'label';
}

const EXTRA_COLUMNS = {
  revocation: ['撤销学位决议编号', '撤销学位决议生效日期', '撤销原因'],
  deletion: ['删除原因'],
} as const;

/**
 * The .xlsx listing revoked or deleted records for the reporting system: one sheet per template and category (a
 * batch normally has one), the template's columns in order, then the decision and the reason; every cell is text.
 * The system's own upload form for revocations is not published (shared/reference/degree-data.md): this is the
 * record list the written report and the upload are made from.
 */
export function withdrawalFile(items: readonly Withdrawal[], kind: Withdrawal['kind'], options: WithdrawalFileOptions = {}): Uint8Array {
  const chosen = items.filter((item) => item.kind === kind);
  const groups = new Map<string, Withdrawal[]>();
  for (const item of chosen) {
    const key = `${item.template}|${item.category}`;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  if (groups.size === 0) groups.set(`G3|普通`, []);
  const workbook = XLSX.utils.book_new();
  const title = kind === 'revocation' ? '撤销学位信息' : '删除学位信息';
  for (const [key, group] of groups) {
    const [template, category] = key.split('|') as [Generation, Category];
    const codes = fieldsOf(template, category);
    const header = [
      ...codes.map((code) => (options.headerStyle === 'label' ? `${FIELDS[code]?.label ?? code}(${code})` : code)),
      ...EXTRA_COLUMNS[kind],
    ];
    const rows = group.map((item) => [
      ...codes.map((code) => item.values[code] ?? ''),
      ...(item.kind === 'revocation' ? [item.decisionNo, item.decisionDate, item.reason] : [item.reason]),
    ]);
    const sheet = XLSX.utils.aoa_to_sheet([header, ...rows]);
    for (const address of Object.keys(sheet)) {
      if (address.startsWith('!')) continue;
      const cell = sheet[address] as XLSX.CellObject;
      cell.t = 's';
      cell.v = String(cell.v ?? '');
      cell.z = '@';
    }
    sheet['!cols'] = header.map((h) => ({ wch: Math.max(8, Math.min(30, [...String(h)].length * 2)) }));
    const name = groups.size === 1 ? title : `${title}-${template}${category}`;
    XLSX.utils.book_append_sheet(workbook, sheet, name);
  }
  const data = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(data);
}

/** `<单位码>_<YYYYMMDD>_撤销学位信息.xlsx` / `…_删除学位信息.xlsx`. */
export function withdrawalFileName(kind: Withdrawal['kind'], unitCode: string, date: string): string {
  return `${unitCode}_${date}_${kind === 'revocation' ? '撤销学位信息' : '删除学位信息'}.xlsx`;
}
