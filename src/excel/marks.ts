/// <reference types="office-js" />
/**
 * Marks defective cells with a fill per severity, and removes the marks without a trace.
 *
 * Before the first fill, the original fill of every cell to be marked (pattern, colour, pattern colour —
 * "no fill" included) is written to a veryHidden sheet, `_dd_marks`; clearMarks() puts those fills back,
 * deletes the notes it added and deletes the sheet. Marking again first restores the earlier marks, so the
 * remembered fills are always the user's own. Fills go out in batches through RangeAreas
 * (Worksheet.getRanges with address lists kept short), never one request per cell.
 */
import type { Issue, Severity, SeverityCounts, ValidationReport } from '../core/model/types';
import { columnIndex } from '../core/util/columns';
import {
  addressLists,
  cellAddress,
  cellsToRects,
  jsonBytes,
  keyOf,
  parseCell,
  refOfKey,
  rowsByColumn,
  utf8Length,
  type CellRect,
} from './cells';
import { errors } from './messages';
import { Batcher, SYNC_BUDGET_BYTES, runExcel, supportsExcelApi, throwIfAborted } from './run';

/** Fills per severity: Excel's "Bad" red, "Neutral" yellow and a light blue. */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** The veryHidden sheet holding the original fills of marked cells. */
export const MARKS_SHEET = '_dd_marks';
const MEMORY_TITLE = 'degree-data marks';
const MEMORY_VERSION = '1';
const MEMORY_COLUMNS = ['sheet', 'cell', 'pattern', 'color', 'patternColor', 'note'];
/** Rows above the remembered cells: title/version, column names. */
const MEMORY_HEADER_ROWS = 2;

/** Notes the add-in adds start with this, so that only its own notes are removed. */
export const NOTE_PREFIX = '【学位授予信息助手】';
/** Notes need one request object per cell; past this many cells only fills are applied. */
export const NOTE_LIMIT = 500;
const NOTE_MAX_CHARS = 1000;

/** Rows closer than this share one getCellProperties range when the original fills are read. */
const SEGMENT_GAP = 8;
/** What one cell's fill properties take in a getCellProperties response. */
const CELL_PROPERTY_BYTES = 90;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface MarkOptions {
  /** Add a note with the messages to each marked cell where ExcelApi 1.18 is available (default true). */
  notes?: boolean;
  /** At most this many notes (default 500). */
  noteLimit?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  syncBudget?: number;
}

export interface MarkResult {
  /** Cells that got a fill. */
  marked: number;
  /** Marked cells by the highest severity of their issues. */
  bySeverity: SeverityCounts;
  /** Notes added. */
  notes: number;
  /** Whether notes were possible (ExcelApi 1.18). */
  notesSupported: boolean;
  /** Sheets left unchanged: protected, or no longer in the workbook. */
  skipped: { sheet: string; reason: 'protected' | 'missing' }[];
  /** Cells of earlier marks restored before marking again. */
  restoredFirst: number;
  syncs: number;
}

export interface ClearResult {
  /** Cells whose original fill was restored. */
  restored: number;
  notesRemoved: number;
  /** Sheets in the record that no longer exist (renamed or deleted); nothing to restore there. */
  missingSheets: string[];
  syncs: number;
}

interface Target {
  severity: Severity;
  messages: string[];
}

interface OriginalFill {
  pattern: string;
  color: string;
  patternColor: string;
}

interface Remembered extends OriginalFill {
  sheet: string;
  key: number;
  note: boolean;
}

function issuesOf(source: ValidationReport | readonly Issue[]): readonly Issue[] {
  return Array.isArray(source) ? source : (source as ValidationReport).issues;
}

/** Cells to mark per sheet, each with its highest severity and its messages. */
function targetsOf(issues: readonly Issue[]): Map<string, Map<number, Target>> {
  const sheets = new Map<string, Map<number, Target>>();
  for (const issue of issues) {
    if (issue.row === null || issue.column === null) continue;
    let cells = sheets.get(issue.sheet);
    if (!cells) sheets.set(issue.sheet, (cells = new Map()));
    const key = keyOf(issue.row - 1, columnIndex(issue.column));
    const target = cells.get(key);
    if (!target) cells.set(key, { severity: issue.severity, messages: [issue.message] });
    else {
      if (RANK[issue.severity] > RANK[target.severity]) target.severity = issue.severity;
      if (!target.messages.includes(issue.message)) target.messages.push(issue.message);
    }
  }
  return sheets;
}

