/**
 * The audit trail inside an .xlsx handled by ExcelJS: the same veryHidden sheets the add-in writes.
 * Events are appended as new rows, never rewritten; the digest sheet holds the row hashes of the last sign-off.
 */
import type ExcelJS from 'exceljs';
import { AUDIT_COLUMNS, type AuditEvent } from '../core/audit/events';
import {
  AUDIT_SHEET,
  auditRowOf,
  DIGEST_COLUMNS,
  DIGEST_SHEET,
  digestRowsOf,
  digestsFromRows,
  eventsFromRows,
  type SignedDigests,
} from '../core/audit/sheetFormat';
import { sheetRows } from './sheetRows';

export interface AuditTrail {
  events: AuditEvent[];
  /** Rows of the audit sheet that do not hold an event (typed over, say): reported, never dropped. */
  unreadable: number[];
  signed?: SignedDigests;
  /** Whether the audit sheet is still veryHidden, as it was written. */
  veryHidden: boolean;
  exists: boolean;
}

export function readAuditTrail(workbook: ExcelJS.Workbook): AuditTrail {
  const audit = workbook.getWorksheet(AUDIT_SHEET);
  const { events, unreadable } = eventsFromRows(sheetRows(audit));
  return {
    events,
    unreadable,
    signed: digestsFromRows(sheetRows(workbook.getWorksheet(DIGEST_SHEET))),
    veryHidden: audit?.state === 'veryHidden',
    exists: audit !== undefined,
  };
}

async function hiddenSheet(workbook: ExcelJS.Workbook, name: string, header: readonly string[]): Promise<ExcelJS.Worksheet> {
  let worksheet = workbook.getWorksheet(name);
  if (!worksheet) {
    worksheet = workbook.addWorksheet(name, { state: 'veryHidden' });
    worksheet.addRow([...header]);
  }
  worksheet.state = 'veryHidden';
  return worksheet;
}

/** Appends one event (and, for a sign-off, replaces the row digests) in the workbook held in memory. */
export async function appendAuditEvent(workbook: ExcelJS.Workbook, event: AuditEvent, signed?: SignedDigests): Promise<void> {
  const audit = await hiddenSheet(workbook, AUDIT_SHEET, AUDIT_COLUMNS);
  const row = audit.addRow(auditRowOf(event));
  row.eachCell((cell) => (cell.numFmt = '@'));
  if (signed) {
    const existing = workbook.getWorksheet(DIGEST_SHEET);
    if (existing) workbook.removeWorksheet(existing.id);
    const digests = await hiddenSheet(workbook, DIGEST_SHEET, DIGEST_COLUMNS);
    digests.addRows(digestRowsOf(signed));
    await digests.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  }
  await audit.protect('', { selectLockedCells: false, selectUnlockedCells: false });
}
