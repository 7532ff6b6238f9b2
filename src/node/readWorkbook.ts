/**
 * Reads an .xlsx workbook with ExcelJS into the grids the core validates, cell by cell as Office.js would hand them
 * over: dates as 1900-system serial numbers with their number format, formulas as their cached result, rich text and
 * hyperlinks as plain text, error cells as their error text with value type 'Error'. The file is only ever read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, CellValueType, SheetGrid } from '../core/model/types';
import { WorkbookReadError } from './workbookError';

export { WorkbookReadError, type WorkbookReadErrorCode } from './workbookError';

/** Extensions of Office Open XML workbooks that ExcelJS reads. */
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

const KNOWN_OTHER_FORMATS: Record<string, { zh: string; en: string }> = {
  '.xls': { zh: 'Excel 97-2003 工作簿（.xls）', en: 'an Excel 97-2003 workbook (.xls)' },
  '.et': { zh: 'WPS 表格文件（.et）', en: 'a WPS spreadsheet (.et)' },
  '.csv': { zh: 'CSV 文本文件', en: 'a CSV text file' },
  '.txt': { zh: '文本文件', en: 'a text file' },
  '.ods': { zh: 'OpenDocument 表格（.ods）', en: 'an OpenDocument spreadsheet (.ods)' },
  '.numbers': { zh: 'Numbers 表格', en: 'a Numbers spreadsheet' },
  '.dbf': { zh: 'dBASE 文件（.dbf）', en: 'a dBASE file (.dbf)' },
};

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: .xls, .et, and password-protected .xlsx files. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

/** Text files (CSV, HTML tables saved as .xlsx) have no control bytes other than tabs and line breaks at the start. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) return false;
  return sample.length > 0;
}

async function readBytes(file: string): Promise<Buffer> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new WorkbookReadError('missing', file, `找不到文件：${file}`, `File not found: ${file}`, { cause: error });
    }
    throw new WorkbookReadError('corrupt', file, `无法读取文件：${file}（${code ?? '未知错误'}）`, `Cannot read ${file} (${code ?? 'unknown error'})`, {
      cause: error,
    });
  }
  if (!stat.isFile()) {
    throw new WorkbookReadError('missing', file, `${file} 不是文件`, `${file} is not a file`);
  }
  const extension = path.extname(file).toLowerCase();
  if (!XLSX_EXTENSIONS.has(extension)) {
    const known = KNOWN_OTHER_FORMATS[extension];
    const zh = known ? `${name} 是${known.zh}，不是 .xlsx 工作簿，请在 Excel 中“另存为” .xlsx 后再校验` : `${name} 不是 .xlsx 工作簿`;
    const en = known
      ? `${name} is ${known.en}, not an .xlsx workbook: save it as .xlsx in Excel first`
      : `${name} is not an .xlsx workbook`;
    throw new WorkbookReadError('notXlsx', file, zh, en);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new WorkbookReadError('corrupt', file, `无法读取文件：${file}（${code}）`, `Cannot read ${file} (${code})`, { cause: error });
  }
  if (bytes.length === 0) {
    throw new WorkbookReadError('corrupt', file, `${name} 是空文件`, `${name} is empty`);
  }
  if (startsWith(bytes, CFB_SIGNATURE)) {
    throw new WorkbookReadError(
      'notXlsx',
      file,
      `${name} 实际是 Excel 97-2003（.xls）格式或设置了打开密码，请取消密码并“另存为” .xlsx`,
      `${name} is really an Excel 97-2003 (.xls) file or is password-protected: remove the password and save it as .xlsx`,
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    if (looksLikeText(bytes)) {
      throw new WorkbookReadError(
        'notXlsx',
        file,
        `${name} 的内容是文本（如 CSV 或网页），不是 .xlsx 工作簿，请在 Excel 中“另存为” .xlsx`,
        `${name} holds text (CSV or a web page), not an .xlsx workbook: save it as .xlsx in Excel`,
      );
    }
    throw new WorkbookReadError('corrupt', file, `${name} 已损坏，不是有效的 .xlsx 工作簿`, `${name} is damaged: not a valid .xlsx workbook`);
  }
  return bytes;
}

/** Serial number of a date in Excel's 1900 date system (ExcelJS hands date cells over as UTC dates). */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
export function dateToSerial(date: Date): number {
  return (date.getTime() - EPOCH_1900_MS) / DAY_MS;
}