function noteText(messages: string[]): string {
  const lines = messages.slice(0, 8).map((m) => `• ${m}`);
  if (messages.length > 8) lines.push(`… +${messages.length - 8}`);
  const text = `${NOTE_PREFIX}\n${lines.join('\n')}`;
  return text.length > NOTE_MAX_CHARS ? `${text.slice(0, NOTE_MAX_CHARS - 1)}…` : text;
}

/** Vertical segments of the cells of one column, bridging small gaps, split to fit the budget. */
function columnSegments(keys: Iterable<number>, maxCells: number): CellRect[] {
  const segments: CellRect[] = [];
  for (const [column, rows] of rowsByColumn(keys)) {
    let start = rows[0];
    let end = rows[0];
    const close = () => {
      for (let top = start; top <= end; top += maxCells) {
        segments.push({ row: top, column, rows: Math.min(maxCells, end - top + 1), columns: 1 });
      }
    };
    for (const row of rows.slice(1)) {
      if (row - end <= SEGMENT_GAP) end = row;
      else {
        close();
        start = end = row;
      }
    }
    close();
  }
  return segments;
}

// ---------------------------------------------------------------------------------------------------------------
// The memory sheet

async function readMemory(
  context: Excel.RequestContext,
  batch: Batcher,
  budget: number,
): Promise<{ sheet: Excel.Worksheet; cells: Remembered[] } | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true).load('rowCount, columnCount');
  const workbookProtection = context.workbook.protection.load('protected');
  await batch.sync();
  if (sheet.isNullObject) return undefined;
  // Deleting the memory sheet changes the workbook's structure.
  if (workbookProtection.protected) throw errors.workbookProtected();
  if (used.isNullObject) return { sheet, cells: [] };
  const rowsPerBlock = Math.max(1, Math.floor(budget / 200));
  const rows: unknown[][] = [];
  for (let offset = 0; offset < used.rowCount; offset += rowsPerBlock) {
    const block = sheet
      .getRangeByIndexes(offset, 0, Math.min(rowsPerBlock, used.rowCount - offset), MEMORY_COLUMNS.length)
      .load('values');
    await batch.sync();
    rows.push(...block.values);
  }
  if (rows[0]?.[0] !== MEMORY_TITLE) throw errors.marksUnreadable(MARKS_SHEET);
  const cells: Remembered[] = [];
  for (const row of rows.slice(MEMORY_HEADER_ROWS)) {
    const [sheetName, address, pattern, color, patternColor, note] = row.map((v) => String(v ?? ''));
    const cell = parseCell(address);
    if (!sheetName || !cell) continue;
    cells.push({ sheet: sheetName, key: keyOf(cell.row, cell.column), pattern: pattern || 'None', color, patternColor, note: note === '1' });
  }
  return { sheet, cells };
}

function groupBySheet<T extends { sheet: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.sheet);
    if (list) list.push(item);
    else groups.set(item.sheet, [item]);
  }
  return groups;
}

/**
 * Restores the remembered fills, removes the add-in's notes and deletes the memory sheet. Refuses, changing
 * nothing, when one of the marked sheets is protected.
 */
