/**
 * The change procedures' hidden sheets in an .xlsx handled by ExcelJS, laid out as src/core/changes/sheetFormat.ts
 * says (the add-in writes the same): `_dd_baseline` (replaced when a new baseline is set) and `_dd_changes`
 * (rows appended, never rewritten). Every write goes with its audit event, appended through auditStore. The
 * workbook is opened from the user's file and written back only as a copy.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { DigestableRecord } from '../core/audit/digest';
import type { AuditEvent } from '../core/audit/events';
import { baselineSheetRows, readBaseline, type SheetKind } from '../core/changes/baseline';
import type { ChangeContext, ChangeStep } from '../core/changes/log';
import {
  BASELINE_SHEET,
  CHANGE_COLUMNS,
  changeRowOf,
  changesFromRows,
  CHANGES_SHEET,
  type Baseline,
  type ChangeEntry,
} from '../core/changes/sheetFormat';
import type { ValidationReport } from '../core/model/types';
import type { SchoolProfile } from '../core/profile/profile';
import { validateWorkbook } from '../core/validate';
import { appendAuditEvent, readAuditTrail, type AuditTrail } from './auditStore';
import { loadWorkbook } from './readWorkbook';
import { sheetRows } from './sheetRows';

/** Why a workbook cannot be used for the change procedures: one line in Chinese and one in English. */
export class ChangesInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'ChangesInputError';
  }
}


export interface ChangeState extends ChangeContext {
  events: AuditEvent[];
  entries: ChangeEntry[];
  baseline?: Baseline;
  unreadableBaseline: number[];
  unreadableChanges: number[];
}

/** The audit trail, the baseline and the change log of a workbook. */
export function readChangeState(workbook: ExcelJS.Workbook, trail: AuditTrail = readAuditTrail(workbook)): ChangeState {
  const baseline = readBaseline(sheetRows(workbook.getWorksheet(BASELINE_SHEET)));
  const changes = changesFromRows(sheetRows(workbook.getWorksheet(CHANGES_SHEET)));
  return {
    events: trail.events,
    entries: changes.entries,
    baseline: baseline.baseline,
    unreadableBaseline: baseline.unreadable,
    unreadableChanges: changes.unreadable,
  };
}

async function protect(worksheet: ExcelJS.Worksheet): Promise<void> {
  worksheet.state = 'veryHidden';
  await worksheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
}

/** Writes a new baseline (replacing the sheet) and its 基线建立 event. */
export async function writeBaseline(workbook: ExcelJS.Workbook, baseline: Baseline, event: AuditEvent): Promise<void> {
  if (event.action !== '基线建立' || event.seq !== baseline.seq) throw new Error('writeBaseline: the event does not set this baseline');
  const existing = workbook.getWorksheet(BASELINE_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const worksheet = workbook.addWorksheet(BASELINE_SHEET, { state: 'veryHidden' });
  const rows = baselineSheetRows(baseline);
  // Text format on every column, so that nobody who unhides the sheet turns an ID into a number by editing it.
  for (let column = 1; column <= rows[0].length; column++) worksheet.getColumn(column).numFmt = '@';
  worksheet.addRows(rows);
  await protect(worksheet);
  await appendAuditEvent(workbook, event);
}

/** Appends one step: its `_dd_changes` row and its audit event. */
export async function appendChangeStep(workbook: ExcelJS.Workbook, step: ChangeStep): Promise<void> {
  let worksheet = workbook.getWorksheet(CHANGES_SHEET);
  if (!worksheet) {
    worksheet = workbook.addWorksheet(CHANGES_SHEET, { state: 'veryHidden' });
    worksheet.addRow([...CHANGE_COLUMNS]);
  }
  const row = worksheet.addRow(changeRowOf(step.entry));
  row.eachCell((cell) => (cell.numFmt = '@'));
  await protect(worksheet);
  await appendAuditEvent(workbook, step.event);
}

export interface OpenedForChanges {
  file: string;
  workbook: ExcelJS.Workbook;
  report: ValidationReport;
  records: DigestableRecord[];
  sheets: SheetKind[];
  trail: AuditTrail;
  state: ChangeState;
}

/**
 * Opens a workbook: its template sheets validated (for the cleaned values the baseline compares), the audit trail,
 * the baseline and the change log. Throws WorkbookReadError for unreadable files and ChangesInputError when the
 * workbook has no template sheet.
 */
export async function openForChanges(file: string, options: { profile?: SchoolProfile; sheet?: string } = {}): Promise<OpenedForChanges> {
  const { workbook, grids } = await loadWorkbook(file);
  const records: DigestableRecord[] = [];
  const result = validateWorkbook(grids, {
    profile: options.profile,
    sheet: options.sheet,
    onRecord: (sheet, record) => records.push({ sheet, excelRow: record.excelRow, values: record.values }),
  });
  if (!result.ok) {
    const name = path.basename(file);
    if (result.reason === 'sheetNotFound') {
      throw new ChangesInputError(`${name} 中没有名为“${result.sheet}”的工作表`, `${name} has no sheet named “${result.sheet}”`);
    }
    throw new ChangesInputError(
      `${name} 中没有学位授予信息模板工作表${result.sheet ? `“${result.sheet}”` : ''}`,
      `${name} has no degree template sheet${result.sheet ? ` “${result.sheet}”` : ''}`,
    );
  }
  const trail = readAuditTrail(workbook);
  return {
    file,
    workbook,
    report: result.report,
    records,
    sheets: result.report.sheets.map((s) => ({ sheet: s.sheet, template: s.template, category: s.category })),
    trail,
    state: readChangeState(workbook, trail),
  };
}

/** Refuses to write over the input: the user's file is never modified. */
export function assertNotInput(out: string, input: string): void {
  if (path.resolve(out) === path.resolve(input)) {
    throw new ChangesInputError(`输出文件不能与输入文件相同（${out}）：本工具从不修改原文件`, `the output must differ from the input (${out}): the input file is never modified`);
  }
}

export async function saveWorkbookCopy(workbook: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  assertNotInput(out, input);
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await workbook.xlsx.writeFile(out);
}

export async function saveFile(out: string, input: string, data: Uint8Array | string): Promise<void> {
  assertNotInput(out, input);
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, data);
}