interface RichTextLike {
  richText: { text: string }[];
}
const isRichText = (value: unknown): value is RichTextLike =>
  typeof value === 'object' && value !== null && Array.isArray((value as RichTextLike).richText);

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRichText(value)) return value.richText.map((run) => run.text ?? '').join('');
  if (value === null || value === undefined) return '';
  return String(value);
}

interface Converted {
  value: CellValue;
  type: CellValueType;
}

const EMPTY: Converted = { value: null, type: 'Empty' };

/** A value as a formula result or a plain cell holds it. */
function convertValue(value: unknown): Converted {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { value, type: 'Double' };
  if (typeof value === 'string') return value === '' ? EMPTY : { value, type: 'String' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  if (value instanceof Date) {
    const serial = dateToSerial(value);
    return Number.isFinite(serial) ? { value: serial, type: 'Double' } : EMPTY;
  }
  if (typeof value === 'object') {
    const object = value as { error?: unknown; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (typeof object.error === 'string') return { value: object.error, type: 'Error' };
    if (isRichText(value)) {
      const text = plainText(value);
      return text === '' ? EMPTY : { value: text, type: 'String' };
    }
    if ('formula' in object || 'sharedFormula' in object) return convertValue(object.result);
    if ('text' in object) {
      const text = plainText(object.text);
      return text === '' ? EMPTY : { value: text, type: 'String' };
    }
  }
  return { value: String(value), type: 'String' };
}

function convertCell(cell: ExcelJS.Cell): Converted {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      // Office.js gives the value of a merged area to its top-left cell only.
      return EMPTY;
    case ExcelJS.ValueType.Formula:
      // No cached result (a file no spreadsheet program has calculated) reads as empty.
      return convertValue(cell.result);
    default:
      return convertValue(cell.value);
  }
}

function worksheetToGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: { values: CellValue[]; formats: (string | undefined)[]; types: CellValueType[] }[] = [];
  let width = 0;
  let height = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    const formats: (string | undefined)[] = [];
    const types: CellValueType[] = [];
    let used = 0;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const converted = convertCell(cell);
      if (converted.type === 'Empty') return;
      const index = columnNumber - 1;
      values[index] = converted.value;
      formats[index] = cell.numFmt;
      types[index] = converted.type;
      used = Math.max(used, columnNumber);
    });
    if (used === 0) return;
    rows[rowNumber - 1] = { values, formats, types };
    width = Math.max(width, used);
    height = Math.max(height, rowNumber);
  });
  const values: CellValue[][] = new Array(height);
  const numberFormats: string[][] = new Array(height);
  const valueTypes: CellValueType[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const source = rows[r];
    const rowValues: CellValue[] = new Array(width);
    const rowFormats: string[] = new Array(width);
    const rowTypes: CellValueType[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const type = source?.types[c];
      if (type === undefined) {
        rowValues[c] = null;
        rowFormats[c] = source?.formats[c] ?? 'General';
        rowTypes[c] = 'Empty';
      } else {
        rowValues[c] = source!.values[c];
        rowFormats[c] = source!.formats[c] ?? 'General';
        rowTypes[c] = type;
      }
    }
    values[r] = rowValues;
    numberFormats[r] = rowFormats;
    valueTypes[r] = rowTypes;
  }
  return { name: worksheet.name, startRow: 1, startColumn: 0, values, numberFormats, valueTypes };
}

/** The product's own hidden sheets (audit trail, marks, baseline) are data of the product, not of the user. */
const INTERNAL_SHEET = /^_dd_/;

/**
 * Loads an .xlsx file with ExcelJS and converts its worksheets (in workbook order, the product's own hidden sheets
 * left out) to grids. Throws WorkbookReadError when the file is missing, is not an .xlsx workbook (by extension or
 * by content), or is damaged. The workbook is returned for commands that write a signed copy.
 */
export async function loadWorkbook(file: string): Promise<{ workbook: ExcelJS.Workbook; grids: SheetGrid[] }> {
  const bytes = await readBytes(file);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const name = path.basename(file);
    throw new WorkbookReadError('corrupt', file, `${name} 已损坏或不是有效的 .xlsx 工作簿，无法读取`, `${name} is damaged or not a valid .xlsx workbook`, {
      cause: error,
    });
  }
  const grids = workbook.worksheets.filter((worksheet) => !INTERNAL_SHEET.test(worksheet.name)).map(worksheetToGrid);
  return { workbook, grids };
}

/** Reads every user worksheet of an .xlsx file as grids; see loadWorkbook. */
export async function readWorkbook(file: string): Promise<SheetGrid[]> {
  return (await loadWorkbook(file)).grids;
}
