import type { Category, Generation, Issue, Locale, SheetGrid, ValidationReport } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import type { FieldQuality } from './quality';

/** What the pane may change before (re-)validating. */
export interface RunOptions {
  locale: Locale;
  profile: SchoolProfile;
  /** Overrides of the detected generation / category, applied to every sheet. */
  generation?: Generation;
  category?: Category;
  /** YYYYMMDD; defaults to today in China. */
  today?: string;
}

export type RunPhase = 'sending' | 'preparing' | 'validating' | 'receiving';

export interface RunProgress {
  phase: RunPhase;
  /** 0..1 when the phase can tell, undefined when it cannot. */
  fraction?: number;
}

export type RunResult =
  | { ok: true; report: ValidationReport; quality: FieldQuality[] }
  | { ok: false; reason: 'noTemplate' };

/** Rows per message when grids stream to the worker, and issues per message back. */
export const ROWS_PER_MESSAGE = 4000;
export const ISSUES_PER_MESSAGE = 10000;

/** Main thread → worker. */
export type ToWorker =
  | { type: 'warmUp' }
  | { type: 'begin'; run: number }
  | { type: 'sheet'; run: number; name: string; startRow: number; startColumn: number }
  | {
      type: 'rows';
      run: number;
      values: SheetGrid['values'];
      numberFormats?: SheetGrid['numberFormats'];
      valueTypes?: SheetGrid['valueTypes'];
    }
  /** Validates the grids sent since `begin`, or the last grids again when `retained`. */
  | { type: 'validate'; run: number; options: RunOptions; retained?: boolean };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'progress'; run: number; progress: RunProgress }
  | { type: 'issues'; run: number; issues: Issue[] }
  | { type: 'done'; run: number; result: RunResult }
  | { type: 'failed'; run: number; message: string; noRetained?: boolean };
