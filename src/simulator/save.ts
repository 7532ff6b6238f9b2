/**
 * Writes a simulated workbook as an .xlsx with ExcelJS (loaded on demand), so that what the gateway wrote can be
 * read by the CLI's code (src/node) or opened in Excel: values, formulas with their results, number formats, fills,
 * bold, notes, merges, hidden rows and columns, frozen panes, sheet visibility (veryHidden included), protection and
 * unlocked cells. The counterpart of `workbookFromXlsx`.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './address';
import { isErrorValue, keyColumn, keyRow, type SimWorkbook, type SimWorksheet } from './model';

const PATTERNS: Record<string, string> = {
  Solid: 'solid',
  Gray75: 'darkGray',
  Gray50: 'mediumGray',
  Gray25: 'lightGray',
  Gray16: 'gray125',
  Gray8: 'gray0625',
  Horizontal: 'darkHorizontal',
  Vertical: 'darkVertical',
  Down: 'darkDown',
  Up: 'darkUp',
  Checker: 'darkGrid',
  SemiGray75: 'darkTrellis',
  LightHorizontal: 'lightHorizontal',
  LightVertical: 'lightVertical',
  LightDown: 'lightDown',
  LightUp: 'lightUp',
  Grid: 'lightGrid',
  CrissCross: 'lightTrellis',
};

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

interface XlsxCell {
  value: unknown;
  numFmt: string;
  fill: unknown;
  font: unknown;
  note: unknown;
  protection: unknown;
}

interface XlsxSheet {
  state: string;
  views: unknown[];
  getCell(row: number, column: number): XlsxCell;
  getRow(row: number): { hidden: boolean };
  getColumn(column: number): { hidden: boolean; protection: unknown };
  mergeCells(top: number, left: number, bottom: number, right: number): void;
  protect(password: string, options: Record<string, boolean>): Promise<void>;
}

const isWholeColumns = (rect: Rect) => rect.row === 0 && rect.rows === MAX_ROWS;

async function writeSheet(target: XlsxSheet, sheet: SimWorksheet): Promise<void> {
  const touched = new Set<number>();
  const cellAt = (row: number, column: number): XlsxCell => {
    touched.add(row * MAX_COLUMNS + column);
    return target.getCell(row + 1, column + 1);
  };
  for (const [row, cells] of sheet.rows) {
    cells.forEach((value, column) => {
      if (value === null || value === undefined || value === '') return;
      const cell = cellAt(row, column);
      const formula = sheet.formulas.get(row * MAX_COLUMNS + column);
      const result = isErrorValue(value) ? { error: value.error } : value;
      cell.value = formula ? { formula: formula.replace(/^=/, ''), result } : result;
    });
  }
  for (const [key, formula] of sheet.formulas) {
    if (touched.has(key)) continue;
    cellAt(keyRow(key), keyColumn(key)).value = { formula: formula.replace(/^=/, ''), result: undefined };
  }
  for (const [key, format] of sheet.numberFormats) cellAt(keyRow(key), keyColumn(key)).numFmt = format;
  for (const [key, fill] of sheet.fills) {
    const pattern = PATTERNS[fill.pattern];
    if (!pattern) continue;
    cellAt(keyRow(key), keyColumn(key)).fill =
      pattern === 'solid'
        ? { type: 'pattern', pattern, fgColor: { argb: argb(fill.color) } }
        : { type: 'pattern', pattern, bgColor: { argb: argb(fill.color) }, fgColor: { argb: argb(fill.patternColor ?? '#000000') } };
  }
  for (const key of sheet.bold.keys()) cellAt(keyRow(key), keyColumn(key)).font = { bold: true };
  for (const [key, note] of sheet.notes) cellAt(keyRow(key), keyColumn(key)).note = note.content;
  for (const merge of sheet.merges) target.mergeCells(merge.row + 1, merge.column + 1, merge.row + merge.rows, merge.column + merge.columns);
  for (const row of sheet.hiddenRows) target.getRow(row + 1).hidden = true;
  for (const column of sheet.hiddenColumns) target.getColumn(column + 1).hidden = true;
  if (sheet.frozenRows || sheet.frozenColumns) {
    target.views = [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }];
  }
  // Unlocked cells: whole columns as column styles, and every cell with a style of its own, which Excel reads instead.
  for (const { rect, locked } of sheet.lockRects) {
    if (locked) continue;
    if (isWholeColumns(rect)) {
      for (let c = rect.column; c < rect.column + rect.columns; c++) target.getColumn(c + 1).protection = { locked: false };
    } else if (rect.rows * rect.columns <= 100_000) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) cellAt(r, c);
    }
  }
  for (const key of touched) {
    const row = keyRow(key);
    const column = keyColumn(key);
    if (!sheet.isLocked(row, column)) target.getCell(row + 1, column + 1).protection = { locked: false };
  }
  if (sheet.protection.protected) {
    const o = sheet.protection.options;
    await target.protect(sheet.protection.password ?? '', {
      formatCells: o.allowFormatCells,
      formatRows: o.allowFormatRows,
      formatColumns: o.allowFormatColumns,
      insertRows: o.allowInsertRows,
      deleteRows: o.allowDeleteRows,
      sort: o.allowSort,
      autoFilter: o.allowAutoFilter,
      objects: !o.allowEditObjects,
    });
  }
  target.state = sheet.visibility === 'VeryHidden' ? 'veryHidden' : sheet.visibility === 'Hidden' ? 'hidden' : 'visible';
}

/** The workbook as .xlsx bytes. */
export async function workbookToXlsx(workbook: SimWorkbook): Promise<Uint8Array> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const out = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    await writeSheet(out.addWorksheet(sheet.name) as unknown as XlsxSheet, sheet);
  }
  const active = workbook.activeSheet;
  if (active) out.views = [{ activeTab: workbook.sheets.indexOf(active) } as never];
  const buffer = await out.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
