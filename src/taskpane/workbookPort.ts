import type { Issue, Locale, SheetGrid } from '../core/model/types';

/**
 * What the task pane needs from the workbook. The composition root (index.tsx, or the demo) adapts the Excel
 * gateway in src/excel to this port, so the pane never calls Office.js itself and its tests need no Excel.
 */
export interface WorkbookPort {
  /** Reads every sheet that looks like the template, in row blocks, reporting progress between blocks. */
  readTemplateSheets(options: ReadOptions): Promise<ReadOutcome>;
  /** Fills the cells of the issues by severity; the original formats are remembered so clearMarks restores them. */
  applyMarks(issues: readonly Issue[], locale: Locale): Promise<MarkOutcome>;
  /** Restores the formats remembered by applyMarks. */
  clearMarks(): Promise<ClearOutcome>;
  /** Writes all issues to an issues sheet, each with a link to its cell. */
  writeIssuesSheet(issues: readonly Issue[], locale: Locale): Promise<{ sheet: string; rows: number }>;
  /** Activates the sheet and selects (and scrolls to) the cell, the row, or the sheet when both are null. */
  selectCell(sheet: string, row: number | null, column: string | null): Promise<void>;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
}

export interface ReadProgress {
  /** Rows read so far across all template sheets. */
  rowsRead: number;
  rowsTotal: number;
  sheet?: string;
}

export interface ReadOutcome {
  /** The template sheets' cells (values, and number formats / value types where the gateway loaded them). */
  grids: SheetGrid[];
  /** Conditions the pane explains to the user; reading went on unless the condition says otherwise. */
  findings: WorkbookFinding[];
}

/**
 * The bad-input cases the gateway reports. Each gets a plain message in the pane; none changes the workbook.
 * `blocking` findings stop validation (nothing to validate); the others are warnings shown beside the results.
 */
export type WorkbookFinding = (
  | { kind: 'noTemplate'; sheets: string[] }
  | { kind: 'protected'; sheet: string }
  | { kind: 'huge'; sheet: string; rows: number }
  | { kind: 'mergedHeader'; sheet: string; address?: string }
  | { kind: 'formulas'; sheet: string; count: number; address?: string }
  | { kind: 'hiddenRows'; sheet: string; count: number }
  | { kind: 'hiddenColumns'; sheet: string; count: number }
  | { kind: 'filtered'; sheet: string }
  | { kind: 'hiddenSheet'; sheet: string }
  | { kind: 'wide'; sheet: string; columns: number }
  | { kind: 'other'; sheet?: string }
) & {
  /** The gateway's own wording in both languages; the pane's catalogue is used when it is absent. */
  text?: Readonly<Record<Locale, string>>;
};

export type FindingKind = WorkbookFinding['kind'];

export interface MarkOutcome {
  /** Cells that got a fill. */
  marked: number;
  /** Sheets that could not be marked (protected) — nothing was changed there. */
  skipped: { sheet: string; reason: 'protected' | 'missing' }[];
  /** Whether notes with the message were added (ExcelApi 1.18). */
  notes?: boolean;
}

export interface ClearOutcome {
  /** Cells whose original format was restored. */
  restored: number;
}

/** An error the port can word in the pane's language (the gateway's GatewayError has `localized`). */
export function describeError(error: unknown, locale: Locale): string {
  const localized = (error as { localized?: unknown } | null)?.localized;
  if (typeof localized === 'function') {
    const text = (localized as (locale: Locale) => unknown).call(error, locale);
    if (typeof text === 'string' && text) return text;
  }
  return String((error as Error | null)?.message ?? error);
}

/** Raised by the port when the user cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return (
    error instanceof CancelledError ||
    (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'AbortError')
  );
}
