/**
 * A 学信网 学籍/学历 export the user picks in the pane (a File from an <input type="file">), read in the browser:
 * .xlsx with ExcelJS (imported on demand, so it stays out of the pane's first chunk), .csv with the core's CSV
 * parser (UTF-8 or GBK). Cells come over as Office.js would hand them over (dates as serial numbers with their
 * number format, formulas as their results), so that the core reads them like a sheet of the open workbook. The file
 * never leaves the computer.
 */
import type { CellValue, SheetGrid } from '../core/model/types';
import { decodeText, parseCsv } from '../core/xueji/csv';
import { findXuejiSheets, type XuejiSheet } from '../core/xueji/sheet';
import { errors } from './messages';

/** What the pane has of a picked file: a File satisfies it; or its name and bytes. */
export type PickedFile = { name: string; arrayBuffer(): Promise<ArrayBuffer> } | { name: string; bytes: Uint8Array };

export interface XuejiFile {
  /** The 学籍/学历 sheets found, named after the file (`file.xlsx`, or `file.xlsx › Sheet1` when it has several). */
  sheets: XuejiSheet[];
  /** All sheets of the file as grids. */
  grids: SheetGrid[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: .xls, or a password-protected .xlsx. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) return false;
  return sample.length > 0;
}

const EPOCH_1900_MS = Date.UTC(1899, 11, 30);

/** A cell value as Office.js hands it over (see src/node/readWorkbook.ts for the CLI's reading of the same files). */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const serial = (value.getTime() - EPOCH_1900_MS) / 86_400_000;
    return Number.isFinite(serial) ? serial : null;
  }
  if (typeof value === 'object') {
    const object = value as { error?: unknown; richText?: { text?: string }[]; result?: unknown; formula?: unknown; sharedFormula?: unknown; text?: unknown };
    if (typeof object.error === 'string') return object.error;
    if (Array.isArray(object.richText)) return cellValue(object.richText.map((run) => run.text ?? '').join(''));
    if ('formula' in object || 'sharedFormula' in object) return cellValue(object.result);
    if ('text' in object) return cellValue(typeof object.text === 'string' ? object.text : String(object.text ?? ''));
  }
  return String(value);
}

interface XlsxCell {
  value: unknown;
  numFmt?: string;
  isMerged?: boolean;
  master?: unknown;
}

interface XlsxWorksheet {
  name: string;
  eachRow(options: { includeEmpty: boolean }, fn: (row: { eachCell(o: { includeEmpty: boolean }, f: (cell: XlsxCell, column: number) => void): void }, rowNumber: number) => void): void;
}

function gridOf(worksheet: XlsxWorksheet, name: string): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    const formats: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // Office.js gives a merged area's value to its top-left cell only.
      if (cell.isMerged && cell.master !== cell) return;
      const value = cellValue(cell.value);
      if (value === null) return;
      cells[column - 1] = value;
      formats[column - 1] = cell.numFmt;
      width = Math.max(width, column);
    });
    values[rowNumber - 1] = cells;
    numberFormats[rowNumber - 1] = formats;
  });
  const rows = values.length;
  return {
    name,
    startRow: 1,
    startColumn: 0,
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => values[r]?.[c] ?? null)),
    numberFormats: Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => numberFormats[r]?.[c] ?? 'General')),
  };
}

async function xlsxGrids(name: string, bytes: Uint8Array): Promise<SheetGrid[]> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw errors.fileFormat(name, 'damaged');
  }
  // The add-in's own sheets (_dd_audit …) are no data.
  const sheets = workbook.worksheets.filter((worksheet) => !/^_dd_/.test(worksheet.name));
  return sheets.map((worksheet) => gridOf(worksheet as unknown as XlsxWorksheet, sheets.length === 1 ? name : `${name} › ${worksheet.name}`));
}

/** The grids of a picked .xlsx or .csv file; GatewayError('fileFormat') for .xls and anything else. */
export async function gridsOfFile(file: PickedFile): Promise<SheetGrid[]> {
  const bytes = 'bytes' in file ? file.bytes : new Uint8Array(await file.arrayBuffer());
  const { name } = file;
  if (bytes.length >= 8 && startsWith(bytes, CFB)) throw errors.fileFormat(name, 'xls');
  if (bytes.length >= 4 && startsWith(bytes, ZIP)) return xlsxGrids(name, bytes);
  if (/\.xls$/i.test(name)) throw errors.fileFormat(name, 'xls');
  if (/\.(csv|txt)$/i.test(name) || looksLikeText(bytes)) {
    return [{ name, startRow: 1, startColumn: 0, values: parseCsv(decodeText(bytes)) }];
  }
  throw errors.fileFormat(name, /\.xlsx?$/i.test(name) ? 'damaged' : 'unknown');
}

/**
 * Reads a picked 学信网 export and finds its 学籍/学历 sheets (core findXuejiSheets). GatewayError('fileFormat')
 * when the file is no .xlsx/.csv or holds no sheet that looks like a 学信网 export.
 */
export async function parseXuejiFile(file: PickedFile): Promise<XuejiFile> {
  const grids = await gridsOfFile(file);
  const sheets = findXuejiSheets(grids);
  if (sheets.length === 0) throw errors.fileFormat(file.name, 'notXueji');
  return { sheets, grids };
}
