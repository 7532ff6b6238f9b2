/**
 * Test helpers for the change procedures: a batch of fictional records (src/core/testing/fixtures.ts) validated as
 * the engine hands them over, and an in-memory workbook state that steps are applied to.
 */
import type { DigestableRecord } from '../audit/digest';
import type { AuditEvent } from '../audit/events';
import type { Generation } from '../model/types';
import { gridFromRecords, validRecord, type RecordValues } from '../testing/fixtures';
import { validateWorkbook } from '../validate';
import { establishBaseline, type Actor, type Baseline, type SheetKind } from './baseline';
import type { ChangeContext, StepResult } from './log';
import type { ChangeEntry } from './sheetFormat';

export const actor = (name: string): Actor => ({ actor: name, rulesVersion: 'test-rules', addinVersion: 'test' });

export interface Batch {
  records: DigestableRecord[];
  sheets: SheetKind[];
}

/** Validates fictional records in one template sheet and returns the cleaned records, as an export would have them. */
export function batchOf(values: readonly RecordValues[], generation: Generation = 'G3', name = '外国语学院'): Batch {
  return batchOfSheets({ [name]: values }, generation);
}

/** Several 二级学院 sheets validated together. */
export function batchOfSheets(sheets: Readonly<Record<string, readonly RecordValues[]>>, generation: Generation = 'G3'): Batch {
  const records: DigestableRecord[] = [];
  const grids = Object.entries(sheets).map(([name, values]) => gridFromRecords(generation, values, { name }));
  const result = validateWorkbook(grids, {
    today: '20260701',
    onRecord: (sheet, record) => records.push({ sheet, excelRow: record.excelRow, values: record.values }),
  });
  if (!result.ok) throw new Error(`fixture is not a template: ${result.reason}`);
  return { records, sheets: result.report.sheets.map((s) => ({ sheet: s.sheet, template: s.template, category: s.category })) };
}

export const recordsOf = (count: number, generation: Generation = 'G3') => Array.from({ length: count }, (_, i) => validRecord(i, generation));

/** The workbook's hidden state held in memory: steps are appended the way the stores append rows. */
export class Book implements ChangeContext {
  events: AuditEvent[] = [];
  entries: ChangeEntry[] = [];
  baseline?: Baseline;
  private clock = Date.UTC(2026, 10, 27, 1, 0, 0);

  now(): Date {
    this.clock += 60_000;
    return new Date(this.clock);
  }

  setBaseline(batch: Batch, by = actor('王学位办')): Baseline {
    const { baseline, event } = establishBaseline(this.events, batch.records, batch.sheets, by, this.now());
    this.events.push(event);
    this.baseline = baseline;
    return baseline;
  }

  /** Applies a step that must succeed. */
  apply(result: StepResult): ChangeEntry {
    if (!result.ok) throw new Error(`step refused: ${result.reason} ${result.message}`);
    this.events.push(result.event);
    this.entries.push(result.entry);
    return result.entry;
  }
}

/** A copy of a batch with one record's fields replaced. */
export function edit(batch: Batch, index: number, values: Record<string, string>): Batch {
  return {
    sheets: batch.sheets,
    records: batch.records.map((r, i) => (i === index ? { ...r, values: { ...r.values, ...values } } : r)),
  };
}
