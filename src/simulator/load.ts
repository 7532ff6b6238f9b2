/**
 * Builds simulated workbooks: from SheetGrid data (tests, examples) or from an .xlsx file read with ExcelJS,
 * which runs in Node and in the browser (loaded on demand, so the demo's first paint doesn't wait for it).
 */
import type { SheetGrid } from '../core/model/types';
import { MAX_ROWS, parseAddress, type Rect } from './address';
import { SimWorkbook, cellKey, type SimCellValue, type SimFill, type SimWorksheet } from './model';

/** Adds one sheet holding the grid's cells at the grid's offset. */
export function addGridSheet(workbook: SimWorkbook, grid: SheetGrid): SimWorksheet {
  const sheet = workbook.addSheet(grid.name);
  grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const excelRow = grid.startRow - 1 + r;
      const column = grid.startColumn + c;
      const type = grid.valueTypes?.[r]?.[c];
      const format = grid.numberFormats?.[r]?.[c];
      if (format) sheet.setNumberFormat(excelRow, column, format);
      if (value === null || value === '') return;
      sheet.setValue(excelRow, column, type === 'Error' ? { error: String(value) } : value);
    });
  });
  return sheet;
}

/** A workbook with one sheet per grid, the first one active. */
export function workbookFromGrids(grids: readonly SheetGrid[], name = 'Book1.xlsx'): SimWorkbook {
  const workbook = new SimWorkbook();
  workbook.name = name;
  for (const grid of grids) addGridSheet(workbook, grid);
  return workbook;
}

// ---------------------------------------------------------------------------------------------------------------
// .xlsx through ExcelJS

/** The Office theme's colours, for fills given as theme colour indexes. */
const THEME_COLORS = ['#FFFFFF', '#000000', '#E7E6E6', '#44546A', '#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];

const PATTERNS: Record<string, string> = {
  solid: 'Solid',
  darkGray: 'Gray75',
  mediumGray: 'Gray50',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};

interface XlsxColor {
  argb?: string;
  theme?: number;
  tint?: number;
}

function applyTint(hex: string, tint: number | undefined): string {
  if (!tint) return hex;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    const v = tint > 0 ? c + (255 - c) * tint : c * (1 + tint);
    return Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

function colorOf(color: XlsxColor | undefined): string | undefined {
  if (!color) return undefined;
  if (color.argb && /^[0-9A-Fa-f]{8}$/.test(color.argb)) return `#${color.argb.slice(2).toUpperCase()}`;
  if (typeof color.theme === 'number' && THEME_COLORS[color.theme]) return applyTint(THEME_COLORS[color.theme], color.tint);
  return undefined;
}

interface XlsxFill {
  type?: string;
  pattern?: string;
  fgColor?: XlsxColor;
  bgColor?: XlsxColor;
}

function fillOf(fill: XlsxFill | undefined): SimFill | undefined {
  if (!fill || fill.type !== 'pattern' || !fill.pattern || fill.pattern === 'none') return undefined;
  const pattern = PATTERNS[fill.pattern];
  if (!pattern) return undefined;
  if (pattern === 'Solid') return { pattern, color: colorOf(fill.fgColor) ?? '#000000', patternColor: null };
  return { pattern, color: colorOf(fill.bgColor) ?? '#FFFFFF', patternColor: colorOf(fill.fgColor) ?? '#000000' };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function cellValueOf(value: unknown): { value: SimCellValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (value instanceof Date) return { value: (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000 };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.error === 'string') return { value: { error: v.error } };
    if (Array.isArray(v.richText)) return { value: v.richText.map((run: { text?: string }) => run.text ?? '').join('') };
    if (typeof v.formula === 'string' || typeof v.sharedFormula === 'string') {
      const result = cellValueOf(v.result).value;
      const formula = typeof v.formula === 'string' ? v.formula : String(v.sharedFormula);
      return { value: result, formula: `=${formula}` };
    }
    if (typeof v.text === 'string') return { value: v.text };
  }
  return { value: String(value) };
}

interface XlsxCell {
  value: unknown;
  numFmt?: string;
  protection?: { locked?: boolean };
  fill?: XlsxFill;
  font?: { bold?: boolean };
  note?: string | { texts?: { text: string }[] };
  isMerged?: boolean;
  master?: XlsxCell;
}

interface XlsxRow {
  hidden: boolean;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: XlsxCell, column: number) => void): void;
}

interface XlsxWorksheet {
  name: string;
  state: string;
  autoFilter?: unknown;
  sheetProtection?: { sheet?: boolean } | null;
  columns?: { hidden?: boolean; protection?: { locked?: boolean } }[] | null;
  views?: { state?: string; ySplit?: number; xSplit?: number }[];
  _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
  getTables?(): { table?: { name?: string; tableRef?: string; ref?: string; headerRow?: boolean }; name?: string }[];
  eachRow(options: { includeEmpty: boolean }, fn: (row: XlsxRow, rowNumber: number) => void): void;
}

