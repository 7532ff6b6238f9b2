/**
 * The in-memory workbook behind the simulated Excel JavaScript API: sheets, cell values, formulas, number
 * formats, fills, notes, merges, hidden rows and columns, filters, tables, protection and the selection.
 * Storage is sparse (rows of values in a map, formats in maps keyed by cell), so 100,000-row sheets stay cheap.
 */
import { MAX_COLUMNS, MAX_ROWS, cellsToRects, intersect, type Rect } from './address';
import { officeError } from './errors';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** An error value such as #N/A. */
export interface SimErrorValue {
  error: string;
}

export type SimCellValue = string | number | boolean | null | SimErrorValue;

export interface SimFill {
  /** Excel.FillPattern: 'Solid', 'Gray50', … ('None' is stored as no entry). */
  pattern: string;
  /** Background colour, #RRGGBB upper case. */
  color: string;
  patternColor: string | null;
}

export interface SimNote {
  content: string;
  authorName: string;
}

export interface SimTable {
  id: string;
  name: string;
  sheet: SimWorksheet;
  rect: Rect;
  showHeaders: boolean;
}

export interface ProtectionOptions {
  allowFormatCells: boolean;
  allowEditObjects: boolean;
  allowAutoFilter: boolean;
  allowSort: boolean;
  allowInsertRows: boolean;
  allowDeleteRows: boolean;
  allowFormatRows: boolean;
  allowFormatColumns: boolean;
}

const DEFAULT_PROTECTION: ProtectionOptions = {
  allowFormatCells: false,
  allowEditObjects: false,
  allowAutoFilter: false,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
  allowFormatRows: false,
  allowFormatColumns: false,
};

export const GENERAL = 'General';

export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyColumn(key: number): number {
  return key % MAX_COLUMNS;
}

export function isErrorValue(value: unknown): value is SimErrorValue {
  return typeof value === 'object' && value !== null && typeof (value as SimErrorValue).error === 'string';
}

function isEmptyValue(value: SimCellValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

function inRect(rect: Rect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && column >= rect.column && column < rect.column + rect.columns;
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name)) {
    throw officeError('InvalidArgument', 'Worksheet.name');
  }
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw officeError('InvalidArgument', 'Worksheet.name');
  }
}

