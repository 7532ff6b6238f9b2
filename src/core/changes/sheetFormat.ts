/**
 * Layouts of the two hidden sheets that carry a batch after reporting, the same in the add-in and in CLI copies:
 *
 * - `_dd_baseline`: the reported baseline, one row per exported record with every field value as text. Personal
 *   data: it stays in the workbook (veryHidden, protected), never in the audit log, which holds its digest only.
 * - `_dd_changes`: the change log, one row per step (change request, review, approval, document number, revocation,
 *   deletion, filing). Rows are appended, never rewritten, so co-authors do not overwrite each other; the state of a
 *   request is folded from its rows. Each row is bound to its audit event: the event's datasetDigest is the digest
 *   of the row (entryDigest), so a row edited afterwards no longer matches the chain.
 *
 * Both sheets start with a header row naming the columns; readers find columns by header, so a column added later
 * does not break old workbooks.
 */
import { canonicalize } from '../audit/canonical';
import { sha256Hex } from '../audit/hash';
import type { Category, CellValue, Generation } from '../model/types';

export const BASELINE_SHEET = '_dd_baseline';
export const CHANGES_SHEET = '_dd_changes';

// ---------------------------------------------------------------------------------------------------------------
// _dd_baseline

/** One reported record. `row` is its Excel row when it was exported. */
export interface BaselineRow {
  sheet: string;
  row: number;
  template: Generation;
  category: Category;
  /** The cleaned values of the template's columns for the sheet's generation and category (as validated). */
  values: Record<string, string>;
}

export interface Baseline {
  /** Audit seq of the 基线建立 event that set this baseline. */
  seq: number;
  rows: BaselineRow[];
}

/**
 * Header of `_dd_baseline`, one row per record: where it was, its template and category, its key (证件号码), and
 * its values as a JSON array in the template's column order (`fieldsOf(template, category)`). Seven cells a row
 * rather than one per field: a 50,000-row batch stays quick to write with ExcelJS and with Office.js. Every header
 * starts with `_`, so that no header detector takes the sheet for a template.
 */
export const BASELINE_COLUMNS = ['_seq', '_sheet', '_row', '_template', '_category', '_key', '_values'] as const;

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? '' : String(cell));

export function baselineToRows(baseline: Baseline, fieldsOf: (template: Generation, category: Category) => readonly string[]): CellValue[][] {
  const orders = new Map<string, readonly string[]>();
  return [
    [...BASELINE_COLUMNS],
    ...baseline.rows.map((row) => {
      const kind = `${row.template}|${row.category}`;
      let codes = orders.get(kind);
      if (!codes) orders.set(kind, (codes = fieldsOf(row.template, row.category)));
      return [baseline.seq, row.sheet, row.row, row.template, row.category, row.values.ZJHM ?? '', JSON.stringify(codes.map((code) => row.values[code] ?? ''))];
    }),
  ];
}

const GENERATIONS = new Set(['G1', 'G2', 'G3']);
const CATEGORIES = new Set(['普通', '成人', '来华留学']);

/**
 * Reads `_dd_baseline` back. `fieldsOf` gives the columns a record of a template and category holds, so that the
 * values come back with exactly the keys they were digested with. Undefined when the sheet is empty or missing;
 * rows that cannot be a record are listed (Excel rows), never dropped silently.
 */
export function baselineFromRows(
  rows: readonly (readonly CellValue[])[],
  fieldsOf: (template: Generation, category: Category) => readonly string[],
): { baseline?: Baseline; unreadable: number[] } {
  const [header, ...data] = rows;
  if (!header) return { unreadable: [] };
  const index = new Map(header.map((cell, i) => [text(cell), i]));
  const at = (row: readonly CellValue[], column: (typeof BASELINE_COLUMNS)[number]) => text(row[index.get(column) ?? -1]);
  const unreadable: number[] = [];
  const out: BaselineRow[] = [];
  let seq: number | undefined;
  data.forEach((row, i) => {
    if (row.every((cell) => cell === null || cell === '')) return;
    const template = at(row, '_template');
    const category = at(row, '_category');
    const excelRow = Number(at(row, '_row'));
    const rowSeq = Number(at(row, '_seq'));
    let values: unknown;
    try {
      values = JSON.parse(at(row, '_values'));
    } catch {
      values = undefined;
    }
    const codes = GENERATIONS.has(template) && CATEGORIES.has(category) ? fieldsOf(template as Generation, category as Category) : [];
    const valid =
      codes.length > 0 &&
      Number.isInteger(excelRow) &&
      Number.isInteger(rowSeq) &&
      Array.isArray(values) &&
      values.length === codes.length &&
      values.every((v) => typeof v === 'string');
    if (!valid) {
      unreadable.push(i + 2);
      return;
    }
    seq ??= rowSeq;
    const list = values as string[];
    out.push({
      sheet: at(row, '_sheet'),
      row: excelRow,
      template: template as Generation,
      category: category as Category,
      values: Object.fromEntries(codes.map((code, j) => [code, list[j]])),
    });
  });
  if (seq === undefined) return { unreadable };
  return { baseline: { seq, rows: out }, unreadable };
}

// ---------------------------------------------------------------------------------------------------------------
// _dd_changes

export type ChangeEntryKind =
  /** 更正申请: a change request built from the differences of one record. */
  | 'request'
  /** 二级学院审核 of a request (decision agree / reject). */
  | 'review'
  /** 学校审批 of a reviewed request (decision agree / reject), optionally with the 国务院学位办 document number. */
  | 'approval'
  /** The 国务院学位办 同意文号 of a key-field change, recorded after the school's approval. */
  | 'document'
  /** 撤销学位: a revocation decision (第十六条). */
  | 'revocation'
  /** 删除: the application to delete a record reported in error (第十五条). */
  | 'deletion'
  /** A revocation or deletion has been reported (written report sent, file uploaded). */
  | 'filed';

