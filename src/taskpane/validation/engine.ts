import type { SheetGrid } from '../../core/model/types';
import type { PinyinPort } from '../../core/rules/pinyinPort';
import { validateWorkbook } from '../../core/validate';
import type { RunOptions, RunResult } from './protocol';
import { measureQuality } from './quality';

/** The work a run does once the grids are in memory: the engine's report plus the per-field quality. */
export function validateGrids(grids: readonly SheetGrid[], options: RunOptions, pinyin: PinyinPort | undefined): RunResult {
  const validation = validateWorkbook(grids, {
    locale: options.locale,
    profile: options.profile,
    generation: options.generation,
    category: options.category,
    today: options.today,
    pinyin,
  });
  if (!validation.ok) return { ok: false, reason: 'noTemplate' };
  const report = validation.report;
  const quality = measureQuality(
    grids,
    report.issues,
    report.sheets.map((sheet) => sheet.sheet),
  );
  return { ok: true, report, quality };
}
