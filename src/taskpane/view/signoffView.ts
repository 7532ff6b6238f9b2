/**
 * Where each template sheet stands in the sign-off (第十一条: 采集 and 校核 by different people, then 学位办审核),
 * from the audit trail and the data digest: the rules themselves are src/core/audit/signing.ts.
 */
import { changedRows, type DatasetDigest, type RowDigest } from '../../core/audit/digest';
import type { AuditEvent, Role } from '../../core/audit/events';
import type { SignedDigests } from '../../core/audit/sheetFormat';
import { signStatus, type SheetStatus } from '../../core/audit/signing';

export const SIGN_OFF_ACTIONS: ReadonlySet<string> = new Set(['采集完成', '校核通过', '审核通过']);

export const ACTION_OF_ROLE: Readonly<Record<Role, AuditEvent['action']>> = { collector: '采集完成', checker: '校核通过', office: '审核通过' };

export interface SheetSignStatus {
  sheet: string;
  status: SheetStatus;
  /** Excel rows of this sheet changed or added since the last sign-off. */
  changedRows: number[];
  /** Records of this sheet that were signed and are gone. */
  deletedRows: number;
}

export interface SignOffOverview {
  /** The whole data set (the digest covers every template sheet). */
  status: SheetStatus;
  sheets: SheetSignStatus[];
  /** The latest sign-off of each role on the current data. */
  current: Partial<Record<Role, AuditEvent>>;
  /** The latest sign-off of any data. */
  last?: AuditEvent;
}

function latest(events: readonly AuditEvent[], test: (event: AuditEvent) => boolean): AuditEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (test(events[i])) return events[i];
  return undefined;
}

const ofSheet = (rows: readonly RowDigest[], sheet: string) => rows.filter((row) => row.sheet === sheet);

/**
 * The status of the data set and of each sheet. When the data changed after the last sign-off, the sheets whose rows
 * did not change keep the status they had at that sign-off; the others are “changed after signing” with their rows.
 */
export function signOffOverview(
  events: readonly AuditEvent[],
  digest: DatasetDigest,
  signed: SignedDigests | undefined,
  sheets: readonly string[],
): SignOffOverview {
  const status = signStatus(events, digest.digest);
  const last = latest(events, (e) => SIGN_OFF_ACTIONS.has(e.action));
  const current: Partial<Record<Role, AuditEvent>> = {};
  for (const role of ['collector', 'checker', 'office'] as Role[]) {
    const event = latest(events, (e) => e.action === ACTION_OF_ROLE[role] && e.datasetDigest === digest.digest);
    if (event) current[role] = event;
  }
  const perSheet = sheets.map((sheet): SheetSignStatus => {
    if (status !== 'changedAfterSigning' || !last) return { sheet, status, changedRows: [], deletedRows: 0 };
    const before = signed && signed.seq === last.seq ? ofSheet(signed.rows, sheet) : undefined;
    if (!before) return { sheet, status, changedRows: [], deletedRows: 0 };
    const { changed, deleted } = changedRows(before, ofSheet(digest.rows, sheet));
    if (changed.length === 0 && deleted === 0) return { sheet, status: signStatus(events, last.datasetDigest), changedRows: [], deletedRows: 0 };
    return { sheet, status, changedRows: changed, deletedRows: deleted };
  });
  return { status, sheets: perSheet, current, ...(last ? { last } : {}) };
}

/** The sign-offs a slip lists: every sign-off event on the current data, in order. */
export function signOffsOn(events: readonly AuditEvent[], digest: string): AuditEvent[] {
  return events.filter((e) => SIGN_OFF_ACTIONS.has(e.action) && e.datasetDigest === digest);
}

/** Groups a long hash for reading aloud or comparing on paper: 4 characters per group. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{4})(?=.)/g, '$1 ');
}

/** `2026-11-28T17:05:09+08:00` → `2026-11-28 17:05:09`. */
export function shownTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\+08:00$/, '');
}
