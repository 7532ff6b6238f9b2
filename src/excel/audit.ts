/// <reference types="office-js" />
/**
 * The audit trail in the open workbook (issue 6): `_dd_audit`, one row per event, and `_dd_digests`, the row digests
 * of the last sign-off — the same sheets the CLI's src/node/auditStore.ts writes, through the record-sheet plumbing
 * of records.ts (VeryHidden, protected once, rows appended as text and read back, never rewritten).
 *
 * Also the digest of the data as it is now: `digestTemplateSheets` validates the grids readTemplateSheets returned
 * with the core engine and digests the cleaned records with the core's digestRows, as `audit sign` does.
 */
import { verifyChain, type ChainProblem } from '../core/audit/chain';
import { digestRows, type DatasetDigest, type DigestableRecord } from '../core/audit/digest';
import { AUDIT_COLUMNS, type AuditEvent } from '../core/audit/events';
import {
  AUDIT_SHEET,
  auditRowOf,
  DIGEST_COLUMNS,
  DIGEST_SHEET,
  digestRowsOf,
  digestsFromRows,
  eventsFromRows,
  type SignedDigests,
} from '../core/audit/sheetFormat';
import type { ValidationReport } from '../core/model/types';
import { validateTemplateSheets, type TemplateSheet, type ValidateOptions } from '../core/validate';
import { errors, storeNotices, type StoreNotice } from './messages';
import type { ReadResult } from './read';
import {
  appendRecordRows,
  prepareRecordSheet,
  probeRecordSheet,
  readRecordRows,
  rehide,
  replaceRecordRows,
  type ReadySheet,
  type RecordProbe,
  type RecordSheetSpec,
} from './records';
import { Batcher, SYNC_BUDGET_BYTES, runExcel, throwIfAborted } from './run';

export const AUDIT_SPEC: RecordSheetSpec = { name: AUDIT_SHEET, header: AUDIT_COLUMNS };
export const DIGEST_SPEC: RecordSheetSpec = { name: DIGEST_SHEET, header: DIGEST_COLUMNS };

export interface StoreOptions {
  signal?: AbortSignal;
  /** Bytes one sync may carry; default 4,000,000 (Excel on the web allows 5 MB). */
  syncBudget?: number;
}

/** The audit trail as the workbook holds it; the same fields as the CLI's AuditTrail, plus what the run found. */
export interface AuditTrail {
  events: AuditEvent[];
  /** Excel rows of the audit sheet that hold no event (typed over, say): reported, never dropped. */
  unreadable: number[];
  /** Row digests of the last sign-off. */
  signed?: SignedDigests;
  /** Whether the audit sheet was still VeryHidden when read (it is hidden again now unless a notice says otherwise). */
  veryHidden: boolean;
  exists: boolean;
  /** Whether the audit sheet was protected when read. */
  protected: boolean;
  /** What to tell the user: `unhidden` when a record sheet had been unhidden (and was hidden again). */
  notices: StoreNotice[];
}

export interface ReadTrailOptions extends StoreOptions {
  /** Hide the record sheets again if someone unhid them (default true: check and re-apply VeryHidden at every run). */
  rehide?: boolean;
}

/** The trail from the two probed sheets (after their sync): rows read, sheets hidden again. */
export async function trailOf(
  batch: Batcher,
  audit: RecordProbe,
  digests: RecordProbe,
  options: { rehide: boolean; budget: number },
  notices: StoreNotice[] = [],
): Promise<AuditTrail> {
  const exists = !audit.sheet.isNullObject;
  const veryHidden = exists && audit.sheet.visibility === 'VeryHidden';
  const wasProtected = exists && audit.sheet.protection.protected;
  if (options.rehide) {
    await rehide(batch, audit, notices);
    await rehide(batch, digests, notices);
  }
  const { events, unreadable } = eventsFromRows(await readRecordRows(batch, audit, options.budget));
  const signed = digestsFromRows(await readRecordRows(batch, digests, options.budget));
  return { events, unreadable, signed, veryHidden, exists, protected: wasProtected, notices };
}

/**
 * Reads the audit trail: events, the signed row digests, unreadable rows, and whether the sheet was still VeryHidden
 * (a sheet found unhidden is hidden again and reported in `notices`). Two syncs plus one per block of rows.
 */
export async function readAuditTrail(options: ReadTrailOptions = {}): Promise<AuditTrail> {
  throwIfAborted(options.signal);
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, options.signal);
    const audit = probeRecordSheet(context, AUDIT_SPEC, false);
    const digests = probeRecordSheet(context, DIGEST_SPEC, false);
    await batch.sync();
    return trailOf(batch, audit, digests, { rehide: options.rehide !== false, budget });
  });
}

export type AppendResult =
  | {
      appended: true;
      /** Excel row of the (first) event in `_dd_audit`. */
      row: number;
      /** Excel rows of all events appended, in order. */
      rows: number[];
      /** Whether the signed row digests were written (false with a notice when `_dd_digests` could not be). */
      digestsWritten: boolean;
      /** The trail read back after appending. */
      trail: AuditTrail;
      /** The core's verification of the trail read back: a `fork` when a co-author appended an event on the same head. */
      problems: ChainProblem[];
      notices: StoreNotice[];
      syncs: number;
    }
  | { appended: false; notices: StoreNotice[]; syncs: number };

/**
 * Appends one event (or several, in order: e.g. 导出上报文件 and 基线建立) as new rows of `_dd_audit` (never
 * rewriting a row) and, for a sign-off, replaces the row digests in `_dd_digests`. Sets the sheets up on first use (VeryHidden, protected once: `undoCleared`), hides them
 * again if unhidden, reads the rows back to verify them. Protect/unprotect failures come back as notices: with
 * `appended: false` only when the event could not be written at all.
 */
