/// <reference types="office-js" />
/**
 * The add-in's own record sheets — `_dd_audit`, `_dd_digests`, `_dd_baseline`, `_dd_changes` — through Office.js,
 * laid out as src/core/audit/sheetFormat.ts and src/core/changes/sheetFormat.ts say (the CLI's ExcelJS stores in
 * src/node write the same sheets).
 *
 * - Setup, once per sheet: the sheet is added with its header row, its columns are unlocked, it is made VeryHidden
 *   and protected (formats allowed, rows not insertable or deletable). Protecting clears Excel's undo list, so it
 *   happens once and the user is told (`undoCleared`). Because the columns are unlocked, later rows are written
 *   into the protected sheet without unprotecting it, so undo is not cleared at every sign-off. A sheet protected
 *   with its cells locked (a copy signed by the CLI) is set up the same way once.
 * - Every run checks that the sheets are still VeryHidden (on the web a user's undo can unhide them) and hides them
 *   again, reporting it (`unhidden`).
 * - Rows are appended as new rows below the last one, every cell as text (number format `@` before the values), and
 *   read back in a later sync: a row that a co-author wrote at the same moment is appended again below (`rowMoved`),
 *   so nobody overwrites anybody. Nothing relies on undo.
 * - protect/unprotect failing (AccessDenied on some builds, office-js#6784) is reported, never thrown: a failed
 *   protect leaves the data written and the sheet unprotected (`protectFailed`); a failed unprotect means the
 *   protected sheet could not be written (`unprotectFailed`, blocking).
 */
import type { CellValue } from '../core/model/types';
import { numberToText } from '../core/normalise/cell';
import { columnLetter } from '../core/util/columns';
import { jsonBytes } from './cells';
import { storeNotices, type StoreNotice } from './messages';
import { Batcher, SYNC_BUDGET_BYTES, isPayloadError } from './run';

/** A record sheet: its name and its header row (the column names the shared readers find columns by). */
export interface RecordSheetSpec {
  name: string;
  header: readonly string[];
}

/**
 * Protection of the record sheets: formats may change (the `@` of new rows), nothing else; no password (one shipped
 * in the add-in's code would be no secret — the hash chain, not the password, shows changes).
 */
export const RECORD_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertRows: false,
  allowInsertHyperlinks: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowSort: false,
  allowAutoFilter: false,
  allowPivotTables: false,
  allowEditObjects: false,
  allowEditScenarios: false,
};

/** How often a row overwritten by a co-author is appended again before giving up. */
const APPEND_ATTEMPTS = 3;
/** Rows of the first read block; later blocks are sized from the bytes the rows took. */
const FIRST_READ_ROWS = 500;
/** What the `@` of one cell adds to a request. */
const FORMAT_BYTES_PER_CELL = 4;

/** Text of a cell as the record sheets hold it ('' for empty; numbers as Excel shows them in General). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return numberToText(value);
  return String(value);
}

function toCell(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

const textRows = (rows: readonly (readonly CellValue[])[]): string[][] => rows.map((row) => row.map(cellText));

/** A record sheet as found: loads queued by `probeRecordSheet`, readable after the next sync. */
export interface RecordProbe {
  spec: RecordSheetSpec;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** Lock state of the record's columns (whole columns), when probed for writing. */
  columns?: Excel.Range;
}

/** Queues what is needed to know about a record sheet: existence, visibility, protection, used range. */
export function probeRecordSheet(context: Excel.RequestContext, spec: RecordSheetSpec, forWrite: boolean): RecordProbe {
  const sheet = context.workbook.worksheets.getItemOrNullObject(spec.name);
  sheet.load('visibility');
  sheet.protection.load('protected');
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount, columnIndex, columnCount');
  const columns = forWrite ? sheet.getRange(columnsAddress(spec.header.length)) : undefined;
  columns?.format.protection.load('locked');
  return { spec, sheet, used, columns };
}

function columnsAddress(width: number): string {
  return `A:${columnLetter(Math.max(1, width) - 1)}`;
}

/** Hides a record sheet again if someone unhid it; reports it. Call after the probe's sync. */
export async function rehide(batch: Batcher, probe: RecordProbe, notices: StoreNotice[]): Promise<boolean> {
  const { sheet } = probe;
  if (sheet.isNullObject || sheet.visibility === 'VeryHidden') return false;
  const was = sheet.visibility;
  let rehidden = true;
  try {
    sheet.visibility = 'VeryHidden';
    await batch.sync();
  } catch {
    rehidden = false;
  }
  notices.push(storeNotices.unhidden(probe.spec.name, was, rehidden));
  return true;
}