function noteText(note: XlsxCell['note']): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('') ?? undefined;
}

function filterRect(autoFilter: unknown): Rect | undefined {
  if (!autoFilter) return undefined;
  if (typeof autoFilter === 'string') return parseAddress(autoFilter)?.rect;
  const filter = autoFilter as { from?: unknown; to?: unknown };
  const point = (p: unknown) =>
    typeof p === 'string' ? parseAddress(p)?.rect : p && typeof p === 'object' ? { row: (p as { row: number }).row - 1, column: (p as { column: number }).column - 1, rows: 1, columns: 1 } : undefined;
  const from = point(filter.from);
  const to = point(filter.to);
  if (!from || !to) return undefined;
  return { row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
}

function addXlsxSheet(workbook: SimWorkbook, source: XlsxWorksheet): void {
  const sheet = workbook.addSheet(source.name);
  (source.columns ?? []).forEach((column, index) => {
    if (column?.protection?.locked === false) sheet.setLocked({ row: 0, column: index, rows: MAX_ROWS, columns: 1 }, false);
  });
  source.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) sheet.hiddenRows.add(r);
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const c = columnNumber - 1;
      if (cell.isMerged && cell.master && cell.master !== cell) return;
      const { value, formula } = cellValueOf(cell.value);
      if (formula) sheet.setFormula(r, c, formula, value);
      else if (value !== null && value !== '') sheet.setValue(r, c, value);
      if (cell.numFmt && cell.numFmt !== 'General') sheet.setNumberFormat(r, c, cell.numFmt);
      const fill = fillOf(cell.fill);
      if (fill) sheet.setFill(r, c, fill);
      if (cell.font?.bold) sheet.bold.set(cellKey(r, c), true);
      const locked = cell.protection?.locked !== false;
      if (locked !== sheet.isLocked(r, c)) sheet.setLocked({ row: r, column: c, rows: 1, columns: 1 }, locked);
      const note = noteText(cell.note);
      if (note) sheet.notes.set(cellKey(r, c), { content: note, authorName: '' });
    });
  });
  (source.columns ?? []).forEach((column, index) => {
    if (column?.hidden) sheet.hiddenColumns.add(index);
  });
  for (const merge of Object.values(source._merges ?? {})) {
    const { top, left, bottom, right } = merge.model;
    sheet.merges.push({ row: top - 1, column: left - 1, rows: bottom - top + 1, columns: right - left + 1 });
  }
  const filter = filterRect(source.autoFilter);
  if (filter) {
    let filtered = false;
    for (const row of sheet.hiddenRows) if (row > filter.row && row < filter.row + filter.rows) filtered = true;
    sheet.autoFilter = { rect: filter, filtered };
  }
  if (source.sheetProtection?.sheet) sheet.protection.protected = true;
  const frozen = source.views?.find((view) => view.state === 'frozen');
  if (frozen) {
    sheet.frozenRows = frozen.ySplit ?? 0;
    sheet.frozenColumns = frozen.xSplit ?? 0;
  }
  for (const table of source.getTables?.() ?? []) {
    const model = table.table ?? (table as { name?: string; tableRef?: string; ref?: string; headerRow?: boolean });
    const rect = parseAddress(model.tableRef ?? model.ref ?? '')?.rect;
    if (rect) workbook.addTable(sheet, rect, model.headerRow !== false, model.name ?? table.name);
  }
  const state = source.state === 'veryHidden' ? 'VeryHidden' : source.state === 'hidden' ? 'Hidden' : 'Visible';
  sheet.visibility = state;
}

/** Reads an .xlsx file into a simulated workbook: values, formulas (with cached results), formats, fills, notes. */
export async function workbookFromXlsx(data: ArrayBuffer | Uint8Array, name = 'Book1.xlsx'): Promise<SimWorkbook> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const source = new ExcelJS.Workbook();
  // ExcelJS accepts an ArrayBuffer or a Node Buffer; a Uint8Array view is passed as its own slice of bytes.
  const bytes = data instanceof Uint8Array ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data;
  await source.xlsx.load(bytes as ArrayBuffer);
  const workbook = new SimWorkbook();
  workbook.name = name;
  source.eachSheet((worksheet) => addXlsxSheet(workbook, worksheet as unknown as XlsxWorksheet));
  if (workbook.visibleSheets().length === 0 && workbook.sheets[0]) workbook.sheets[0].visibility = 'Visible';
  const activeTab = (source.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const active = workbook.sheets[activeTab];
  workbook.activeSheetId = active && active.visibility === 'Visible' ? active.id : workbook.visibleSheets()[0]?.id;
  return workbook;
}