export class SimWorksheet {
  visibility: SheetVisibility = 'Visible';
  readonly protection: { protected: boolean; options: ProtectionOptions; password?: string } = {
    protected: false,
    options: { ...DEFAULT_PROTECTION },
  };
  /** Row index → values by column index (sparse arrays). */
  readonly rows = new Map<number, SimCellValue[]>();
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly fills = new Map<number, SimFill>();
  readonly bold = new Map<number, boolean>();
  readonly notes = new Map<number, SimNote>();
  merges: Rect[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  autoFilter: { rect: Rect; filtered: boolean } | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  /**
   * Cell locking (Range.format.protection.locked), as the rectangles it was set on, in order: the last one covering
   * a cell decides. Cells are locked unless unlocked, as in Excel; locking only matters while the sheet is protected.
   */
  lockRects: { rect: Rect; locked: boolean }[] = [];
  deleted = false;
  private usedCache: { version: number; valuesOnly: Rect | null; all: Rect | null } | undefined;
  private version = 0;

  constructor(
    readonly workbook: SimWorkbook,
    readonly id: string,
    public name: string,
  ) {}

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  touch(): void {
    this.version++;
  }

  value(row: number, column: number): SimCellValue {
    return this.rows.get(row)?.[column] ?? null;
  }

  /** Stores a constant (removes a formula there). */
  setValue(row: number, column: number, value: SimCellValue): void {
    const key = cellKey(row, column);
    this.formulas.delete(key);
    this.storeValue(row, column, value);
  }

  /** Stores a formula and its (simulated) result. */
  setFormula(row: number, column: number, formula: string, result: SimCellValue): void {
    this.formulas.set(cellKey(row, column), formula);
    this.storeValue(row, column, result);
  }

  private storeValue(row: number, column: number, value: SimCellValue): void {
    let cells = this.rows.get(row);
    if (isEmptyValue(value)) {
      if (cells && column < cells.length) {
        delete cells[column];
        if (!cells.some((cell) => !isEmptyValue(cell))) this.rows.delete(row);
      }
    } else {
      if (!cells) {
        cells = [];
        this.rows.set(row, cells);
      }
      cells[column] = value;
    }
    this.touch();
  }

  numberFormat(row: number, column: number): string {
    return this.numberFormats.get(cellKey(row, column)) ?? GENERAL;
  }

  setNumberFormat(row: number, column: number, format: string): void {
    const key = cellKey(row, column);
    if (format === GENERAL || format === '') this.numberFormats.delete(key);
    else this.numberFormats.set(key, format);
    this.touch();
  }

  fill(row: number, column: number): SimFill | undefined {
    return this.fills.get(cellKey(row, column));
  }

  setFill(row: number, column: number, fill: SimFill | undefined): void {
    const key = cellKey(row, column);
    if (!fill || fill.pattern === 'None') this.fills.delete(key);
    else this.fills.set(key, { ...fill });
    this.touch();
  }

  /** Calls fn for every stored (non-empty) value inside rect. */
  forEachValue(rect: Rect, fn: (row: number, column: number, value: SimCellValue) => void): void {
    const visitRow = (row: number, cells: SimCellValue[]) => {
      const end = Math.min(cells.length, rect.column + rect.columns);
      for (let column = rect.column; column < end; column++) {
        const value = cells[column];
        if (!isEmptyValue(value)) fn(row, column, value as SimCellValue);
      }
    };
    if (rect.rows < this.rows.size) {
      for (let row = rect.row; row < rect.row + rect.rows; row++) {
        const cells = this.rows.get(row);
        if (cells) visitRow(row, cells);
      }
    } else {
      for (const [row, cells] of this.rows) if (row >= rect.row && row < rect.row + rect.rows) visitRow(row, cells);
    }
  }

  /** Keys of a keyed map (formulas, fills, …) that fall inside rect. */
  keysIn<T>(map: Map<number, T>, rect: Rect): number[] {
    const keys: number[] = [];
    if (rect.rows * rect.columns < map.size) {
      for (let row = rect.row; row < rect.row + rect.rows; row++) {
        for (let column = rect.column; column < rect.column + rect.columns; column++) {
          const key = cellKey(row, column);
          if (map.has(key)) keys.push(key);
        }
      }
    } else {
      for (const key of map.keys()) if (inRect(rect, keyRow(key), keyColumn(key))) keys.push(key);
    }
    return keys;
  }

  /**
   * The used range: every cell with a value or formula, and with `valuesOnly` false also every formatted cell
   * (number format, fill, bold, note), as Excel counts formatting. Null for a blank sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    if (this.usedCache?.version !== this.version) {
      this.usedCache = { version: this.version, valuesOnly: this.computeUsed(true), all: this.computeUsed(false) };
    }
    return valuesOnly ? this.usedCache.valuesOnly : this.usedCache.all;
  }

  private computeUsed(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const include = (row: number, column: number) => {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (column < left) left = column;
      if (column > right) right = column;
    };
    for (const [row, cells] of this.rows) {
      let first = -1;
      let last = -1;
      for (let column = 0; column < cells.length; column++) {
        if (!isEmptyValue(cells[column])) {
          if (first < 0) first = column;
          last = column;
        }
      }
      if (first >= 0) {
        include(row, first);
        include(row, last);
      }
    }
    const maps: Map<number, unknown>[] = [this.formulas];
    if (!valuesOnly) maps.push(this.numberFormats, this.fills, this.bold, this.notes);
    for (const map of maps) for (const key of map.keys()) include(keyRow(key), keyColumn(key));
    if (bottom < 0) return null;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Clears contents, formats or both inside rect, as Range.clear(applyTo) does. */
  clear(rect: Rect, applyTo: 'All' | 'Contents' | 'Formats' | 'Hyperlinks' | 'RemoveHyperlinks' = 'All'): void {
    if (applyTo === 'All' || applyTo === 'Contents') {
      const cells: [number, number][] = [];
      this.forEachValue(rect, (row, column) => cells.push([row, column]));
      for (const [row, column] of cells) this.setValue(row, column, null);
      for (const key of this.keysIn(this.formulas, rect)) this.formulas.delete(key);
    }
    if (applyTo === 'All' || applyTo === 'Formats') {
      for (const map of [this.numberFormats, this.fills, this.bold] as Map<number, unknown>[]) {
        for (const key of this.keysIn(map, rect)) map.delete(key);
      }
    }
    this.touch();
  }

  /** Rectangles of the formula cells inside rect. */
  formulaRects(rect: Rect): Rect[] {
    return cellsToRects(this.keysIn(this.formulas, rect));
  }

  mergesIn(rect: Rect): Rect[] {
    return this.merges.filter((merge) => intersect(merge, rect) !== undefined);
  }

  isRowHidden(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  /** Locks or unlocks the cells of rect; earlier settings that rect covers entirely are dropped. */
  setLocked(rect: Rect, locked: boolean): void {
    this.lockRects = this.lockRects.filter(({ rect: old }) => !covers(rect, old));
    // Locked is the default: a lock over nothing unlocked needs no entry.
    if (locked && !this.lockRects.some((op) => intersect(op.rect, rect))) return;
    this.lockRects.push({ rect: { ...rect }, locked });
  }

  isLocked(row: number, column: number): boolean {
    for (let i = this.lockRects.length - 1; i >= 0; i--) {
      if (inRect(this.lockRects[i].rect, row, column)) return this.lockRects[i].locked;
    }
    return true;
  }

  /** Whether every cell of rect is locked (true), unlocked (false), or some of each (null), as Excel reports it. */
  lockedState(rect: Rect): boolean | null {
    let state: boolean | undefined;
    // The settings that reach into rect, newest first; a setting covering all of rect hides the older ones.
    for (let i = this.lockRects.length - 1; i >= 0; i--) {
      const { rect: area, locked } = this.lockRects[i];
      if (!intersect(area, rect)) continue;
      if (covers(area, rect)) {
        if (state === undefined || state === locked) return locked;
        return null;
      }
      if (state === undefined) state = locked;
      else if (state !== locked) return null;
    }
    if (state === undefined) return true;
    // Partly covered by settings of one kind: mixed unless the settings are locks (the default).
    if (state) return true;
    const cells = rect.rows * rect.columns;
    if (cells > 1_000_000) return null;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.column; c < rect.column + rect.columns; c++) if (this.isLocked(r, c)) return null;
    }
    return false;
  }
}

