import type { DatasetDigest, DigestableRecord } from '../../core/audit/digest';
import type { Category, Generation, Issue, Locale, SheetGrid, ValidationReport } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import type { XuejiSheet } from '../../core/xueji/sheet';
import type { IssueIndex } from '../view/issueView';
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
  /** 学信网 学籍/学历 data to reconcile the degree rows with (rules `xueji.*`), from a sheet or a picked file. */
  xueji?: readonly XuejiSheet[];
}

export type RunPhase = 'sending' | 'preparing' | 'validating' | 'receiving';

export interface RunProgress {
  phase: RunPhase;
  /** 0..1 when the phase can tell, undefined when it cannot. */
  fraction?: number;
}

export type RunResult =
  | {
      ok: true;
      report: ValidationReport;
      quality: FieldQuality[];
      /** The issues grouped by rule, built as they arrived (not sent by the worker). */
      index?: IssueIndex;
      /**
       * Every record's cleaned values, in sheet order — what sign-off digests, the export writes and the change
       * procedures compare with the reported baseline (the worker streams them back in blocks).
       */
      records: DigestableRecord[];
      /** digestRows(records): the data digest a sign-off carries (computed in the worker). */
      digest: DatasetDigest;
    }
  | { ok: false; reason: 'noTemplate' };

/**
 * Cells per message when grids stream to the worker: cloning 25,000 cells takes some 30 ms, so the pane stays
 * responsive between messages (measured in Chromium: 4,000 rows × 41 columns took 200–450 ms per message).
 */
export const CELLS_PER_MESSAGE = 25_000;
/** Issues per message back to the pane (about 30 ms to receive 4,000). */
export const ISSUES_PER_MESSAGE = 4_000;
/** Records per message back to the pane (about 40 fields each). */
export const RECORDS_PER_MESSAGE = 2_000;

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
  | { type: 'records'; run: number; records: DigestableRecord[] }
  | { type: 'done'; run: number; result: RunResult }
  | { type: 'failed'; run: number; message: string; noRetained?: boolean };
