import { digestRows, type DigestableRecord } from '../../core/audit/digest';
import type { SheetGrid } from '../../core/model/types';
import type { PinyinPort } from '../../core/rules/pinyinPort';
import { validateWorkbook } from '../../core/validate';
import type { RunOptions, RunResult } from './protocol';
import { measureQuality } from './quality';

/**
 * The work a run does once the grids are in memory: the engine's report, the per-field quality, and every record's
 * cleaned values with their digest (the same `digestRows` over the same `onRecord` values as `audit sign`).
 */
export function validateGrids(grids: readonly SheetGrid[], options: RunOptions, pinyin: PinyinPort | undefined): RunResult {
  const records: DigestableRecord[] = [];
  const validation = validateWorkbook(grids, {
    locale: options.locale,
    profile: options.profile,
    generation: options.generation,
    category: options.category,
    today: options.today,
    xueji: options.xueji && options.xueji.length > 0 ? options.xueji : undefined,
    pinyin,
    onRecord: (sheet, record) => records.push({ sheet, excelRow: record.excelRow, values: record.values }),
  });
  if (!validation.ok) return { ok: false, reason: 'noTemplate' };
  const report = validation.report;
  const quality = measureQuality(
    grids,
    report.issues,
    report.sheets.map((sheet) => sheet.sheet),
  );
  return { ok: true, report, quality, records, digest: digestRows(records) };
}
