/**
 * Golden tests on the example workbooks, through the CLI's own code path (main() with captured output):
 * every defect planted in examples/defective.xlsx is reported at its row and field with its rule id, the control
 * rows and the samples stay free of errors, and the committed examples are what scripts/make-examples.ts builds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Issue, ValidationReport } from '../src/core/model/types';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/node/readWorkbook';
import { templateColumns } from '../src/core/template/generations';
import { columnLetter } from '../src/core/util/columns';
import { CLEAN_ROWS, DEFECTIVE_ROWS, defectiveSheet, defectTableMarkdown } from './fixtures/defective-example';
import { writeWorkbook } from './fixtures/workbook';
import { sampleSheet } from '../scripts/make-examples';

const ROOT = path.join(__dirname, '..');
const example = (name: string) => path.join(ROOT, 'examples', name);

async function validateJson(file: string, ...options: string[]): Promise<{ code: number; report: ValidationReport; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', file, '--format', 'json', ...options], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, report: JSON.parse(stdout) as ValidationReport, stderr };
}

describe('golden: examples/defective.xlsx', () => {
  let run: Awaited<ReturnType<typeof validateJson>>;
  beforeAll(async () => {
    run = await validateJson(example('defective.xlsx'));
  });

  it('fails with exit code 1', () => {
    expect(run.code).toBe(1);
    expect(run.report.ok).toBe(false);
    expect(run.stderr).toBe('');
  });

  const columns = templateColumns('G2', '普通');
  const letterOf = (field: string) => columnLetter(columns.findIndex((column) => column.code === field));

  it.each(DEFECTIVE_ROWS.map((entry) => [entry.row, entry.field, entry.rule, entry.description['en-US']] as const))(
    'row %i: %s is reported as %s (%s)',
    (row, field, rule) => {
      // On failure the diff lists what was reported in the row instead.
      const reportedInRow = run.report.issues.filter((issue) => issue.row === row).map((issue) => `${issue.rule}@${issue.field}`);
      expect({ row, reportedInRow }).toEqual({ row, reportedInRow: expect.arrayContaining([`${rule}@${field}`]) });
      const found = run.report.issues.filter((issue) => issue.row === row && issue.rule === rule);
      const issue = found.find((candidate) => candidate.field === field)!;
      expect(issue.column).toBe(letterOf(field));
      expect(issue.sheet).toBe('学位授予信息');
      expect(issue.message.length).toBeGreaterThan(0);
    },
  );

  it('raises no error outside the defective rows, and nothing at all on the control rows', () => {
    const defective = new Set(DEFECTIVE_ROWS.map((entry) => entry.row));
    const stray = run.report.issues.filter((issue: Issue) => issue.severity === 'error' && !defective.has(issue.row ?? -1));
    expect(stray).toEqual([]);
    expect(run.report.issues.filter((issue) => CLEAN_ROWS.includes(issue.row ?? -1))).toEqual([]);
    expect(run.report.rows).toBe(DEFECTIVE_ROWS.length + CLEAN_ROWS.length);
  });
});

describe('golden: the clean samples', () => {
  it.each(['g2-sample.xlsx', 'g3-sample.xlsx'])('%s has no error and no warning', async (name) => {
    const { code, report } = await validateJson(example(name));
    expect(report.issues).toEqual([]);
    expect(code).toBe(0);
    expect(report.rows).toBe(30);
  });

  it('g2-sample has a title row above 汉字名称(CODE) headers; g3-sample has bare codes in row 1', async () => {
    const [g2] = await readWorkbook(example('g2-sample.xlsx'));
    expect(g2.values[1][0]).toBe('姓名(XM)');
    expect(g2.valueTypes!.slice(2).flat().every((type) => type === 'String' || type === 'Empty')).toBe(true);
    const [g3] = await readWorkbook(example('g3-sample.xlsx'));
    expect(g3.values[0][0]).toBe('XM');
  });
});

describe('golden: the committed examples are what scripts/make-examples.ts builds', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'degree-data-golden-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['defective.xlsx', () => defectiveSheet()],
    ['g2-sample.xlsx', () => sampleSheet('G2', { title: '', headerStyle: 'label', first: 0 })],
    ['g3-sample.xlsx', () => sampleSheet('G3', { headerStyle: 'code', first: 100 })],
  ] as const)('%s (run `npx tsx scripts/make-examples.ts` after changing the defect list)', async (name, sheet) => {
    const fresh = path.join(dir, name);
    await writeWorkbook(fresh, [sheet()]);
    const [expected] = await readWorkbook(fresh);
    const [committed] = await readWorkbook(example(name));
    // The sample's title row is not part of the comparison.
    const data = (grid: typeof expected) => grid.values.filter((row) => row.length > 1 && row.slice(1).some((cell) => cell !== null));
    expect(data(committed)).toEqual(data(expected));
    expect(committed.valueTypes!.slice(-data(expected).length)).toEqual(expected.valueTypes!.slice(-data(expected).length));
  });
});

describe('README', () => {
  it('lists the defects of examples/defective.xlsx as test/fixtures/defective-example.ts does', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`<!-- defects:start -->\n${defectTableMarkdown()}\n<!-- defects:end -->`);
  });
});