async function protect(batch: Batcher, sheet: Excel.Worksheet, name: string, notices: StoreNotice[]): Promise<boolean> {
  try {
    sheet.protection.protect(RECORD_PROTECTION);
    await batch.sync();
    return true;
  } catch (error) {
    notices.push(storeNotices.protectFailed(name, error));
    return false;
  }
}

/** A record sheet ready for rows: it exists, its columns are writable, `nextRow` (0-based) is below the last row. */
export interface ReadySheet {
  spec: RecordSheetSpec;
  sheet: Excel.Worksheet;
  nextRow: number;
  /** Rows (0-based, exclusive) that hold something: where old content ends. */
  end: number;
  created: boolean;
}

/**
 * Makes a probed record sheet writable (see the file comment): creates and sets it up, hides it again, or sets up a
 * sheet whose cells are locked. Undefined (with a blocking notice) when it cannot be written.
 */
export async function prepareRecordSheet(
  context: Excel.RequestContext,
  batch: Batcher,
  probe: RecordProbe,
  workbookProtected: boolean,
  notices: StoreNotice[],
): Promise<ReadySheet | undefined> {
  const { spec } = probe;
  const width = spec.header.length;
  const unlockColumns = (sheet: Excel.Worksheet) => {
    sheet.getRange(columnsAddress(width)).format.protection.locked = false;
  };
  const writeHeader = (sheet: Excel.Worksheet) => {
    const range = sheet.getRangeByIndexes(0, 0, 1, width);
    range.numberFormat = [spec.header.map(() => '@')];
    range.values = [[...spec.header]];
  };

  if (probe.sheet.isNullObject) {
    if (workbookProtected) {
      notices.push(storeNotices.workbookProtected(spec.name, true));
      return undefined;
    }
    const sheet = context.workbook.worksheets.add(spec.name);
    writeHeader(sheet);
    unlockColumns(sheet);
    await batch.sync();
    try {
      sheet.visibility = 'VeryHidden';
      await batch.sync();
    } catch {
      notices.push(storeNotices.unhidden(spec.name, 'Visible', false));
    }
    if (await protect(batch, sheet, spec.name, notices)) notices.push(storeNotices.undoCleared(spec.name));
    return { spec, sheet, nextRow: 1, end: 1, created: true };
  }

  const { sheet, used } = probe;
  await rehide(batch, probe, notices);
  const locked = probe.columns?.format.protection.locked;
  if (sheet.protection.protected && locked !== false) {
    // Protected with locked cells (a copy the CLI signed, or cells locked since): set it up as ours, once.
    try {
      sheet.protection.unprotect();
      await batch.sync();
    } catch (error) {
      notices.push(storeNotices.unprotectFailed(spec.name, error));
      return undefined;
    }
    unlockColumns(sheet);
    if (await protect(batch, sheet, spec.name, notices)) notices.push(storeNotices.undoCleared(spec.name));
  } else if (!sheet.protection.protected) {
    unlockColumns(sheet);
    if (await protect(batch, sheet, spec.name, notices)) notices.push(storeNotices.unprotected(spec.name));
  }
  let end = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  if (end === 0) {
    // Emptied: the header first, so that the readers find the columns.
    writeHeader(sheet);
    await batch.sync();
    end = 1;
  }
  return { spec, sheet, nextRow: end, end, created: false };
}

function sameRow(actual: readonly unknown[] | undefined, expected: readonly string[]): boolean {
  return !!actual && expected.every((cell, c) => cellText(actual[c]) === cell);
}

/** Queues `rows` (text) at `top`, the `@` format first, in blocks that keep each request within the budget. */
async function queueRows(batch: Batcher, sheet: Excel.Worksheet, top: number, rows: readonly (readonly string[])[], width: number, budget: number): Promise<void> {
  let offset = 0;
  while (offset < rows.length) {
    let bytes = 0;
    let end = offset;
    while (end < rows.length) {
      const rowBytes = jsonBytes(rows[end]) + width * FORMAT_BYTES_PER_CELL + 4;
      if (end > offset && bytes + rowBytes > budget) break;
      bytes += rowBytes;
      end++;
    }
    await batch.reserve(bytes);
    const range = sheet.getRangeByIndexes(top + offset, 0, end - offset, width);
    const block = rows.slice(offset, end);
    range.numberFormat = block.map(() => Array.from({ length: width }, () => '@'));
    range.values = block.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
    offset = end;
  }
  await batch.flush();
}

