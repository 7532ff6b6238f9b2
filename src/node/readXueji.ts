/**
 * Reads 学信网 学籍/学历 exports for reconciliation: a sheet of an .xlsx, a .csv (UTF-8 or GBK), or a dBASE .dbf
 * (GBK). `file:SHEET` picks a sheet of a workbook. Files are only read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue, SheetGrid } from '../core/model/types';
import { decodeText, parseCsv } from '../core/xueji/csv';
import { findXuejiSheets, readXuejiSheet, type XuejiSheet } from '../core/xueji/sheet';
import { loadWorkbook } from './readWorkbook';
import { WorkbookReadError } from './workbookError';

export { decodeText, parseCsv } from '../core/xueji/csv';

function gridOf(name: string, rows: CellValue[][]): SheetGrid {
  return { name, startRow: 1, startColumn: 0, values: rows };
}

function notXueji(file: string): WorkbookReadError {
  const name = path.basename(file);
  return new WorkbookReadError(
    'notTemplate',
    file,
    `${name} 不像学信网学籍/学历导出数据：前10行中没有含姓名和身份证号/学号/考生号的表头`,
    `${name} does not look like a 学信网 student-status export: no header with name and ID/student/examinee number`,
  );
}

async function readDbf(file: string): Promise<SheetGrid> {
  const { DBFFile } = await import('dbffile');
  const dbf = await DBFFile.open(file, { encoding: 'gbk' });
  const names = dbf.fields.map((f) => f.name);
  const records = await dbf.readRecords(dbf.recordCount);
  const rows: CellValue[][] = [names, ...records.map((record) => names.map((n) => {
    const value = record[n];
    if (value instanceof Date) return value.toISOString().slice(0, 10).replace(/-/g, '');
    return value === null || value === undefined ? null : typeof value === 'boolean' ? String(value) : (value as string | number);
  }))];
  return gridOf(path.basename(file), rows);
}

/** Reads `file[:SHEET]`; throws WorkbookReadError for unusable input. */
export async function readXuejiSource(spec: string): Promise<XuejiSheet[]> {
  const match = /^(.*\.(?:xlsx|xlsm|csv|dbf|xls))(?::(.+))?$/i.exec(spec);
  const file = match ? match[1] : spec;
  const sheetName = match?.[2];
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xls') {
    throw new WorkbookReadError(
      'notXlsx',
      file,
      `${path.basename(file)} 是 Excel 97-2003 格式，请在 Excel 中“另存为” .xlsx 后再比对`,
      `${path.basename(file)} is an Excel 97-2003 workbook: save it as .xlsx first`,
    );
  }
  if (extension === '.csv' || extension === '.dbf') {
    let grid: SheetGrid;
    try {
      grid = extension === '.csv' ? gridOf(path.basename(file), parseCsv(decodeText(await fs.readFile(file)))) : await readDbf(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new WorkbookReadError('missing', file, `找不到学籍文件：${file}`, `student-status file not found: ${file}`);
      }
      throw new WorkbookReadError('corrupt', file, `无法读取学籍文件 ${file}`, `cannot read the student-status file ${file}`, { cause: error });
    }
    const sheet = readXuejiSheet(grid);
    if (!sheet) throw notXueji(file);
    return [sheet];
  }
  const { grids } = await loadWorkbook(file);
  if (sheetName !== undefined) {
    const grid = grids.find((g) => g.name === sheetName);
    if (!grid) {
      throw new WorkbookReadError('missing', file, `${path.basename(file)} 中没有工作表“${sheetName}”`, `${path.basename(file)} has no sheet “${sheetName}”`);
    }
    const sheet = readXuejiSheet(grid);
    if (!sheet) throw notXueji(`${file}:${sheetName}`);
    return [sheet];
  }
  const sheets = findXuejiSheets(grids);
  if (sheets.length === 0) throw notXueji(file);
  return sheets;
}