async function restore(
  context: Excel.RequestContext,
  batch: Batcher,
  budget: number,
): Promise<Omit<ClearResult, 'syncs'>> {
  const memory = await readMemory(context, batch, budget);
  if (!memory) return { restored: 0, notesRemoved: 0, missingSheets: [] };
  const bySheet = groupBySheet(memory.cells);
  const notesSupported = supportsExcelApi('1.18');
  const sheets = [...bySheet.keys()].map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.protection.load('protected');
    const notes = notesSupported
      ? bySheet
          .get(name)!
          .filter((cell) => cell.note)
          .map((cell) => ({ cell, note: sheet.notes.getItemOrNullObject(cellAddress(refOfKey(cell.key).row, refOfKey(cell.key).column)).load('content') }))
      : [];
    return { name, sheet, notes };
  });
  await batch.sync();
  const protectedSheets = sheets.filter((s) => !s.sheet.isNullObject && s.sheet.protection.protected).map((s) => s.name);
  if (protectedSheets.length) throw errors.sheetProtected(protectedSheets, 'clear');

  let restored = 0;
  let notesRemoved = 0;
  const missingSheets: string[] = [];
  for (const { name, sheet, notes } of sheets) {
    if (sheet.isNullObject) {
      missingSheets.push(name);
      continue;
    }
    const groups = new Map<string, number[]>();
    for (const cell of bySheet.get(name)!) {
      const group = `${cell.pattern}\u0000${cell.color}\u0000${cell.patternColor}`;
      const keys = groups.get(group);
      if (keys) keys.push(cell.key);
      else groups.set(group, [cell.key]);
    }
    for (const [group, keys] of groups) {
      const [pattern, color, patternColor] = group.split('\u0000');
      for (const list of addressLists(cellsToRects(keys))) {
        await batch.reserve(list.length * 3 + 60);
        const fill = sheet.getRanges(list).format.fill;
        fill.clear();
        if (pattern !== 'None') {
          fill.color = color;
          if (pattern !== 'Solid') {
            fill.pattern = pattern as Excel.FillPattern;
            if (patternColor) fill.patternColor = patternColor;
          }
        }
      }
      restored += keys.length;
    }
    for (const { note } of notes) {
      if (note.isNullObject || !note.content.startsWith(NOTE_PREFIX)) continue;
      await batch.reserve(40);
      note.delete();
      notesRemoved++;
    }
  }
  await batch.reserve(40);
  memory.sheet.visibility = 'Hidden'; // a VeryHidden sheet can't be deleted
  memory.sheet.delete();
  await batch.flush();
  return { restored, notesRemoved, missingSheets };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * Fills the cells of the report's issues by severity (MARK_COLORS), remembering their original fills first.
 * Protected sheets are skipped and left unchanged (see `skipped`); notes with the messages are added where
 * ExcelApi 1.18 is available, never over a note the user wrote.
 */
