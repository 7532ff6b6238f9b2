/** Cell and address helpers for the gateway (pure; no Office.js). */
import { columnIndex, columnLetter } from '../core/util/columns';

/** A rectangle of cells, 0-based like Range.rowIndex / columnIndex. */
export interface CellRect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** 0-based row and column of a cell. */
export interface CellRef {
  row: number;
  column: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

export function parseCell(address: string): CellRef | undefined {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = CELL.exec(local.trim());
  return m ? { row: Number(m[2]) - 1, column: columnIndex(m[1]) } : undefined;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function rectAddress(rect: CellRect): string {
  const first = cellAddress(rect.row, rect.column);
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
}

/** Quotes a sheet name for a reference when Excel would ('My sheet' → 'My sheet'!A1; It's → 'It''s'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/u.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Cell key for maps: row * 16384 + column. */
export const COLUMNS_IN_SHEET = 16_384;

export function keyOf(row: number, column: number): number {
  return row * COLUMNS_IN_SHEET + column;
}

export function refOfKey(key: number): CellRef {
  return { row: Math.floor(key / COLUMNS_IN_SHEET), column: key % COLUMNS_IN_SHEET };
}

/** The rows of the cells in each column, sorted. */
export function rowsByColumn(keys: Iterable<number>): Map<number, number[]> {
  const byColumn = new Map<number, number[]>();
  for (const key of keys) {
    const { row, column } = refOfKey(key);
    const rows = byColumn.get(column);
    if (rows) rows.push(row);
    else byColumn.set(column, [row]);
  }
  for (const rows of byColumn.values()) rows.sort((a, b) => a - b);
  return byColumn;
}

/** Collapses cells into rectangles: vertical runs per column, then neighbouring columns with the same run joined. */
export function cellsToRects(keys: Iterable<number>): CellRect[] {
  const runs: CellRect[] = [];
  for (const [column, rows] of rowsByColumn(keys)) {
    let start = rows[0];
    let previous = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const row = rows[i];
      if (row === previous) continue;
      if (row === previous + 1) {
        previous = row;
        continue;
      }
      runs.push({ row: start, column, rows: previous - start + 1, columns: 1 });
      start = row;
      previous = row;
    }
  }
  runs.sort((a, b) => a.row - b.row || a.rows - b.rows || a.column - b.column);
  const joined: CellRect[] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    if (last && last.row === run.row && last.rows === run.rows && last.column + last.columns === run.column) last.columns++;
    else joined.push({ ...run });
  }
  return joined.sort((a, b) => a.row - b.row || a.column - b.column);
}

/**
 * Excel rejects long address lists in Worksheet.getRanges with InvalidArgument; the limit is undocumented
 * (office-js#5198: an 8,207-character list with 513 areas failed, shorter ones passed). Lists stay well below.
 */
export const ADDRESS_LIST_MAX_CHARS = 2000;
export const ADDRESS_LIST_MAX_AREAS = 200;

/** Joins rectangles into "A1:B2,C5" lists, each within the character and area limits. */
export function addressLists(rects: readonly CellRect[], maxChars = ADDRESS_LIST_MAX_CHARS, maxAreas = ADDRESS_LIST_MAX_AREAS): string[] {
  const lists: string[] = [];
  let current = '';
  let areas = 0;
  for (const rect of rects) {
    const address = rectAddress(rect);
    if (current && (current.length + 1 + address.length > maxChars || areas >= maxAreas)) {
      lists.push(current);
      current = '';
      areas = 0;
    }
    current = current ? `${current},${address}` : address;
    areas++;
  }
  if (current) lists.push(current);
  return lists;
}

/** Column runs: sorted column indexes joined into [start, length] runs, bridging gaps of up to `gap` columns. */
export function columnRuns(columns: Iterable<number>, gap = 1): { start: number; length: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { start: number; length: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && column - (last.start + last.length) <= gap) last.length = column - last.start + 1;
    else runs.push({ start: column, length: 1 });
  }
  return runs;
}

/** UTF-8 length of a string: what it costs in a request or response. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}
