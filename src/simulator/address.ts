/**
 * A1 addresses as Excel's JavaScript API writes and accepts them: `A1`, `A1:C5`, `$A$1`, `A:C` (whole columns),
 * `2:5` (whole rows), each optionally qualified by a sheet name (`Sheet1!A1`, `'My sheet'!A1:B2`).
 */
import { columnIndex, columnLetter } from '../core/util/columns';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, as Range.rowIndex / columnIndex / rowCount / columnCount describe it. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

interface Point {
  row?: number;
  column?: number;
}

function parsePoint(text: string): Point | undefined {
  let m = CELL.exec(text);
  if (m) return { column: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { column: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

function inGrid(rect: Rect): boolean {
  return (
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rows >= 1 &&
    rect.columns >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.column + rect.columns <= MAX_COLUMNS
  );
}

/** Splits `'It''s'!A1` into sheet and local part; undefined sheet when unqualified. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i++];
    }
    if (text[i + 1] !== '!') return { local: text };
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { local: text };
  return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

/** Parses one rectangular address; undefined when it is not a valid A1 reference inside the grid. */
export function parseAddress(address: string): ParsedAddress | undefined {
  const { sheet, local } = splitSheet(address);
  const parts = local.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parsePoint(parts[0]);
  const b = parts.length === 2 ? parsePoint(parts[1]) : a;
  if (!a || !b) return undefined;
  // A lone column ("A") or row ("5") is not a reference; "A:A" and "5:5" are.
  if (parts.length === 1 && (a.row === undefined || a.column === undefined)) return undefined;
  const wholeColumns = a.row === undefined && b.row === undefined && a.column !== undefined && b.column !== undefined;
  const wholeRows = a.column === undefined && b.column === undefined && a.row !== undefined && b.row !== undefined;
  let rect: Rect;
  if (wholeColumns) {
    const c0 = Math.min(a.column!, b.column!);
    rect = { row: 0, column: c0, rows: MAX_ROWS, columns: Math.abs(a.column! - b.column!) + 1 };
  } else if (wholeRows) {
    const r0 = Math.min(a.row!, b.row!);
    rect = { row: r0, column: 0, rows: Math.abs(a.row! - b.row!) + 1, columns: MAX_COLUMNS };
  } else if (a.row !== undefined && a.column !== undefined && b.row !== undefined && b.column !== undefined) {
    const r0 = Math.min(a.row, b.row);
    const c0 = Math.min(a.column, b.column);
    rect = { row: r0, column: c0, rows: Math.abs(a.row - b.row) + 1, columns: Math.abs(a.column - b.column) + 1 };
  } else {
    return undefined;
  }
  return inGrid(rect) ? { sheet, rect } : undefined;
}

/** `Sheet1` stays bare; names with spaces, punctuation or a leading digit are quoted as Excel quotes them. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/u.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** The local part of an address: `C5`, `A1:C9`, `A:C`, `2:5`. */
export function formatRect(rect: Rect): string {
  if (rect.row === 0 && rect.rows === MAX_ROWS) {
    return `${columnLetter(rect.column)}:${columnLetter(rect.column + rect.columns - 1)}`;
  }
  if (rect.column === 0 && rect.columns === MAX_COLUMNS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const first = `${columnLetter(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${columnLetter(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${formatRect(rect)}`;
}

/** Splits a RangeAreas address list ("A1:B2, C5", or with sheet names) at commas outside quoted sheet names. */
export function splitAddressList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '' || parts.length > 0) parts.push(current.trim());
  return parts;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const columnEnd = Math.min(a.column + a.columns, b.column + b.columns);
  if (rowEnd <= row || columnEnd <= column) return undefined;
  return { row, column, rows: rowEnd - row, columns: columnEnd - column };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    columns: Math.max(a.column + a.columns, b.column + b.columns) - column,
  };
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.columns;
}

/**
 * Collapses a set of cells (keys row * MAX_COLUMNS + column) into rectangles: vertical runs per column, then runs
 * of neighbouring columns with the same rows joined. Not minimal, but compact for the column-shaped sets
 * (formula columns, defect lists) Excel reports.
 */
export function cellsToRects(keys: Iterable<number>): Rect[] {
  const byColumn = new Map<number, number[]>();
  for (const key of keys) {
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    const list = byColumn.get(column);
    if (list) list.push(row);
    else byColumn.set(column, [row]);
  }
  const runs: Rect[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = byColumn.get(column)!.sort((a, b) => a - b);
    let start = rows[0];
    let previous = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const row = rows[i];
      if (row === previous + 1) {
        previous = row;
        continue;
      }
      if (row === previous) continue;
      runs.push({ row: start, column, rows: previous - start + 1, columns: 1 });
      start = row;
      previous = row;
    }
  }
  // Join a run with the run of the same rows in the next column.
  runs.sort((a, b) => a.row - b.row || a.rows - b.rows || a.column - b.column);
  const joined: Rect[] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    if (last && last.row === run.row && last.rows === run.rows && last.column + last.columns === run.column) {
      last.columns++;
    } else {
      joined.push({ ...run });
    }
  }
  return joined.sort((a, b) => a.row - b.row || a.column - b.column);
}