export type Decision = 'agree' | 'reject' | '';

/** One field of a record before and after. `key`: one of the key fields that need 国务院学位办 approval (第十五条). */
export interface FieldChange {
  field: string;
  old: string;
  new: string;
  key: boolean;
}

/**
 * One row of `_dd_changes`. Columns a kind does not use hold '' (or 0). `id` names the request, revocation or
 * deletion the row belongs to (C1, R1, D1…); the steps of one request share its id.
 */
export interface ChangeEntry {
  /** 1-based position in the log. */
  entry: number;
  kind: ChangeEntryKind;
  id: string;
  /** ISO 8601 with +08:00, the same as the audit event's. */
  time: string;
  actor: string;
  decision: Decision;
  /** Where the record stood when the step was taken. */
  sheet: string;
  row: number;
  /** The baseline the step refers to (audit seq of its 基线建立; 0 when the record was never reported). */
  baselineSeq: number;
  /** The record's place in that baseline, `sheet!row`; '' when never reported. */
  baselineRef: string;
  template: Generation | '';
  category: Category | '';
  /** request: the changed fields. */
  fields: FieldChange[];
  /** revocation / deletion: the record as reported (or as it stands, when never reported), for the report file. */
  values: Record<string, string>;
  reason: string;
  /** 国务院学位办 同意文号 (approval, document). */
  document: string;
  /** revocation: the 学位评定委员会 decision number and its effective date (YYYYMMDD); filed: the date reported. */
  decisionNo: string;
  decisionDate: string;
  note: string;
  /** Seq of the audit event that records this step. */
  auditSeq: number;
}

export const CHANGE_COLUMNS: readonly (keyof ChangeEntry)[] = [
  'entry', 'kind', 'id', 'time', 'actor', 'decision', 'sheet', 'row', 'baselineSeq', 'baselineRef', 'template', 'category',
  'fields', 'values', 'reason', 'document', 'decisionNo', 'decisionDate', 'note', 'auditSeq',
];

const KINDS = new Set<ChangeEntryKind>(['request', 'review', 'approval', 'document', 'revocation', 'deletion', 'filed']);

export function changeRowOf(entry: ChangeEntry): CellValue[] {
  return CHANGE_COLUMNS.map((column) => {
    const value = entry[column];
    if (column === 'fields' || column === 'values') return JSON.stringify(value);
    return value as CellValue;
  });
}

/**
 * Digest of a change-log row over its cells as text, so that it is the same whether the row was just built or read
 * back from a sheet (where a number may come back as text or the other way round).
 */
export function entryDigest(entry: ChangeEntry): string {
  return sha256Hex(canonicalize(changeRowOf(entry).map((cell) => text(cell))));
}

function parseJson<T>(value: string, fallback: T): T | undefined {
  if (value === '') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

export function changesFromRows(rows: readonly (readonly CellValue[])[]): { entries: ChangeEntry[]; unreadable: number[] } {
  const [header, ...data] = rows;
  const entries: ChangeEntry[] = [];
  const unreadable: number[] = [];
  if (!header) return { entries, unreadable };
  const index = new Map(header.map((cell, i) => [text(cell), i]));
  data.forEach((row, i) => {
    if (row.every((cell) => cell === null || cell === '')) return;
    const at = (column: keyof ChangeEntry) => text(row[index.get(column) ?? -1]);
    const number = (column: keyof ChangeEntry) => (at(column) === '' ? 0 : Number(at(column)));
    const kind = at('kind') as ChangeEntryKind;
    const fields = parseJson<FieldChange[]>(at('fields'), []);
    const values = parseJson<Record<string, string>>(at('values'), {});
    const entry = number('entry');
    if (!KINDS.has(kind) || !Number.isInteger(entry) || !at('id') || !fields || !values) {
      unreadable.push(i + 2);
      return;
    }
    entries.push({
      entry,
      kind,
      id: at('id'),
      time: at('time'),
      actor: at('actor'),
      decision: at('decision') as Decision,
      sheet: at('sheet'),
      row: number('row'),
      baselineSeq: number('baselineSeq'),
      baselineRef: at('baselineRef'),
      template: at('template') as Generation | '',
      category: at('category') as Category | '',
      fields,
      values,
      reason: at('reason'),
      document: at('document'),
      decisionNo: at('decisionNo'),
      decisionDate: at('decisionDate'),
      note: at('note'),
      auditSeq: number('auditSeq'),
    });
  });
  return { entries, unreadable };
}

/** An entry with every column empty, to spread the used ones over. */
export function blankEntry(kind: ChangeEntryKind, id: string): ChangeEntry {
  return {
    entry: 0,
    kind,
    id,
    time: '',
    actor: '',
    decision: '',
    sheet: '',
    row: 0,
    baselineSeq: 0,
    baselineRef: '',
    template: '',
    category: '',
    fields: [],
    values: {},
    reason: '',
    document: '',
    decisionNo: '',
    decisionDate: '',
    note: '',
    auditSeq: 0,
  };
}

/** The next free id with a prefix: C for change requests, R for revocations, D for deletions. */
export function nextId(entries: readonly ChangeEntry[], prefix: 'C' | 'R' | 'D'): string {
  let max = 0;
  for (const entry of entries) {
    const match = /^([CRD])(\d+)$/.exec(entry.id);
    if (match && match[1] === prefix) max = Math.max(max, Number(match[2]));
  }
  return `${prefix}${max + 1}`;
}