function covers(outer: Rect, inner: Rect): boolean {
  return (
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    outer.row + outer.rows >= inner.row + inner.rows &&
    outer.column + outer.columns >= inner.column + inner.columns
  );
}

/** One `context.sync()` as the simulator saw it. */
export interface SyncRecord {
  /** 1-based, over the life of the workbook (or since resetStats). */
  index: number;
  /** JSON size in bytes (UTF-8) of what the request carried: values and arguments written. */
  requestBytes: number;
  /** JSON size in bytes (UTF-8) of what the response carried: values and properties loaded. */
  responseBytes: number;
  /** Queued commands (loads, property sets, method calls). */
  actions: number;
  /** Error code when the sync failed. */
  error?: string;
}

export class SimStats {
  syncs = 0;
  records: SyncRecord[] = [];

  reset(): void {
    this.syncs = 0;
    this.records = [];
  }

  get maxRequestBytes(): number {
    return this.records.reduce((max, record) => Math.max(max, record.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.records.reduce((max, record) => Math.max(max, record.responseBytes), 0);
  }
}

export class SimWorkbook {
  readonly sheets: SimWorksheet[] = [];
  readonly tables: SimTable[] = [];
  readonly stats = new SimStats();
  name = 'Book1.xlsx';
  /** Workbook structure protection (no sheets added, deleted, renamed or hidden). */
  structureProtected = false;
  activeSheetId: string | undefined;
  selection: { sheetId: string; rect: Rect } | undefined;
  private nextSheetId = 1;
  private nextTableId = 1;

  /** Looks a sheet up by name, ignoring case as Excel does. */
  sheet(name: string): SimWorksheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): SimWorksheet | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  get activeSheet(): SimWorksheet | undefined {
    return (this.activeSheetId && this.sheetById(this.activeSheetId)) || this.sheets.find((s) => s.visibility === 'Visible');
  }

  addSheet(name?: string): SimWorksheet {
    if (this.structureProtected) throw officeError('AccessDenied', 'WorksheetCollection.add');
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    checkSheetName(sheetName);
    if (this.sheet(sheetName)) throw officeError('ItemAlreadyExists', 'WorksheetCollection.add');
    const id = `{00000000-0001-0000-0000-${String(this.nextSheetId++).padStart(12, '0')}}`;
    const sheet = new SimWorksheet(this, id, sheetName);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = id;
    return sheet;
  }

  renameSheet(sheet: SimWorksheet, name: string): void {
    if (sheet.name === name) return;
    if (this.structureProtected) throw officeError('AccessDenied', 'Worksheet.name');
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet) throw officeError('ItemAlreadyExists', 'Worksheet.name');
    sheet.name = name;
  }

