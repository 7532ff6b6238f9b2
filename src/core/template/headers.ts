import type { CellValue, SheetGrid } from '../model/types';
import { FIELDS } from './fields';

/** How many rows from the top may hold title rows before the header row. */
export const HEADER_SEARCH_ROWS = 10;
/**
 * A row is a header only when it names at least this many template fields, among them 姓名 or 证件号码 and one
 * degree field — a 学籍 export names people too, but no degree.
 */
const MIN_KNOWN_FIELDS = 4;
const DEGREE_FIELDS = ['XWZSBH', 'XWLBM', 'XWLB', 'HXWRQ', 'XWSYDWM'];

export interface HeaderColumn {
  /** 0-based index in the grid row. */
  index: number;
  label: string;
}

export interface HeaderMatch {
  /** 0-based index of the header row in `grid.values`. */
  rowIndex: number;
  /** Excel row number of the header row. */
  excelRow: number;
  /** Field code → 0-based grid column of its first occurrence. */
  columns: Map<string, number>;
  duplicates: { code: string; indexes: number[] }[];
  unknown: HeaderColumn[];
}

/** Folds the spellings of one label together: spaces, full-width parentheses, required-field markers. */
function foldLabel(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[#*＊]+$/u, '')
    .toUpperCase();
}

const LABEL_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const definition of Object.values(FIELDS)) {
    for (const label of definition.labelAliases ?? []) index.set(foldLabel(label), definition.code);
  }
  // Canonical labels last so they win over another field's alias.
  for (const definition of Object.values(FIELDS)) index.set(foldLabel(definition.label), definition.code);
  return index;
})();

const TRAILING_CODE = /[(（]\s*([A-Za-z]{1,10})\s*[)）]\s*[#*＊]?\s*$/u;

/**
 * The field code a header cell names: the bare code (`ZJHM`, any case), `汉字名称(CODE)` with half- or full-width
 * parentheses, or the Chinese label alone. Undefined when the cell names no template field.
 */
export function fieldCodeOfHeader(cell: CellValue): string | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (!text) return undefined;
  const inParentheses = TRAILING_CODE.exec(text);
  if (inParentheses) {
    const code = inParentheses[1].toUpperCase();
    if (FIELDS[code]) return code;
  }
  const bare = text.replace(/[\s\u3000]+/g, '').toUpperCase();
  if (FIELDS[bare]) return bare;
  return LABEL_INDEX.get(foldLabel(text));
}

function matchRow(row: readonly CellValue[]): Omit<HeaderMatch, 'rowIndex' | 'excelRow'> {
  const positions = new Map<string, number[]>();
  const unknown: HeaderColumn[] = [];
  row.forEach((cell, index) => {
    const code = fieldCodeOfHeader(cell);
    if (code) {
      const list = positions.get(code);
      if (list) list.push(index);
      else positions.set(code, [index]);
    } else if (cell !== null && String(cell).trim() !== '') {
      unknown.push({ index, label: String(cell).trim() });
    }
  });
  const columns = new Map<string, number>();
  const duplicates: { code: string; indexes: number[] }[] = [];
  for (const [code, indexes] of positions) {
    columns.set(code, indexes[0]);
    if (indexes.length > 1) duplicates.push({ code, indexes });
  }
  return { columns, duplicates, unknown };
}

/** Finds the header row among the first rows of a sheet; undefined when the sheet does not look like the template. */
export function detectHeader(grid: SheetGrid, searchRows = HEADER_SEARCH_ROWS): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  const limit = Math.min(searchRows, grid.values.length);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const match = matchRow(grid.values[rowIndex] ?? []);
    const identifying =
      (match.columns.has('XM') || match.columns.has('ZJHM')) && DEGREE_FIELDS.some((code) => match.columns.has(code));
    if (!identifying || match.columns.size < MIN_KNOWN_FIELDS) continue;
    if (!best || match.columns.size > best.columns.size) {
      best = { ...match, rowIndex, excelRow: grid.startRow + rowIndex };
    }
  }
  return best;
}
