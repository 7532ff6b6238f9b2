/// <reference types="office-js" />
/**
 * Reads the template sheet(s) of the open workbook into SheetGrids for the engine.
 *
 * 1. one sync for the sheet list, one for the sheets' used ranges, one for the first rows of each sheet (the
 *    engine's header detection decides which sheets are the template) plus cheap facts (protection, filters,
 *    hidden rows);
 * 2. then the template sheets in row blocks, ONE sync per block: `values` of every column, `numberFormat` and
 *    `valueTypes` only of the digit-sensitive columns (IDs, codes, dates). A block is sized from the column
 *    count and the bytes the first rows took, so that its response stays under Excel on the web's 5 MB limit
 *    (about 10,000 rows of 40 columns); a block that still fails with a payload error is halved and retried.
 */
import type { CellValue, CellValueType, SheetGrid } from '../core/model/types';
import { FIELDS, isDigitSensitive } from '../core/template/fields';
import { HEADER_SEARCH_ROWS, detectHeader, type HeaderMatch } from '../core/template/headers';
import { findTemplateSheets, type TemplateSheet } from '../core/validate';
import { xuejiFieldOfHeader } from '../core/xueji/fields';
import { readXuejiSheet } from '../core/xueji/sheet';
import { columnRuns, jsonBytes, parseCell } from './cells';
import { notices as notice, type GatewayNotice } from './messages';
import { Batcher, SYNC_BUDGET_BYTES, isPayloadError, runExcel, supportsExcelApi, throwIfAborted } from './run';

/** At most this many cells per block: 10,000 rows of 40 columns. */
export const BLOCK_CELLS = 400_000;
/** Sheets with at least this many rows get a notice (they are still read, in blocks). */
export const HUGE_SHEET_ROWS = 100_000;
/** Sheets wider than this are read up to the header's last column only. */
export const MAX_COLUMNS_READ = 1024;
/** What numberFormat + valueTypes of one cell add to a response ("General","String", quotes, commas). */
const FORMAT_BYTES_PER_CELL = 24;
/** What a getRowProperties({rowHidden}) entry adds per row. */
const ROW_PROPERTY_BYTES = 20;

export interface ReadProgress {
  phase: 'probe' | 'read';
  sheet?: string;
  /** Rows read so far across all template sheets. */
  rowsRead: number;
  rowsTotal: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** Bytes one sync may carry; default 4,000,000 (Excel on the web allows 5 MB). */
  syncBudget?: number;
  /** Upper bound of rows per block (tuning and tests); the byte budget can make blocks smaller. */
  maxBlockRows?: number;
  /** Rows read from the top of each sheet to find the header; default 10, as the engine searches. */
  probeRows?: number;
}

export interface ReadStats {
  syncs: number;
  /** Row blocks read (several small blocks can share one sync). */
  blocks: number;
  /** Rows per block as planned for each template sheet (after any halving). */
  blockRows: Record<string, number>;
  /** Rows read per template sheet. */
  rows: Record<string, number>;
}

export interface ReadResult {
  /** The template sheets' used ranges, with their offsets (startRow / startColumn), for the engine. */
  grids: SheetGrid[];
  /** The same sheets with their header rows, ready for validateTemplateSheets. Empty when there is no template. */
  templates: TemplateSheet[];
  /** What the pane should tell the user; `noTemplate` is blocking. */
  notices: GatewayNotice[];
  stats: ReadStats;
}

/** The header row of a sheet to read: its 0-based row in the first rows, and field code → 0-based column. */
type SheetHeader = Pick<HeaderMatch, 'rowIndex' | 'columns'>;

/**
 * What a reading is for. `template`: the degree template sheets, visible ones only, with the diagnostics the pane
 * explains (formulas, merged header, hidden rows and columns, filters). `xueji`: sheets that look like a 学信网
 * 学籍/学历 export, hidden ones too (a reference sheet is often hidden), values and formats only.
 */
type ReadKind = 'template' | 'xueji';

interface SheetPlan {
  name: string;
  sheet: Excel.Worksheet;
  /** The sheet's used range (values only), loaded. */
  used: Excel.Range;
  header: SheetHeader;
  /** Whether to look for formulas, merged header cells and hidden columns with the first block. */
  diagnose: boolean;
  width: number;
  runs: { start: number; length: number }[];
  bytesPerRow: number;
  blockRows: number;
  next: number;
  blocks: number;
  hiddenRowsPossible: boolean;
  hiddenRows: number;
  grid: SheetGrid;
}