  setVisibility(sheet: SimWorksheet, visibility: SheetVisibility): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) throw officeError('InvalidArgument', 'Worksheet.visibility');
    if (sheet.visibility === visibility) return;
    if (this.structureProtected) throw officeError('AccessDenied', 'Worksheet.visibility');
    if (visibility !== 'Visible' && this.visibleSheets().every((s) => s === sheet)) {
      // Excel keeps at least one sheet visible.
      throw officeError('InvalidOperation', 'Worksheet.visibility');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id) this.activeSheetId = this.visibleSheets()[0]?.id;
  }

  visibleSheets(): SimWorksheet[] {
    return this.sheets.filter((sheet) => sheet.visibility === 'Visible');
  }

  deleteSheet(sheet: SimWorksheet): void {
    if (this.structureProtected) throw officeError('AccessDenied', 'Worksheet.delete');
    // A VeryHidden sheet can't be deleted; its visibility has to change first (office-js-docs-pr#754).
    if (sheet.visibility === 'VeryHidden') {
      throw officeError('InvalidOperation', 'Worksheet.delete', 'This operation is not allowed on a very hidden worksheet.');
    }
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw officeError('InvalidOperation', 'Worksheet.delete', 'A workbook must contain at least one visible worksheet.');
    }
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheetId === sheet.id) {
      const visible = this.visibleSheets();
      this.activeSheetId = (visible[Math.min(index, visible.length - 1)] ?? visible[0])?.id;
    }
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
  }

  addTable(sheet: SimWorksheet, rect: Rect, showHeaders: boolean, name?: string): SimTable {
    for (const table of this.tables) {
      if (table.sheet === sheet && intersect(table.rect, rect)) throw officeError('InvalidOperation', 'TableCollection.add');
    }
    let tableName = name;
    if (!tableName) {
      do tableName = `Table${this.nextTableId++}`;
      while (this.tables.some((t) => t.name.toLowerCase() === tableName!.toLowerCase()));
    } else if (this.tables.some((t) => t.name.toLowerCase() === tableName!.toLowerCase())) {
      throw officeError('ItemAlreadyExists', 'TableCollection.add');
    }
    const table: SimTable = { id: `{T-${this.tables.length + 1}-${tableName}}`, name: tableName, sheet, rect, showHeaders };
    this.tables.push(table);
    return table;
  }

  /** The current selection, defaulting to A1 of the active sheet as Excel's is. */
  currentSelection(): { sheet: SimWorksheet; rect: Rect } | undefined {
    const active = this.activeSheet;
    if (!active) return undefined;
    if (this.selection?.sheetId === active.id) return { sheet: active, rect: this.selection.rect };
    return { sheet: active, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
  }

  resetStats(): void {
    this.stats.reset();
  }
}

export { MAX_COLUMNS, MAX_ROWS };
