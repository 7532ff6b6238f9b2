import type { CellValue } from '../model/types';
import { AUDIT_COLUMNS, type AuditEvent } from './events';
import type { RowDigest } from './digest';

/** The hidden sheets that hold the trail; the same layout in the add-in and in CLI-signed copies. */
export const AUDIT_SHEET = '_dd_audit';
export const DIGEST_SHEET = '_dd_digests';
export const DIGEST_COLUMNS = ['seq', 'sheet', 'row', 'key', 'hash'] as const;

export function auditRowOf(event: AuditEvent): CellValue[] {
  return AUDIT_COLUMNS.map((column) => event[column]);
}

/** Reads the audit sheet's rows back into events; a row that cannot be an event is reported, not dropped. */
export function eventsFromRows(rows: readonly (readonly CellValue[])[]): { events: AuditEvent[]; unreadable: number[] } {
  const events: AuditEvent[] = [];
  const unreadable: number[] = [];
  const [header, ...data] = rows;
  const index = new Map((header ?? []).map((cell, i) => [String(cell), i]));
  data.forEach((row, i) => {
    if (row.every((cell) => cell === null || cell === '')) return;
    const get = (column: keyof AuditEvent) => row[index.get(column) ?? -1];
    const seq = Number(get('seq'));
    if (!Number.isInteger(seq)) {
      unreadable.push(i + 2);
      return;
    }
    const text = (column: keyof AuditEvent) => String(get(column) ?? '');
    events.push({
      seq,
      time: text('time'),
      actor: text('actor'),
      actorId: text('actorId'),
      role: text('role') as AuditEvent['role'],
      action: text('action') as AuditEvent['action'],
      meaning: text('meaning'),
      scope: text('scope'),
      datasetDigest: text('datasetDigest'),
      rulesVersion: text('rulesVersion'),
      addinVersion: text('addinVersion'),
      note: text('note'),
      prevHash: text('prevHash'),
      entryHash: text('entryHash'),
    });
  });
  return { events, unreadable };
}

export interface SignedDigests {
  seq: number;
  rows: RowDigest[];
}

export function digestRowsOf(signed: SignedDigests): CellValue[][] {
  return signed.rows.map((d) => [signed.seq, d.sheet, d.row, d.key, d.hash]);
}

export function digestsFromRows(rows: readonly (readonly CellValue[])[]): SignedDigests | undefined {
  const data = rows.slice(1).filter((row) => row.length >= 5 && row[0] !== null && row[0] !== '');
  if (data.length === 0) return undefined;
  return {
    seq: Number(data[0][0]),
    rows: data.map((row) => ({ sheet: String(row[1]), row: Number(row[2]), key: String(row[3]), hash: String(row[4]) })),
  };
}
