/**
 * Reads a picked 学信网 export (.xlsx, .xls, .csv) in the browser into grids and finds the 学籍/学历 sheets in it.
 * Nothing leaves the computer. CSV files from 学信网 are often GBK (src/core/xueji/csv.ts decodes them).
 * Every cell is kept as the export wrote it (text stays text, so 18-digit ID numbers keep their digits).
 */
import type { CellObject } from '@e965/xlsx';
import type { CellValue, SheetGrid } from '../core/model/types';
import { decodeText, parseCsv } from '../core/xueji/csv';
import { findXuejiSheets, type XuejiSheet } from '../core/xueji/sheet';

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The grids of a spreadsheet file (SheetJS, loaded on demand so it stays out of the pane's first chunk). */
export async function gridsOfFile(name: string, bytes: Uint8Array): Promise<SheetGrid[]> {
  if (/\.(csv|txt)$/i.test(name)) {
    return [{ name: stem(name), startRow: 1, startColumn: 0, values: parseCsv(decodeText(bytes)) }];
  }
  const XLSX = await import('@e965/xlsx');
  const workbook = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false, dense: true });
  const grids: SheetGrid[] = [];
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    const data = (sheet['!data'] ?? []) as (CellObject | undefined)[][];
    const values: CellValue[][] = [];
    const numberFormats: (string | undefined)[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r] ?? [];
      values.push(row.map((cell) => (cell === undefined || cell.v === undefined || cell.t === 'z' || cell.t === 'e' ? null : (cell.v as CellValue))));
      numberFormats.push(row.map((cell) => (cell?.z === undefined ? undefined : String(cell.z))));
    }
    grids.push({ name: sheetName, startRow: 1, startColumn: 0, values, numberFormats });
  }
  return grids;
}

/** The 学籍/学历 sheets of a picked file; empty when none looks like a 学信网 export. */
export async function parseXuejiFile(name: string, bytes: Uint8Array): Promise<XuejiSheet[]> {
  const grids = await gridsOfFile(name, bytes);
  // A one-sheet file is named after the file, so that issues say where the 学籍 value came from.
  const named = grids.length === 1 ? [{ ...grids[0], name: name }] : grids.map((grid) => ({ ...grid, name: `${name} › ${grid.name}` }));
  return findXuejiSheets(named);
}
