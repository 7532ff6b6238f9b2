/**
 * `npm run bench:xueji`: reconciling 50,000 degree rows with 60,000 学籍 rows (issue 5: ≤ 0.3 s in the core, linear).
 * Times reconcile() alone on the cleaned records (the join, comparisons and 漏报 pass), median of 5 after a warm-up.
 * Appends its figures to docs/performance.md.
 */
import os from 'node:os';
import { replacePerformanceSection } from './docSection';
import { medianTime } from './sampling';
import { benchRecord } from './run';
import { codesFor } from '../src/core/codes/lookups';
import { DEFAULT_PROFILE } from '../src/core/profile/profile';
import type { SheetContext, SheetRows } from '../src/core/rules/rule';
import { xuejiGrid, xuejiRow } from '../src/core/testing/xuejiFixtures';
import { reconcile } from '../src/core/xueji/reconcile';
import { readXuejiSheet } from '../src/core/xueji/sheet';

function measure(degreeRows: number, xuejiRows: number): number {
  const records = Array.from({ length: xuejiRows }, (_, i) => benchRecord(i));
  // The cleaned degree records as the engine hands them to reconcile(): text values of the template columns.
  const rows = records.slice(0, degreeRows).map((values, i) => ({ excelRow: i + 3, values }));
  const degree: SheetRows[] = [{ context: { codes: codesFor(DEFAULT_PROFILE).codes } as SheetContext, rows }];
  const xueji = [readXuejiSheet(xuejiGrid(records.map((record) => xuejiRow(record))))!];
  return medianTime(() => reconcile(degree, xueji, () => {}, () => {}));
}

const small = measure(10_000, 12_000);
const large = measure(50_000, 60_000);
const load = os.loadavg().map((n) => n.toFixed(2)).join(' / ');
const section = [
  '',
  '## Reconciliation with 学籍 data (issue 5)',
  '',
  '<!-- Written by `npm run bench:xueji` (bench/xueji.ts). -->',
  `Measured ${new Date().toISOString().slice(0, 10)}, node ${process.version}, load average ${load}; reconcile() on cleaned records, median of 5.`,
  '',
  '| Degree rows × 学籍 rows | Target | Reconciliation | |',
  '| --- | --- | ---: | --- |',
  `| 10,000 × 12,000 | | ${Math.round(small)} ms | |`,
  `| 50,000 × 60,000 | ≤ 0.3 s | ${Math.round(large)} ms | ${large <= 300 ? 'met' : '**missed**'} |`,
  '',
].join('\n');
console.log(section);
replacePerformanceSection('Reconciliation with 学籍 data (issue 5)', section);
