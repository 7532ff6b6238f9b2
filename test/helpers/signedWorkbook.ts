/**
 * Workbooks for the export tests, built the way the product builds them: template sheets of text cells, and the
 * audit trail written with the real audit core (nextEvent) and the ExcelJS audit store (appendAuditEvent).
 */
import ExcelJS from 'exceljs';
import { digestRows } from '../../src/core/audit/digest';
import type { AuditEvent } from '../../src/core/audit/events';
import { prepareExport } from '../../src/core/export/uploadFile';
import type { CellValue, SheetGrid } from '../../src/core/model/types';
import { signChain, type SignerSpec } from '../../src/core/testing/exportFixtures';
import { appendAuditEvent } from '../../src/node/auditStore';

export interface WorkbookSpec {
  sheets: SheetGrid[];
  /** Sign-offs on the data as it is (the digest is computed from the sheets). */
  signers?: readonly SignerSpec[];
  /** Changes the sheets after signing, before the file is written. */
  afterSigning?: (workbook: ExcelJS.Workbook) => void;
}

export function addGrid(workbook: ExcelJS.Workbook, grid: SheetGrid): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(grid.name);
  grid.values.forEach((row: CellValue[], r) => {
    const excelRow = sheet.getRow(grid.startRow + r);
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const cell = excelRow.getCell(grid.startColumn + c + 1);
      cell.value = value;
      cell.numFmt = grid.numberFormats?.[r]?.[c] ?? '@';
    });
  });
  return sheet;
}

/** Digest of the data the way the export computes it. */
export function digestOf(sheets: SheetGrid[]) {
  const result = prepareExport(sheets);
  if (!result.ok) throw new Error(`not a template: ${result.reason}`);
  return digestRows(result.prepared.records);
}

export async function writeSignedWorkbook(file: string, spec: WorkbookSpec): Promise<AuditEvent[]> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of spec.sheets) addGrid(workbook, grid);
  const digest = digestOf(spec.sheets);
  const events = signChain(digest.digest, spec.signers ?? []);
  for (const event of events) {
    const signOff = event.action === '采集完成' || event.action === '校核通过' || event.action === '审核通过';
    await appendAuditEvent(workbook, event, signOff ? { seq: event.seq, rows: digest.rows } : undefined);
  }
  spec.afterSigning?.(workbook);
  await workbook.xlsx.writeFile(file);
  return events;
}
