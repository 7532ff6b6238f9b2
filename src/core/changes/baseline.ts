/**
 * The reported baseline of a batch: after an export, the exported rows (sheet, key = 证件号码, every field value)
 * become the baseline against which later edits are changes (第十三条: reported data is not changed silently).
 * The rows stay in the workbook (`_dd_baseline`); the audit log gets the 基线建立 event with their digest only.
 */
import { nextEvent } from '../audit/chain';
import { digestRows, type DigestableRecord } from '../audit/digest';
import type { AuditEvent } from '../audit/events';
import type { Category, Generation } from '../model/types';
import { templateColumns } from '../template/generations';
import type { CellValue } from '../model/types';
import { baselineFromRows, baselineToRows, type Baseline, type BaselineRow } from './sheetFormat';

export type { Baseline, BaselineRow } from './sheetFormat';

/** The generation and category a template sheet was validated as (ValidationReport.sheets has them). */
export interface SheetKind {
  sheet: string;
  template: Generation;
  category: Category;
}

/** Who does a step, and the versions the audit event records. */
export interface Actor {
  actor: string;
  actorId?: string;
  rulesVersion: string;
  addinVersion: string;
}

/** The field codes a record of a template and category holds: the keys validateWorkbook gives its values. */
export function fieldsOf(template: Generation, category: Category): string[] {
  return templateColumns(template, category).map((column) => column.code);
}

/** The rows of `_dd_baseline` (header first) for a baseline; see sheetFormat. */
export function baselineSheetRows(baseline: Baseline): CellValue[][] {
  return baselineToRows(baseline, fieldsOf);
}

/** Reads `_dd_baseline` rows (see sheetFormat) with the field sets of the templates. */
export function readBaseline(rows: readonly (readonly CellValue[])[]): { baseline?: Baseline; unreadable: number[] } {
  return baselineFromRows(rows, fieldsOf);
}

/** The baseline rows of exported records. Records of a sheet missing from `sheets` are refused (no template known). */
export function baselineRowsOf(records: readonly DigestableRecord[], sheets: readonly SheetKind[]): BaselineRow[] {
  const kinds = new Map(sheets.map((s) => [s.sheet, s]));
  return records.map((record) => {
    const kind = kinds.get(record.sheet);
    if (!kind) throw new Error(`baselineRowsOf: no template known for sheet ${record.sheet}`);
    const values: Record<string, string> = {};
    for (const code of fieldsOf(kind.template, kind.category)) values[code] = record.values[code] ?? '';
    return { sheet: record.sheet, row: record.excelRow, template: kind.template, category: kind.category, values };
  });
}

/** SHA-256 over the baseline's row digests: equal to the data digest of the same records (audit/digest). */
export function baselineDigest(rows: readonly BaselineRow[]): string {
  return digestRows(rows.map((row) => ({ sheet: row.sheet, excelRow: row.row, values: row.values }))).digest;
}

function scopeOf(rows: readonly BaselineRow[]): string {
  const bySheet = new Map<string, { min: number; max: number }>();
  for (const row of rows) {
    const range = bySheet.get(row.sheet);
    if (!range) bySheet.set(row.sheet, { min: row.row, max: row.row });
    else {
      range.min = Math.min(range.min, row.row);
      range.max = Math.max(range.max, row.row);
    }
  }
  return [...bySheet].map(([sheet, { min, max }]) => `${sheet}!${min}:${max}`).join(', ');
}

/**
 * Sets the baseline from the exported records: the 基线建立 event to append to the audit sheet and the baseline to
 * write to `_dd_baseline` (replacing the previous one; change requests against it stay in `_dd_changes`).
 */
export function establishBaseline(
  events: readonly AuditEvent[],
  records: readonly DigestableRecord[],
  sheets: readonly SheetKind[],
  by: Actor & { note?: string },
  now: Date = new Date(),
): { baseline: Baseline; event: AuditEvent } {
  const rows = baselineRowsOf(records, sheets);
  const event = nextEvent(
    events,
    {
      actor: by.actor,
      actorId: by.actorId ?? '',
      role: 'office',
      action: '基线建立',
      scope: scopeOf(rows),
      datasetDigest: baselineDigest(rows),
      rulesVersion: by.rulesVersion,
      addinVersion: by.addinVersion,
      note: by.note ?? `已上报基线 ${rows.length} 条记录 / reported baseline of ${rows.length} record(s)`,
    },
    now,
  );
  return { baseline: { seq: event.seq, rows }, event };
}

export type BaselineProblem =
  | { kind: 'noEvent'; message: string }
  | { kind: 'altered'; message: string }
  | { kind: 'unreadable'; rows: number[]; message: string };

/**
 * Checks the baseline against its 基线建立 event: the event must exist in the chain and carry the digest of the
 * rows as they are now; otherwise the hidden sheet was edited or replaced.
 */
export function checkBaseline(baseline: Baseline, events: readonly AuditEvent[], unreadable: readonly number[] = []): BaselineProblem[] {
  const problems: BaselineProblem[] = [];
  if (unreadable.length > 0) {
    problems.push({
      kind: 'unreadable',
      rows: [...unreadable],
      message: `基线表第 ${unreadable.join('、')} 行无法读取 / baseline sheet row(s) ${unreadable.join(', ')} cannot be read`,
    });
  }
  const event = events.find((e) => e.seq === baseline.seq && e.action === '基线建立');
  if (!event) {
    problems.push({
      kind: 'noEvent',
      message: `审计记录中没有第 ${baseline.seq} 号“基线建立”事件 / the audit trail has no 基线建立 event ${baseline.seq}`,
    });
  } else if (event.datasetDigest !== baselineDigest(baseline.rows)) {
    problems.push({
      kind: 'altered',
      message: '已上报基线与“基线建立”时记录的摘要不符，基线表被改动 / the baseline no longer matches the digest recorded when it was set: the baseline sheet was altered',
    });
  }
  return problems;
}