export async function applyMarks(source: ValidationReport | readonly Issue[], options: MarkOptions = {}): Promise<MarkResult> {
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  throwIfAborted(options.signal);
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, options.signal);
    const targets = targetsOf(issuesOf(source));
    const notesSupported = supportsExcelApi('1.18');
    const wantNotes = options.notes !== false && notesSupported;
    const noteLimit = options.noteLimit ?? NOTE_LIMIT;

    // The sheets, their protection, and the workbook's.
    const sheets = [...targets.keys()].map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.protection.load('protected');
      return { name, sheet };
    });
    const existing = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
    const workbookProtection = context.workbook.protection.load('protected');
    await batch.sync();
    if (workbookProtection.protected && (targets.size || !existing.isNullObject)) throw errors.workbookProtected();
    const skipped: MarkResult['skipped'] = [];
    const writable = sheets.filter(({ name, sheet }) => {
      if (sheet.isNullObject) skipped.push({ sheet: name, reason: 'missing' });
      else if (sheet.protection.protected) skipped.push({ sheet: name, reason: 'protected' });
      else return true;
      return false;
    });

    // Earlier marks go first, so that what is remembered below is the user's own formatting.
    const restoredFirst = existing.isNullObject ? 0 : (await restore(context, batch, budget)).restored;

    const bySeverity: SeverityCounts = { error: 0, warning: 0, info: 0 };
    const total = writable.reduce((sum, { name }) => sum + targets.get(name)!.size, 0);
    if (total === 0) return { marked: 0, bySeverity, notes: 0, notesSupported, skipped, restoredFirst, syncs: batch.syncs };

    // Read the original fills (and whether a note is there) in batches.
    const maxCells = Math.max(1, Math.floor(budget / CELL_PROPERTY_BYTES));
    const reads: { sheet: string; rect: CellRect; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    const noteChecks: { sheet: string; key: number; note: Excel.Note }[] = [];
    for (const { name, sheet } of writable) {
      const cells = targets.get(name)!;
      for (const rect of columnSegments(cells.keys(), maxCells)) {
        await batch.reserve(rect.rows * CELL_PROPERTY_BYTES);
        const props = sheet
          .getRangeByIndexes(rect.row, rect.column, rect.rows, 1)
          .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
        reads.push({ sheet: name, rect, props });
      }
      if (wantNotes) {
        for (const key of cells.keys()) {
          if (noteChecks.length >= noteLimit) break;
          const { row, column } = refOfKey(key);
          await batch.reserve(80);
          noteChecks.push({ sheet: name, key, note: sheet.notes.getItemOrNullObject(cellAddress(row, column)) });
        }
      }
    }
    await batch.flush();
    const originals = new Map<string, Map<number, OriginalFill>>();
    for (const { sheet, rect, props } of reads) {
      let fills = originals.get(sheet);
      if (!fills) originals.set(sheet, (fills = new Map()));
      const cells = targets.get(sheet)!;
      props.value.forEach((row, r) => {
        const key = keyOf(rect.row + r, rect.column);
        if (!cells.has(key)) return;
        const fill = row[0]?.format?.fill ?? {};
        fills!.set(key, { pattern: fill.pattern ?? 'None', color: fill.color ?? '', patternColor: fill.patternColor ?? '' });
      });
    }
    const noteCells = new Set(noteChecks.filter((check) => check.note.isNullObject).map((check) => `${check.sheet}\u0000${check.key}`));

    // Remember them in the veryHidden sheet before anything changes.
    const rows: string[][] = [];
    for (const { name } of writable) {
      for (const [key, fill] of originals.get(name) ?? []) {
        const { row, column } = refOfKey(key);
        rows.push([name, cellAddress(row, column), fill.pattern, fill.color, fill.patternColor, noteCells.has(`${name}\u0000${key}`) ? '1' : '0']);
      }
    }
    await batch.reserve(100);
    const memory = context.workbook.worksheets.add(MARKS_SHEET);
    memory.visibility = 'VeryHidden';
    const head = [
      [MEMORY_TITLE, MEMORY_VERSION, new Date().toISOString(), String(rows.length), '学位授予信息助手用此表恢复标记前的填充色，请勿修改。', ''],
      MEMORY_COLUMNS,
    ];
    const all = [...head, ...rows];
    let offset = 0;
    while (offset < all.length) {
      let bytes = 0;
      let end = offset;
      while (end < all.length && (end === offset || bytes + jsonBytes(all[end]) * 2 < budget)) bytes += jsonBytes(all[end++]) * 2;
      await batch.reserve(bytes);
      const range = memory.getRangeByIndexes(offset, 0, end - offset, MEMORY_COLUMNS.length);
      // Text format first, so that nothing written is taken for a number or a formula.
      range.numberFormat = all.slice(offset, end).map((row) => row.map(() => '@'));
      range.values = all.slice(offset, end);
      offset = end;
    }

    // Fill, per sheet and severity, through RangeAreas.
    let done = 0;
    let notes = 0;
    for (const { name, sheet } of writable) {
      const cells = targets.get(name)!;
      const bySeverityKeys: Record<Severity, number[]> = { error: [], warning: [], info: [] };
      for (const [key, target] of cells) bySeverityKeys[target.severity].push(key);
      for (const severity of ['info', 'warning', 'error'] as Severity[]) {
        const keys = bySeverityKeys[severity];
        bySeverity[severity] += keys.length;
        for (const list of addressLists(cellsToRects(keys))) {
          await batch.reserve(list.length * 2 + 60);
          const fill = sheet.getRanges(list).format.fill;
          fill.clear();
          fill.color = MARK_COLORS[severity];
        }
        done += keys.length;
        options.onProgress?.(done, total);
      }
      for (const check of noteChecks) {
        if (check.sheet !== name || !noteCells.has(`${name}\u0000${check.key}`)) continue;
        const text = noteText(cells.get(check.key)!.messages);
        const { row, column } = refOfKey(check.key);
        await batch.reserve(utf8Length(text) + 40);
        sheet.notes.add(cellAddress(row, column), text);
        notes++;
      }
    }
    await batch.flush();
    return { marked: total, bySeverity, notes, notesSupported, skipped, restoredFirst, syncs: batch.syncs };
  });
}

/** Restores the fills remembered by applyMarks, removes the add-in's notes and the memory sheet. */
export async function clearMarks(options: { signal?: AbortSignal; syncBudget?: number } = {}): Promise<ClearResult> {
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  throwIfAborted(options.signal);
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, options.signal);
    const result = await restore(context, batch, budget);
    return { ...result, syncs: batch.syncs };
  });
}

/** Whether the workbook holds marks that clearMarks can remove. */
export async function hasMarks(): Promise<boolean> {
  return runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
    await context.sync();
    return !sheet.isNullObject;
  });
}
