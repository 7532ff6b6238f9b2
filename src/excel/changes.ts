/// <reference types="office-js" />
/**
 * The change procedures' hidden sheets in the open workbook (issue 8), laid out as src/core/changes/sheetFormat.ts
 * says — the twin of the CLI's src/node/changesStore.ts: `_dd_baseline` (the reported baseline, replaced when a new
 * one is set) and `_dd_changes` (the change log, rows appended, never rewritten). Every write goes with its audit
 * event in `_dd_audit`, in the same Excel.run; all sheets VeryHidden, protected once, cells text, rows read back.
 */
import type { ChainProblem } from '../core/audit/chain';
import type { AuditEvent } from '../core/audit/events';
import { baselineSheetRows, readBaseline } from '../core/changes/baseline';
import type { ChangeContext, ChangeStep } from '../core/changes/log';
import { BASELINE_COLUMNS, BASELINE_SHEET, CHANGE_COLUMNS, changeRowOf, changesFromRows, CHANGES_SHEET, type Baseline, type ChangeEntry } from '../core/changes/sheetFormat';
import { appendEventIn, AUDIT_SPEC, DIGEST_SPEC, trailOf, type AuditTrail, type ReadTrailOptions, type StoreOptions } from './audit';
import type { StoreNotice } from './messages';
import { appendRecordRows, probeRecordSheet, readRecordRows, rehide, replaceRecordRows, type RecordSheetSpec } from './records';
import { Batcher, SYNC_BUDGET_BYTES, runExcel, throwIfAborted } from './run';

export const BASELINE_SPEC: RecordSheetSpec = { name: BASELINE_SHEET, header: BASELINE_COLUMNS };
export const CHANGES_SPEC: RecordSheetSpec = { name: CHANGES_SHEET, header: CHANGE_COLUMNS };

/** The audit trail, the baseline and the change log as the workbook holds them (the CLI's ChangeState, plus notices). */
export interface ChangeState extends ChangeContext {
  events: AuditEvent[];
  entries: ChangeEntry[];
  baseline?: Baseline;
  /** Excel rows of `_dd_baseline` / `_dd_changes` that cannot be read: reported, never dropped. */
  unreadableBaseline: number[];
  unreadableChanges: number[];
  trail: AuditTrail;
  /** Sheets found unhidden (and hidden again), as for readAuditTrail. */
  notices: StoreNotice[];
}

/**
 * Reads the audit trail, the baseline and the change log in one Excel.run (one sync for the four sheets, then one
 * per block of rows); record sheets found unhidden are hidden again and reported.
 */
export async function readChangeState(options: ReadTrailOptions = {}): Promise<ChangeState> {
  throwIfAborted(options.signal);
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, options.signal);
    const audit = probeRecordSheet(context, AUDIT_SPEC, false);
    const digests = probeRecordSheet(context, DIGEST_SPEC, false);
    const baselineSheet = probeRecordSheet(context, BASELINE_SPEC, false);
    const changesSheet = probeRecordSheet(context, CHANGES_SPEC, false);
    await batch.sync();
    const notices: StoreNotice[] = [];
    const trail = await trailOf(batch, audit, digests, { rehide: options.rehide !== false, budget }, notices);
    if (options.rehide !== false) {
      await rehide(batch, baselineSheet, notices);
      await rehide(batch, changesSheet, notices);
    }
    const baseline = readBaseline(await readRecordRows(batch, baselineSheet, budget));
    const changes = changesFromRows(await readRecordRows(batch, changesSheet, budget));
    return {
      events: trail.events,
      entries: changes.entries,
      baseline: baseline.baseline,
      unreadableBaseline: baseline.unreadable,
      unreadableChanges: changes.unreadable,
      trail,
      notices,
    };
  });
}

export type ChangeWriteResult =
  | {
      written: true;
      /** Excel row of the step in `_dd_changes` (appendChangeStep); rows of the baseline (writeBaseline). */
      row?: number;
      baselineRows?: number;
      /** Excel row of the audit event. */
      auditRow: number;
      trail: AuditTrail;
      problems: ChainProblem[];
      notices: StoreNotice[];
      syncs: number;
    }
  | { written: false; notices: StoreNotice[]; syncs: number };

/**
 * Writes a new baseline into `_dd_baseline` (replacing the rows of the previous one; text cells, read back) and
 * appends its 基线建立 event. Throws when the event does not set this baseline (a programming error, as in the CLI).
 */
export async function writeBaseline(baseline: Baseline, event: AuditEvent, options: StoreOptions = {}): Promise<ChangeWriteResult> {
  if (event.action !== '基线建立' || event.seq !== baseline.seq) throw new Error('writeBaseline: the event does not set this baseline');
  throwIfAborted(options.signal);
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  const rows = baselineSheetRows(baseline).slice(1);
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget);
    const notices: StoreNotice[] = [];
    const result = await appendEventIn(context, batch, event, undefined, notices, budget, {
      spec: BASELINE_SPEC,
      write: async (b, ready) => ((await replaceRecordRows(b, ready, rows, notices, budget)) ? rows.length : undefined),
    });
    if (!result) return { written: false, notices, syncs: batch.syncs };
    return {
      written: true,
      baselineRows: result.written,
      auditRow: result.row,
      trail: result.trail,
      problems: result.problems,
      notices,
      syncs: batch.syncs,
    };
  });
}

/** Appends one step of the change procedures: its `_dd_changes` row (a new row, text, read back) and its audit event. */
export async function appendChangeStep(step: ChangeStep, options: StoreOptions = {}): Promise<ChangeWriteResult> {
  throwIfAborted(options.signal);
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget);
    const notices: StoreNotice[] = [];
    const result = await appendEventIn(context, batch, step.event, undefined, notices, budget, {
      spec: CHANGES_SPEC,
      write: async (b, ready) => (await appendRecordRows(b, ready, [changeRowOf(step.entry)], notices, budget))?.[0],
    });
    if (!result) return { written: false, notices, syncs: batch.syncs };
    return { written: true, row: result.written, auditRow: result.row, trail: result.trail, problems: result.problems, notices, syncs: batch.syncs };
  });
}
