/**
 * What the steps after 校验 need from the workbook and the platform. Like WorkbookPort, these are adapted from the
 * Excel gateway (src/excel) by the composition root (officePort.ts), so the pane never calls Office.js and its
 * tests run on the in-memory ports of src/taskpane/testing.
 */
import type { AuditEvent } from '../core/audit/events';
import type { SignedDigests } from '../core/audit/sheetFormat';
import type { Baseline, ChangeEntry, ChangeStep } from '../core/changes';
import type { Issue, Locale } from '../core/model/types';
import type { XuejiSheet } from '../core/xueji/sheet';

/**
 * What the gateway tells the user about its hidden sheets (re-hidden, re-protected, protect failed with AccessDenied,
 * undo list cleared …), in its own words; `blocking`: the write did not happen.
 */
export interface StoreNoticeView {
  kind: string;
  sheet?: string;
  blocking?: boolean;
  message?: Readonly<Record<Locale, string>>;
}

/** The hidden audit sheets as read back from the workbook. */
export interface AuditTrailView {
  events: AuditEvent[];
  /** Rows of the audit sheet that hold no event (typed over): reported, never dropped. */
  unreadable: number[];
  /** Row digests kept at the last sign-off (`_dd_digests`), to name the rows changed since. */
  signed?: SignedDigests;
  exists: boolean;
  /** The audit sheet was no longer very hidden (and was hidden again), protection was removed, … */
  notices?: StoreNoticeView[];
}

export interface AppendOutcome {
  appended: number;
  /** The rows were read back and equal what was written. */
  verified: boolean;
  /** protect() failed with AccessDenied (written, left unprotected), the undo list was cleared at setup, … */
  notices?: StoreNoticeView[];
}

/** The append-only audit trail inside the workbook (veryHidden, protected sheets). */
export interface AuditStorePort {
  readAuditTrail(): Promise<AuditTrailView>;
  /**
   * Appends the events as new rows (never rewriting a row), in order; with `signed` the row digests of this sign-off
   * replace those of the previous one.
   */
  appendAuditEvents(events: readonly AuditEvent[], signed?: SignedDigests): Promise<AppendOutcome>;
}

/** 采用学籍值 for one reconciliation issue: the 学籍 value goes into the issue's cell. */
export interface XuejiFix {
  issue: Issue;
  value: string;
}

/** The 学信网 学籍 data: sheets of this workbook or a picked file, and the one-click 采用学籍值. */
export interface XuejiPort {
  /** The sheets of the workbook that look like a 学信网 学籍/学历 export (by their headers). */
  findXuejiSheets(): Promise<XuejiSheet[]>;
  /** Reads a picked .xlsx / .csv export in the browser; nothing leaves the computer. */
  parseXuejiFile(name: string, bytes: Uint8Array): Promise<XuejiSheet[]>;
  /**
   * Writes the 学籍 value into the issue's cell (as text) after checking the cell still holds the value the issue was
   * raised on, and reads it back. Refuses the key fields (第十五条): those are never changed by one click.
   */
  applyXuejiValue(fix: XuejiFix): Promise<void>;
}

/**
 * The reported baseline (`_dd_baseline`) and the change log (`_dd_changes`), hidden sheets of the workbook. Each
 * write carries its audit event, written in the same run (a row is never without its event).
 */
export interface ChangesStorePort {
  readChanges(): Promise<ChangesView>;
  /** Replaces the baseline (after an export) and appends its 基线建立 event. */
  writeBaseline(baseline: Baseline, event: AuditEvent): Promise<AppendOutcome>;
  /** Appends one change-log row and its audit event. */
  appendChangeStep(step: ChangeStep): Promise<AppendOutcome>;
}

export interface ChangesView {
  baseline?: Baseline;
  unreadableBaseline: number[];
  entries: ChangeEntry[];
  unreadableChanges: number[];
}

/** How a file left the pane: a download, a new workbook to Save As (Mac), or not at all (`message` says why). */
export type SaveMethod = 'download' | 'newWorkbook' | 'none';

/** Files leave the pane only as the user asks: a download, or a new workbook the user saves (Mac). */
export interface FilePort {
  saveFile(name: string, bytes: Uint8Array, mime: string): Promise<{ method: SaveMethod; message?: Readonly<Record<Locale, string>> }>;
  /** Writes rows (all text) to a new sheet of this workbook; the name gets a suffix when taken. */
  writeRowsToNewSheet(name: string, rows: readonly (readonly string[])[]): Promise<{ sheet: string }>;
}

/** Everything the steps after 校验 need, bundled for the App's props. */
export interface PanePorts {
  audit: AuditStorePort;
  xueji: XuejiPort;
  changes: ChangesStorePort;
  files: FilePort;
}

/** A port error in the pane's language (the gateway's GatewayError has `localized` or `text`). */
export function describePortError(error: unknown, locale: Locale): string {
  const text = (error as { text?: Partial<Record<Locale, string>> } | null)?.text;
  if (text && typeof text === 'object' && typeof text[locale] === 'string') return text[locale] as string;
  const localized = (error as { localized?: unknown } | null)?.localized;
  if (typeof localized === 'function') {
    const value = (localized as (locale: Locale) => unknown).call(error, locale);
    if (typeof value === 'string' && value) return value;
  }
  const zh = (error as { zh?: unknown } | null)?.zh;
  const en = (error as { en?: unknown } | null)?.en;
  if (typeof zh === 'string' && typeof en === 'string') return locale === 'zh-CN' ? zh : en;
  return String((error as Error | null)?.message ?? error);
}
