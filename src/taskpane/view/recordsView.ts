/**
 * The 记录 step's pure part: each audit event with the verification marks of core verifyChain, the rows changed
 * since the last sign-off, and the records a revocation or deletion can be about.
 */
import { headOf, verifyChain, type ChainProblem, type ChainProblemKind } from '../../core/audit/chain';
import { changedRows, type DatasetDigest, type DigestableRecord } from '../../core/audit/digest';
import type { AuditEvent } from '../../core/audit/events';
import type { SignedDigests } from '../../core/audit/sheetFormat';
import type { Baseline } from '../../core/changes';
import { SIGN_OFF_ACTIONS } from './signoffView';

export interface AuditRow {
  /** Position in the sheet (events may share a seq after tampering or a fork). */
  index: number;
  event: AuditEvent;
  marks: ChainProblemKind[];
}

export interface TrailVerification {
  rows: AuditRow[];
  problems: ChainProblem[];
  head: string;
  ok: boolean;
  /** The last sign-off and the rows changed since (data digest differs from it). */
  lastSignOff?: AuditEvent;
  dataChanged: boolean;
  changedRows: number[];
  deletedRows: number;
  /** The stored row digests no longer match the last sign-off (the digest sheet was altered). */
  digestsAltered: boolean;
}

/** Verifies the chain and marks each event with the problems found at its number. */
export function verifyTrail(
  events: readonly AuditEvent[],
  unreadable: readonly number[],
  signed: SignedDigests | undefined,
  digest: DatasetDigest | undefined,
): TrailVerification {
  const problems = verifyChain(events);
  for (const row of unreadable) problems.push({ kind: 'unreadable', seq: 0, message: `审计表第 ${row} 行不是有效记录 / audit sheet row ${row} is not a valid event` });
  const bySeq = new Map<number, ChainProblemKind[]>();
  for (const problem of problems) if (problem.seq > 0) bySeq.set(problem.seq, [...(bySeq.get(problem.seq) ?? []), problem.kind]);
  const rows = events.map((event, index) => ({ index, event, marks: [...new Set(bySeq.get(event.seq) ?? [])] }));
  let lastSignOff: AuditEvent | undefined;
  for (let i = events.length - 1; i >= 0 && !lastSignOff; i--) if (SIGN_OFF_ACTIONS.has(events[i].action)) lastSignOff = events[i];
  const dataChanged = lastSignOff !== undefined && digest !== undefined && digest.digest !== lastSignOff.datasetDigest;
  let changed: number[] = [];
  let deleted = 0;
  let digestsAltered = false;
  if (lastSignOff && signed) {
    digestsAltered = signed.seq !== lastSignOff.seq;
    if (dataChanged && digest && !digestsAltered) ({ changed, deleted } = changedRows(signed.rows, digest.rows));
  }
  return { rows, problems, head: headOf(events), ok: problems.length === 0 && !digestsAltered, lastSignOff, dataChanged, changedRows: changed, deletedRows: deleted, digestsAltered };
}

export interface TargetOption {
  /** `cur:<sheet>:<row>` for a record in the data, `rep:<sheet>:<row>` for a reported one already removed. */
  key: string;
  sheet: string;
  row: number;
  name: string;
  reported: boolean;
  removed: boolean;
}

/** Records a revocation or deletion can be about: those in the data, then reported ones no longer in it. */
export function targetOptions(records: readonly DigestableRecord[], baseline: Baseline | undefined, removed: readonly { sheet: string; row: number }[]): TargetOption[] {
  const reported = new Set((baseline?.rows ?? []).map((row) => `${row.sheet}\u0000${row.values.ZJHM ?? ''}`));
  const options: TargetOption[] = records.map((record) => ({
    key: `cur:${record.sheet}:${record.excelRow}`,
    sheet: record.sheet,
    row: record.excelRow,
    name: record.values.XM ?? '',
    reported: reported.has(`${record.sheet}\u0000${record.values.ZJHM ?? ''}`),
    removed: false,
  }));
  for (const gone of removed) {
    const row = baseline?.rows.find((b) => b.sheet === gone.sheet && b.row === gone.row);
    options.push({ key: `rep:${gone.sheet}:${gone.row}`, sheet: gone.sheet, row: gone.row, name: row?.values.XM ?? '', reported: true, removed: true });
  }
  return options;
}

/** The `where` of core recordRevocation / recordDeletion for a target key. */
export function whereOf(key: string): { sheet: string; row?: number; reportedRow?: number } | undefined {
  const match = /^(cur|rep):(.*):(\d+)$/.exec(key);
  if (!match) return undefined;
  return match[1] === 'cur' ? { sheet: match[2], row: Number(match[3]) } : { sheet: match[2], reportedRow: Number(match[3]) };
}
