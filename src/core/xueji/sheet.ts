import type { CellValue, SheetGrid } from '../model/types';
import { normaliseCell } from '../normalise/cell';
import { FIELDS } from '../template/fields';
import { fieldCodeOfHeader, HEADER_SEARCH_ROWS } from '../template/headers';
import { xuejiFieldOfHeader } from './fields';

export interface XuejiRecord {
  /** Where the record is, for the 漏报 report. */
  sheet: string;
  excelRow: number;
  values: Readonly<Record<string, string>>;
}

export interface XuejiSheet {
  name: string;
  headerRow: number;
  /** 学历 exports carry the graduation conclusion and date. */
  kind: '学籍' | '学历';
  columns: ReadonlySet<string>;
  records: XuejiRecord[];
}

const PERSON_KEYS = ['SFZH', 'XH', 'KSH'];
const XUEJI_MARKERS = ['RXRQ', 'YJBYRQ', 'ZCZT', 'CC', 'BYRQ', 'BJYJL', 'SFZH', 'ZSBH'];
/** Degree-only columns: a sheet that has them is the degree template, not a 学籍 export. */
const DEGREE_MARKERS = new Set(['XWZSBH', 'XWLBM', 'HXWRQ', 'XWSYDWM']);

function headerOf(row: readonly CellValue[]): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  for (let index = 0; index < row.length; index++) {
    const cell = row[index];
    const code = xuejiFieldOfHeader(cell);
    // Any spelling the template's header detection accepts (XWZSBH, 学位证书编号(XWZSBH), 学位证书编号), except
    // the headers a 学信网 export uses too (证书编号 is its 学历 certificate number).
    const degreeCode = code ? undefined : fieldCodeOfHeader(cell);
    if (degreeCode && DEGREE_MARKERS.has(degreeCode)) return undefined;
    if (code && !columns.has(code)) columns.set(code, index);
  }
  const looksLikeXueji =
    columns.has('XM') && PERSON_KEYS.some((key) => columns.has(key)) && XUEJI_MARKERS.some((key) => columns.has(key));
  return looksLikeXueji && columns.size >= 4 ? columns : undefined;
}

/** Text of a 学籍 cell, cleaned the way the degree sheet's cells are (numbers, dates, spaces, full width). */
function cellText(value: CellValue, code: string, numberFormat: string | undefined): string {
  const kind = code === 'CSRQ' || code === 'RXRQ' || code === 'YJBYRQ' || code === 'BYRQ' ? FIELDS.CSRQ : FIELDS.BZ;
  const digits = code === 'SFZH' || code === 'KSH' || code === 'XH' || code === 'ZYDM' || code === 'ZSBH';
  return normaliseCell(value, digits ? FIELDS.XH : kind, { numberFormat }).text;
}

/** Reads a grid as a 学籍/学历 export; undefined when it does not look like one. */
export function readXuejiSheet(grid: SheetGrid): XuejiSheet | undefined {
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const columns = headerOf(grid.values[rowIndex] ?? []);
    if (!columns) continue;
    const records: XuejiRecord[] = [];
    for (let r = rowIndex + 1; r < grid.values.length; r++) {
      const row = grid.values[r] ?? [];
      const values: Record<string, string> = {};
      let filled = false;
      for (const [code, index] of columns) {
        const text = cellText(row[index] ?? null, code, grid.numberFormats?.[r]?.[index]);
        values[code] = text;
        if (text) filled = true;
      }
      if (filled) records.push({ sheet: grid.name, excelRow: grid.startRow + r, values });
    }
    const kind = columns.has('BJYJL') || columns.has('BYRQ') ? '学历' : '学籍';
    return { name: grid.name, headerRow: grid.startRow + rowIndex, kind, columns: new Set(columns.keys()), records };
  }
  return undefined;
}

/** The sheets of a workbook that look like 学信网 exports. */
export function findXuejiSheets(grids: readonly SheetGrid[]): XuejiSheet[] {
  return grids.map(readXuejiSheet).filter((sheet): sheet is XuejiSheet => sheet !== undefined);
}