function toCell(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

const VALUE_TYPES: Record<string, CellValueType> = {
  Empty: 'Empty',
  String: 'String',
  Double: 'Double',
  Integer: 'Double',
  Boolean: 'Boolean',
  Error: 'Error',
};

function digitSensitiveColumns(header: SheetHeader, width: number): number[] {
  const columns: number[] = [];
  for (const [code, index] of header.columns) {
    const definition = FIELDS[code];
    if (definition && isDigitSensitive(definition) && index < width) columns.push(index);
  }
  return columns;
}

/** The header of a sheet that looks like a 学信网 export (the core decides); every column it names is read with its format. */
function xuejiHeader(grid: SheetGrid): SheetHeader | undefined {
  const found = readXuejiSheet(grid);
  if (!found) return undefined;
  const rowIndex = found.headerRow - grid.startRow;
  const columns = new Map<string, number>();
  (grid.values[rowIndex] ?? []).forEach((cell, index) => {
    const code = xuejiFieldOfHeader(cell);
    if (code && !columns.has(code)) columns.set(code, index);
  });
  return { rowIndex, columns };
}

function lastNonEmptyColumn(rows: readonly (readonly CellValue[])[]): number {
  let last = -1;
  for (const row of rows) for (let c = row.length - 1; c > last; c--) if (row[c] !== null) last = c;
  return last;
}

/** The first area of a RangeAreas address, without the sheet name. */
function firstArea(address: string): string {
  const first = address.split(',')[0] ?? '';
  return first.includes('!') ? first.slice(first.lastIndexOf('!') + 1) : first;
}

/** Reads every visible sheet that looks like the template. */
export async function readTemplateSheets(options: ReadOptions = {}): Promise<ReadResult> {
  const { grids, notices, stats } = await readSheets(options, 'template');
  return { grids, templates: grids.length ? findTemplateSheets(grids) : [], notices, stats };
}

/** The sheets of one kind, read in row blocks. */
export async function readSheets(
  options: ReadOptions,
  kind: ReadKind,
): Promise<{ grids: SheetGrid[]; notices: GatewayNotice[]; stats: ReadStats }> {
  const { signal, onProgress } = options;
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  const probeRows = options.probeRows ?? HEADER_SEARCH_ROWS;
  const found: GatewayNotice[] = [];
  throwIfAborted(signal);
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, signal);

    // 1. The sheets.
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name, items/visibility');
    await batch.sync();
    // VeryHidden sheets are the add-in's own (_dd_audit, _dd_marks …) or nobody's business.
    const sheets = worksheets.items.filter((sheet) => sheet.visibility !== 'VeryHidden');

    // 2. Their used ranges (values only: formatting alone doesn't make a row).
    const usedRanges = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount'));
    await batch.sync();
    onProgress?.({ phase: 'probe', rowsRead: 0, rowsTotal: 0 });

    // 3. The first rows of each sheet, and what the pane should know about the visible ones.
    const filterSupported = supportsExcelApi('1.9');
    const probes = sheets.map((sheet, i) => {
      const used = usedRanges[i];
      if (used.isNullObject) return undefined;
      const top = sheet
        .getRangeByIndexes(used.rowIndex, used.columnIndex, Math.min(used.rowCount, probeRows), Math.min(used.columnCount, MAX_COLUMNS_READ))
        .load('values');
      const visible = sheet.visibility === 'Visible';
      if (visible && kind === 'template') {
        sheet.protection.load('protected');
        used.load('rowHidden, columnHidden');
        if (filterSupported) sheet.autoFilter.load('isDataFiltered');
      }
      return { sheet, used, top, visible };
    });
    await batch.sync();

    const plans: SheetPlan[] = [];
    for (const probe of probes) {
      if (!probe) continue;
      const { sheet, used, top, visible } = probe;
      const values = top.values.map((row) => row.map(toCell));
      const grid: SheetGrid = { name: sheet.name, startRow: used.rowIndex + 1, startColumn: used.columnIndex, values };
      const header = kind === 'template' ? detectHeader(grid, probeRows) : xuejiHeader(grid);
      if (!header) continue;
      if (!visible && kind === 'template') {
        found.push(notice.hiddenSheet(sheet.name));
        continue;
      }
      const diagnose = kind === 'template';
      let width = used.columnCount;
      if (width > MAX_COLUMNS_READ) {
        width = Math.max(lastNonEmptyColumn(values), ...header.columns.values()) + 1;
        found.push(notice.wide(sheet.name, used.columnCount));
      }
      if (diagnose && sheet.protection.protected) found.push(notice.protected(sheet.name));
      if (diagnose && filterSupported && sheet.autoFilter.isDataFiltered) found.push(notice.filtered(sheet.name));
      const formatted = kind === 'template' ? digitSensitiveColumns(header, width) : [...header.columns.values()].filter((c) => c < width);
      const runs = columnRuns(formatted);
      const sensitiveCells = runs.reduce((sum, run) => sum + run.length, 0);
      // Bytes per row from the data rows among the first rows (or the header row), with a margin.
      const sampleRows = values.slice(header.rowIndex + 1);
      const sample = sampleRows.length ? sampleRows : [values[header.rowIndex]];
      const measured = jsonBytes(sample) / sample.length;
      const hiddenRowsPossible = diagnose && used.rowHidden !== false;
      const bytesPerRow =
        Math.max(measured, width * 4) * 1.25 + sensitiveCells * FORMAT_BYTES_PER_CELL + (hiddenRowsPossible ? ROW_PROPERTY_BYTES : 0);
      const blockRows = Math.max(
        1,
        Math.min(Math.floor(budget / bytesPerRow), Math.floor(BLOCK_CELLS / width), options.maxBlockRows ?? Infinity),
      );
      plans.push({
        name: sheet.name,
        sheet,
        used,
        header,
        diagnose,
        width,
        runs,
        bytesPerRow,
        blockRows,
        next: 0,
        blocks: 0,
        hiddenRowsPossible,
        hiddenRows: 0,
        grid: {
          name: sheet.name,
          startRow: used.rowIndex + 1,
          startColumn: used.columnIndex,
          values: [],
          ...(runs.length ? { numberFormats: [], valueTypes: [] } : {}),
        },
      });
    }

    const stats: ReadStats = { syncs: 0, blocks: 0, blockRows: {}, rows: {} };
    if (plans.length === 0) {
      const visibleNames = probes.filter((p) => p?.visible).map((p) => p!.sheet.name);
      if (kind === 'template') found.unshift(notice.noTemplate(visibleNames));
      stats.syncs = batch.syncs;
      return { grids: [], notices: found, stats };
    }

    // 4. Row blocks.
    const rowsTotal = plans.reduce((sum, plan) => sum + plan.used.rowCount, 0);
    const mergesSupported = supportsExcelApi('1.13');
    let planIndex = 0;
    while (planIndex < plans.length) {
      // Pack blocks (of one or more sheets) into one sync within the budget.
      const blocks: { plan: SheetPlan; offset: number; rows: number }[] = [];
      let bytes = 0;
      let index = planIndex;
      while (index < plans.length) {
        const plan = plans[index];
        const rows = Math.min(plan.blockRows, plan.used.rowCount - plan.next);
        const estimate = rows * plan.bytesPerRow;
        if (blocks.length && bytes + estimate > budget) break;
        blocks.push({ plan, offset: plan.next, rows });
        bytes += estimate;
        if (plan.next + rows < plan.used.rowCount) break;
        index++;
      }
      const reads = blocks.map(({ plan, offset, rows }) => {
        const { sheet, used } = plan;
        const top = used.rowIndex + offset;
        const values = sheet.getRangeByIndexes(top, used.columnIndex, rows, plan.width).load('values');
        const formats = plan.runs.map((run) =>
          sheet.getRangeByIndexes(top, used.columnIndex + run.start, rows, run.length).load('numberFormat, valueTypes'),
        );
        const rowProperties = plan.hiddenRowsPossible
          ? sheet.getRangeByIndexes(top, used.columnIndex, rows, 1).getRowProperties({ rowHidden: true })
          : undefined;
        let diagnostics: ReturnType<typeof queueDiagnostics> | undefined;
        if (offset === 0 && plan.diagnose) diagnostics = queueDiagnostics(plan, mergesSupported);
        return { plan, offset, rows, values, formats, rowProperties, diagnostics };
      });
      try {
        await batch.sync();
      } catch (error) {
        if (!isPayloadError(error) || blocks.every((block) => block.rows === 1)) throw error;
        // Too big after all (long texts further down): halve and read these rows again.
        for (const block of blocks) {
          block.plan.blockRows = Math.max(1, Math.floor(block.rows / 2));
          block.plan.bytesPerRow *= 2;
        }
        continue;
      }
      for (const read of reads) appendBlock(read, found);
      while (planIndex < plans.length && plans[planIndex].next >= plans[planIndex].used.rowCount) planIndex++;
      const rowsRead = plans.reduce((sum, plan) => sum + plan.next, 0);
      onProgress?.({ phase: 'read', sheet: blocks[blocks.length - 1].plan.name, rowsRead, rowsTotal });
    }

    for (const plan of plans) {
      stats.blockRows[plan.name] = plan.blockRows;
      stats.rows[plan.name] = plan.used.rowCount;
      stats.blocks += plan.blocks;
      if (plan.hiddenRows > 0) found.push(notice.hiddenRows(plan.name, plan.hiddenRows));
      if (plan.used.rowCount >= HUGE_SHEET_ROWS) found.push(notice.huge(plan.name, plan.used.rowCount, plan.blocks));
    }
    stats.syncs = batch.syncs;
    return { grids: plans.map((plan) => plan.grid), notices: found, stats };
  });
}

