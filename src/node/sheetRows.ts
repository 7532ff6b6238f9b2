import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/model/types';

/** A cell as text, number or boolean: a formula's result, rich text's runs joined, a date as ISO text. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((run) => run.text).join('');
    if ('result' in object) return cellValue(object.result);
    if ('text' in object) return cellValue(object.text);
  }
  return String(value);
}

/** A sheet's rows as cell values, row 1 first; missing rows are empty. */
export function sheetRows(worksheet: ExcelJS.Worksheet | undefined): CellValue[][] {
  if (!worksheet) return [];
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rows[rowNumber - 1] = (row.values as unknown[]).slice(1).map(cellValue);
  });
  return Array.from(rows, (row) => row ?? []);
}
