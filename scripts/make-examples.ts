/**
 * Writes the example workbooks (fictional people only):
 *   examples/g2-sample.xlsx  G2 普通, a title row above 汉字名称(CODE) headers, every cell text — no errors
 *   examples/g3-sample.xlsx  G3 普通, bare-code headers — no errors
 *   examples/defective.xlsx  G2 with one documented defect per row (test/fixtures/defective-example.ts)
 * and refreshes the README's defect table from the same list.
 * Run: npx tsx scripts/make-examples.ts
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Generation } from '../src/core/model/types';
import { validRecord } from '../src/core/testing/fixtures';
import { templateColumns } from '../src/core/template/generations';
import { readWorkbook } from '../src/node/readWorkbook';
import { defectiveSheet, defectTableMarkdown } from '../test/fixtures/defective-example';
import { writeWorkbook, type CellSpec, type SheetSpec } from '../test/fixtures/workbook';

const ROOT = path.join(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
export const SAMPLE_ROWS = 30;

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A clean sample sheet: records `first`… of a generation, all cells text. */
export function sampleSheet(generation: Generation, options: { title?: string; headerStyle: 'label' | 'code'; first: number }): SheetSpec {
  const columns = templateColumns(generation, '普通');
  const header = columns.map((column) => (options.headerStyle === 'label' ? `${column.definition.label}(${column.code})` : column.code));
  const rows: CellSpec[][] = [];
  if (options.title) rows.push([options.title]);
  rows.push(header);
  for (let i = 0; i < SAMPLE_ROWS; i++) {
    const record = validRecord(options.first + i, generation);
    rows.push(columns.map((column) => record[column.code] ?? ''));
  }
  return {
    name: '学位授予信息',
    rows,
    merges: options.title ? [`A1:${columnName(columns.length - 1)}1`] : [],
    textFormat: '@',
  };
}

const README_START = '<!-- defects:start -->';
const README_END = '<!-- defects:end -->';

async function refreshReadme(): Promise<void> {
  const file = path.join(ROOT, 'README.md');
  const readme = await fs.readFile(file, 'utf8').catch(() => '');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return;
  const updated = `${readme.slice(0, start + README_START.length)}\n${defectTableMarkdown()}\n${readme.slice(end)}`;
  if (updated !== readme) await fs.writeFile(file, updated);
}

/** Writes a workbook unless the file already holds the same cells (the zip's timestamps would change every run). */
async function writeIfChanged(name: string, sheets: SheetSpec[]): Promise<void> {
  const file = path.join(EXAMPLES, name);
  const fresh = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'degree-data-examples-')), name);
  await writeWorkbook(fresh, sheets);
  const same = await Promise.all([readWorkbook(fresh), readWorkbook(file)])
    .then(([a, b]) => isDeepStrictEqual(a, b))
    .catch(() => false);
  if (!same) await fs.copyFile(fresh, file);
  await fs.rm(path.dirname(fresh), { recursive: true, force: true });
  console.log(`examples/${name} ${same ? 'unchanged' : 'written'}`);
}

async function main(): Promise<void> {
  await fs.mkdir(EXAMPLES, { recursive: true });
  await writeIfChanged('g2-sample.xlsx', [
    sampleSheet('G2', { title: '重庆外语外事学院 2023年学士学位授予信息（示例，人物均为虚构）', headerStyle: 'label', first: 0 }),
  ]);
  await writeIfChanged('g3-sample.xlsx', [sampleSheet('G3', { headerStyle: 'code', first: 100 })]);
  await writeIfChanged('defective.xlsx', [defectiveSheet()]);
  await refreshReadme();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