/** Queues, with a sheet's first block, the checks that need its header: formulas, merged header cells, hidden columns. */
function queueDiagnostics(plan: SheetPlan, mergesSupported: boolean) {
  const { sheet, used, header, width } = plan;
  const dataRows = used.rowCount - header.rowIndex - 1;
  const formulas =
    dataRows > 0
      ? sheet
          .getRangeByIndexes(used.rowIndex + header.rowIndex + 1, used.columnIndex, dataRows, width)
          .getSpecialCellsOrNullObject('Formulas')
          .load('address, cellCount')
      : undefined;
  const merges = mergesSupported
    ? sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, header.rowIndex + 1, width).getMergedAreasOrNullObject().load('address')
    : undefined;
  const columns =
    used.columnHidden !== false
      ? sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, 1, width).getColumnProperties({ columnHidden: true })
      : undefined;
  return { formulas, merges, columns };
}

function appendBlock(
  read: {
    plan: SheetPlan;
    offset: number;
    rows: number;
    values: Excel.Range;
    formats: Excel.Range[];
    rowProperties?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
    diagnostics?: ReturnType<typeof queueDiagnostics>;
  },
  found: GatewayNotice[],
): void {
  const { plan, rows } = read;
  const grid = plan.grid;
  const values = read.values.values;
  for (let r = 0; r < rows; r++) {
    grid.values.push(values[r].map(toCell));
    if (grid.numberFormats && grid.valueTypes) {
      const formatRow: (string | undefined)[] = new Array(plan.width);
      const typeRow: (CellValueType | undefined)[] = new Array(plan.width);
      plan.runs.forEach((run, i) => {
        const formats = read.formats[i].numberFormat[r];
        const types = read.formats[i].valueTypes[r];
        for (let c = 0; c < run.length; c++) {
          formatRow[run.start + c] = formats[c] as string;
          typeRow[run.start + c] = VALUE_TYPES[types[c] as string];
        }
      });
      grid.numberFormats.push(formatRow);
      grid.valueTypes.push(typeRow);
    }
  }
  // Learn from what the block really took, so later blocks stay within the budget.
  const actual = (jsonBytes(values) + read.formats.reduce((sum, range) => sum + jsonBytes(range.numberFormat) + jsonBytes(range.valueTypes), 0)) / rows;
  if (actual * 1.1 > plan.bytesPerRow) plan.bytesPerRow = actual * 1.1;
  plan.next += rows;
  plan.blocks++;
  if (read.rowProperties) plan.hiddenRows += read.rowProperties.value.filter((row) => row.rowHidden).length;
  const diagnostics = read.diagnostics;
  if (!diagnostics) return;
  if (diagnostics.formulas && !diagnostics.formulas.isNullObject) {
    found.push(notice.formulas(plan.name, diagnostics.formulas.cellCount, firstArea(diagnostics.formulas.address)));
  }
  if (diagnostics.merges && !diagnostics.merges.isNullObject) {
    // Merged areas that reach into the header row.
    const headerRow = plan.used.rowIndex + plan.header.rowIndex;
    const areas = diagnostics.merges.address
      .split(',')
      .map((area) => (area.includes('!') ? area.slice(area.lastIndexOf('!') + 1) : area).trim())
      .filter((area) => {
        const [first, last] = area.split(':');
        const a = parseCell(first);
        const b = parseCell(last ?? first);
        return a && b && a.row <= headerRow && b.row >= headerRow;
      });
    if (areas.length) found.push(notice.mergedHeader(plan.name, areas.slice(0, 5).join('、')));
  }
  if (diagnostics.columns) {
    const count = diagnostics.columns.value.filter((column) => column.columnHidden).length;
    if (count > 0) found.push(notice.hiddenColumns(plan.name, count));
  }
}