/** Reads rows [from, to) of the first `width` columns in blocks (one sync each), halving a block that is too big. */
export async function readRows(batch: Batcher, sheet: Excel.Worksheet, from: number, to: number, width: number, budget: number): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  let blockRows = FIRST_READ_ROWS;
  let next = from;
  while (next < to) {
    const count = Math.min(blockRows, to - next);
    const range = sheet.getRangeByIndexes(next, 0, count, Math.max(1, width)).load('values');
    try {
      await batch.sync();
    } catch (error) {
      if (!isPayloadError(error) || count === 1) throw error;
      blockRows = Math.max(1, Math.floor(count / 2));
      continue;
    }
    for (const row of range.values) rows.push(row.map(toCell));
    next += count;
    const perRow = Math.max(1, jsonBytes(range.values) / count);
    blockRows = Math.max(1, Math.floor((budget * 0.8) / perRow));
  }
  return rows;
}

/** All rows of a probed record sheet (row 1 first), as cell values; [] when it is missing or empty. */
export async function readRecordRows(batch: Batcher, probe: RecordProbe, budget = SYNC_BUDGET_BYTES): Promise<CellValue[][]> {
  const { sheet, used } = probe;
  if (sheet.isNullObject || used.isNullObject) return [];
  return readRows(batch, sheet, 0, used.rowIndex + used.rowCount, used.columnIndex + used.columnCount, budget);
}

/**
 * Appends rows below the last row and reads them back in a later sync. A row found holding something else (a
 * co-author wrote there at the same moment) is appended again below; the 1-based Excel rows where the rows ended
 * up are returned, or undefined (with a blocking notice) when they never read back as written.
 */
export async function appendRecordRows(
  batch: Batcher,
  ready: ReadySheet,
  rows: readonly (readonly CellValue[])[],
  notices: StoreNotice[],
  budget = SYNC_BUDGET_BYTES,
): Promise<number[] | undefined> {
  const { sheet, spec } = ready;
  const width = spec.header.length;
  const expected = textRows(rows);
  const placed: number[] = new Array(expected.length);
  let pending = expected.map((_, i) => i);
  let top = ready.nextRow;
  for (let attempt = 0; attempt < APPEND_ATTEMPTS && pending.length; attempt++) {
    await queueRows(batch, sheet, top, pending.map((i) => expected[i]), width, budget);
    const written = await readRows(batch, sheet, top, top + pending.length, width, budget);
    const lost: number[] = [];
    pending.forEach((index, k) => {
      if (sameRow(written[k], expected[index])) placed[index] = top + k + 1;
      else lost.push(index);
    });
    if (lost.length === 0) {
      ready.nextRow = top + pending.length;
      return placed;
    }
    // Someone else's rows landed here: append ours again below whatever is there now.
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
    await batch.sync();
    const end = used.isNullObject ? top + pending.length : Math.max(used.rowIndex + used.rowCount, top + pending.length);
    lost.forEach((index, k) => notices.push(storeNotices.rowMoved(spec.name, top + pending.indexOf(index) + 1, end + k + 1)));
    pending = lost;
    top = end;
  }
  notices.push(storeNotices.verifyFailed(spec.name, top + 1));
  return undefined;
}

/**
 * Replaces everything below the header with `rows` (text), clears what is left of the old rows, and reads it all
 * back. False (with a blocking notice) when it did not read back as written.
 */
export async function replaceRecordRows(
  batch: Batcher,
  ready: ReadySheet,
  rows: readonly (readonly CellValue[])[],
  notices: StoreNotice[],
  budget = SYNC_BUDGET_BYTES,
): Promise<boolean> {
  const { sheet, spec } = ready;
  const width = spec.header.length;
  const expected = textRows(rows);
  await queueRows(batch, sheet, 1, expected, width, budget);
  const end = 1 + expected.length;
  if (ready.end > end) {
    await batch.reserve(60);
    sheet.getRangeByIndexes(end, 0, ready.end - end, width).clear('Contents');
    await batch.flush();
  }
  ready.end = ready.nextRow = end;
  const written = await readRows(batch, sheet, 1, end, width, budget);
  const wrong = expected.findIndex((row, r) => !sameRow(written[r], row));
  if (wrong >= 0) {
    notices.push(storeNotices.verifyFailed(spec.name, wrong + 2));
    return false;
  }
  return true;
}
