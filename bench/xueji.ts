/**
 * `npm run bench:xueji`: reconciling 50,000 degree rows with 60,000 学籍 rows (issue 5: ≤ 0.3 s in the core, linear).
 * Times reconcile() alone on the cleaned records (the join, comparisons and 漏报 pass), median of 5 after a warm-up.
 * Appends its figures to docs/performance.md.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { replacePerformanceSection } from './docSection';
import type { CellValue, SheetGrid } from '../src/core/model/types';
import { benchRecord } from './run';
import { codesFor } from '../src/core/codes/lookups';
import { DEFAULT_PROFILE } from '../src/core/profile/profile';
import type { SheetContext, SheetRows } from '../src/core/rules/rule';
import { reconcile } from '../src/core/xueji/reconcile';
import { readXuejiSheet } from '../src/core/xueji/sheet';

const HEADER = ['KSH', 'XH', 'XM', 'XB', 'CSRQ', 'SFZH', 'ZZMM', 'MZ', 'ZYDM', 'ZYMC', 'XZ', 'XXXS', 'RXRQ', 'YJBYRQ', 'ZCZT'];

function measure(degreeRows: number, xuejiRows: number): number {
  const records = Array.from({ length: xuejiRows }, (_, i) => benchRecord(i));
  // The cleaned degree records as the engine hands them to reconcile(): text values of the template columns.
  const rows = records.slice(0, degreeRows).map((values, i) => ({ excelRow: i + 3, values }));
  const degree: SheetRows[] = [{ context: { codes: codesFor(DEFAULT_PROFILE).codes } as SheetContext, rows }];
  const xuejiGrid: SheetGrid = {
    name: '学籍',
    startRow: 1,
    startColumn: 0,
    values: [
      HEADER,
      ...records.map((r): CellValue[] => [
        r.KSH, r.XH, r.XM, r.XB, r.CSRQ, r.ZJHM, '共青团员', '汉', r.ZYDM.slice(0, 6), r.ZYMC, '4.0', '普通全日制',
        `${r.RXNY}01`, `${r.BYNY}30`, '注册学籍',
      ]),
    ],
  };
  const xueji = [readXuejiSheet(xuejiGrid)!];
  const time = (run: () => void) => {
    run();
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      run();
      samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b)[2];
  };
  return time(() => reconcile(degree, xueji, () => {}, () => {}));
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