export async function appendAuditEvent(
  event: AuditEvent | readonly AuditEvent[],
  signed?: SignedDigests,
  options: StoreOptions = {},
): Promise<AppendResult> {
  throwIfAborted(options.signal);
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget);
    const notices: StoreNotice[] = [];
    const result = await appendEventIn(context, batch, event, signed, notices, budget);
    if (!result) return { appended: false, notices, syncs: batch.syncs };
    return { appended: true, ...result, notices, syncs: batch.syncs };
  });
}

/** A record written with its event, before it (a baseline, a change-log row): see appendEventIn. */
export interface RecordWrite<T> {
  spec: RecordSheetSpec;
  /** Writes the record into the prepared sheet; undefined when it could not be (the reason in the notices). */
  write(batch: Batcher, ready: ReadySheet): Promise<T | undefined>;
}

/**
 * The append inside an Excel.run: the event row, the digests, the trail read back; with `record`, that record
 * first, into its own record sheet — both sheets are made writable before anything is written, so that a sheet that
 * cannot be written stops the step before it starts. Undefined when the event could not be written (the reason is
 * in `notices`).
 */
export async function appendEventIn<T = never>(
  context: Excel.RequestContext,
  batch: Batcher,
  event: AuditEvent | readonly AuditEvent[],
  signed: SignedDigests | undefined,
  notices: StoreNotice[],
  budget: number,
  record?: RecordWrite<T>,
): Promise<{ row: number; rows: number[]; digestsWritten: boolean; trail: AuditTrail; problems: ChainProblem[]; written?: T } | undefined> {
  const events: readonly AuditEvent[] = Array.isArray(event) ? event : [event as AuditEvent];
  if (events.length === 0) throw new Error('appendAuditEvent: no event');
  const workbookProtection = context.workbook.protection.load('protected');
  const audit = probeRecordSheet(context, AUDIT_SPEC, true);
  const digests = signed ? probeRecordSheet(context, DIGEST_SPEC, true) : undefined;
  const extra = record ? probeRecordSheet(context, record.spec, true) : undefined;
  await batch.sync();
  const ready = await prepareRecordSheet(context, batch, audit, workbookProtection.protected, notices);
  if (!ready) return undefined;
  let written: T | undefined;
  if (record && extra) {
    const recordSheet = await prepareRecordSheet(context, batch, extra, workbookProtection.protected, notices);
    if (!recordSheet) return undefined;
    written = await record.write(batch, recordSheet);
    if (written === undefined) return undefined;
  }
  const rows = await appendRecordRows(batch, ready, events.map(auditRowOf), notices, budget);
  if (!rows) return undefined;

  let digestsWritten = false;
  if (signed && digests) {
    const digestSheet = await prepareRecordSheet(context, batch, digests, workbookProtection.protected, notices);
    if (digestSheet) digestsWritten = await replaceRecordRows(batch, digestSheet, digestRowsOf(signed), notices, budget);
  }

  // The trail as it is now, for the pane (and to see a co-author's event on the same head: a fork).
  const readTrail = async () => {
    const auditAfter = probeRecordSheet(context, AUDIT_SPEC, false);
    const digestsAfter = probeRecordSheet(context, DIGEST_SPEC, false);
    await batch.sync();
    return { trail: await trailOf(batch, auditAfter, digestsAfter, { rehide: true, budget }, notices), end: auditAfter.used };
  };
  const first = await readTrail();
  let trail = first.trail;
  const end = first.end;
  // A co-author may have written over a row after it was read back: an event missing from the trail goes in again.
  const missing = events.map((e, i) => i).filter((i) => !trail.events.some((t) => t.entryHash === events[i].entryHash && t.seq === events[i].seq));
  if (missing.length) {
    ready.nextRow = end.isNullObject ? ready.nextRow : end.rowIndex + end.rowCount;
    const again = await appendRecordRows(batch, ready, missing.map((i) => auditRowOf(events[i])), notices, budget);
    if (!again) return undefined;
    missing.forEach((i, k) => {
      notices.push(storeNotices.rowMoved(AUDIT_SHEET, rows[i], again[k]));
      rows[i] = again[k];
    });
    trail = (await readTrail()).trail;
  }
  return { row: rows[0], rows, digestsWritten, trail, problems: verifyChain(trail.events), ...(record ? { written } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// The digest of the data as it is now

export interface CurrentDigest {
  report: ValidationReport;
  /** The cleaned records, as the engine validated them (the same as `audit sign` digests). */
  records: DigestableRecord[];
  digest: DatasetDigest;
}

/**
 * Validates the template sheets (core validateTemplateSheets) and digests their records (core digestRows): the
 * data digest a sign-off records and `audit verify` compares. Takes readTemplateSheets' result or its templates.
 * Throws GatewayError('noTemplate') when there is no template sheet.
 */
export function digestTemplateSheets(source: ReadResult | readonly TemplateSheet[], options: ValidateOptions = {}): CurrentDigest {
  const templates = Array.isArray(source) ? (source as readonly TemplateSheet[]) : (source as ReadResult).templates;
  if (templates.length === 0) throw errors.noTemplate();
  const records: DigestableRecord[] = [];
  const report = validateTemplateSheets(templates, {
    ...options,
    onRecord: (sheet, record) => {
      records.push({ sheet, excelRow: record.excelRow, values: record.values });
      options.onRecord?.(sheet, record);
    },
  });
  return { report, records, digest: digestRows(records) };
}
