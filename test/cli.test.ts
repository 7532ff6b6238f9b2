/**
 * The real command, spawned as a user runs it: exit codes, the JSON contract, the text report, and that the input
 * workbook is never modified.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCliBuilt, ROOT, runCli } from './helpers/cli';
import { writeWorkbook } from './fixtures/workbook';

const example = (name: string) => path.join('examples', name);
const HAN = /\p{Script=Han}/u;

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'degree-data-cli-'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit code 2: one line on stderr, in Chinese and English, no stack trace, nothing on stdout. */
function expectUnusable(args: string[], mentions?: RegExp) {
  const run = runCli(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(HAN);
  expect(lines[0]).toMatch(/ \/ [A-Za-z-]/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (mentions) expect(lines[0]).toMatch(mentions);
  return lines[0];
}

describe('degree-data: exit codes', () => {
  it('exits 0 on the clean G2 and G3 samples', () => {
    for (const name of ['g2-sample.xlsx', 'g3-sample.xlsx']) {
      const run = runCli(['validate', example(name)]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });

  it('exits 1 on the defective example', () => {
    const run = runCli(['validate', example('defective.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('exits 2 for a missing file', () => {
    expectUnusable(['validate', path.join(dir, 'missing.xlsx')], /找不到文件.*File not found/);
  });

  it('exits 2 for a .csv file', () => {
    const file = path.join(dir, 'data.csv');
    writeFileSync(file, 'XM,ZJHM\n王小明,500101200001011234\n');
    expectUnusable(['validate', file], /CSV/);
  });

  it('exits 2 for corrupt bytes in an .xlsx file', () => {
    const file = path.join(dir, 'corrupt.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 0x5a)]));
    expectUnusable(['validate', file], /损坏.*damaged/);
  });

  it('exits 2 for an .xls workbook saved under an .xlsx name', () => {
    const file = path.join(dir, 'old.xlsx');
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    expectUnusable(['validate', file], /\.xls/);
  });

  it('exits 2 for a workbook without a sheet that looks like the template', async () => {
    const file = path.join(dir, 'no-template.xlsx');
    await writeWorkbook(file, [{ name: '成绩', rows: [['学号', '课程', '成绩'], ['2019100001', '高等数学', '90']] }]);
    expectUnusable(['validate', file], /没有像学位授予信息模板的工作表.*no sheet looks like the degree template/);
  });

  it('exits 2 for an unknown --sheet, naming the sheets there are', () => {
    expectUnusable(['validate', example('g2-sample.xlsx'), '--sheet', '不存在'], /不存在.*学位授予信息/);
  });

  it('exits 2 for a --sheet that is not the template', async () => {
    const file = path.join(dir, 'two-sheets.xlsx');
    await writeWorkbook(file, [{ name: '说明', rows: [['填表说明']] }]);
    expectUnusable(['validate', file, '--sheet', '说明'], /说明/);
  });

  it.each([
    [['--template', 'g9'], /--template/],
    [['--category', '博士'], /--category/],
    [['--format', 'xml'], /--format/],
    [['--lang', 'fr'], /--lang/],
    [['--frobnicate'], /--frobnicate/],
    [['--sheet'], /--sheet/],
  ])('exits 2 for the bad option %j', (options, mentions) => {
    expectUnusable(['validate', example('g2-sample.xlsx'), ...options], mentions);
  });

  it('exits 2 for an unknown command or a missing workbook argument', () => {
    expectUnusable(['check', example('g2-sample.xlsx')], /check/);
    expectUnusable(['validate']);
  });

  it('exits 2 for a profile that is not JSON, does not fit the profile format, or is missing', () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "unitCode": "12608", ');
    expectUnusable(['validate', example('g2-sample.xlsx'), '--profile', broken], /JSON/);
    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ unitCode: '126', unitName: '' }));
    expectUnusable(['validate', example('g2-sample.xlsx'), '--profile', invalid], /unitCode/);
    expectUnusable(['validate', example('g2-sample.xlsx'), '--profile', path.join(dir, 'none.json')], /none\.json/);
  });

  it('prints help and the version with exit 0, and help on stderr with exit 2 when no command is given', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('degree-data validate <workbook.xlsx>');
    for (const option of ['--sheet', '--template', '--category', '--profile', '--format', '--lang']) expect(help.stdout).toContain(option);
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    const { version: expected } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toContain(`degree-data ${expected}`);
    const bare = runCli([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Usage');
  });
});

describe('degree-data: options', () => {
  it('applies a school profile: another unit code turns every row into an error', () => {
    const other = path.join(dir, 'other-school.json');
    writeFileSync(other, JSON.stringify({ unitCode: '10611', unitName: '重庆大学' }));
    const run = runCli(['validate', example('g2-sample.xlsx'), '--profile', other, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.issues.filter((issue: { rule: string }) => issue.rule === 'unit.codeMismatch')).toHaveLength(report.rows);
  });

  it('accepts the example profile', () => {
    const run = runCli(['validate', example('g2-sample.xlsx'), '--profile', example('profile.example.json')]);
    expect(run.status).toBe(0);
  });

  it('validates only the sheet named by --sheet, and honours --template and --category', () => {
    const named = runCli(['validate', example('g2-sample.xlsx'), '--sheet', '学位授予信息', '--template', 'G2', '--format', 'json']);
    expect(named.status).toBe(0);
    expect(JSON.parse(named.stdout).template).toBe('G2');
    // The adult template has a column (通过英语水平考试年月) the sample lacks.
    const adult = runCli(['validate', example('g2-sample.xlsx'), '--category', '成人', '--format', 'json']);
    expect(adult.status).toBe(1);
    const report = JSON.parse(adult.stdout);
    expect(report.category).toBe('成人');
    expect(report.issues.some((issue: { rule: string; field: string }) => issue.rule === 'header.missing' && issue.field === 'WYKSNY')).toBe(true);
  });
});

describe('degree-data: JSON report contract', () => {
  const run = () => runCli(['validate', example('defective.xlsx'), '--format', 'json']);

  it('prints exactly one JSON object with the contract’s keys and types', () => {
    const { stdout, stderr, status } = run();
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).sort()).toEqual(
      ['ok', 'template', 'category', 'sheet', 'headerRow', 'rows', 'counts', 'issues', 'sheets'].sort(),
    );
    expect(report.ok).toBe(false);
    expect(report.template).toBe('G2');
    expect(report.category).toBe('普通');
    expect(report.sheet).toBe('学位授予信息');
    expect(report.headerRow).toBe(2);
    expect(typeof report.rows).toBe('number');
    expect(Object.keys(report.counts).sort()).toEqual(['error', 'info', 'warning']);
    for (const value of Object.values(report.counts)) expect(Number.isInteger(value)).toBe(true);
    expect(report.issues.length).toBe(report.counts.error + report.counts.warning + report.counts.info);
    const required = ['rule', 'severity', 'sheet', 'row', 'column', 'field', 'value', 'message'];
    for (const issue of report.issues) {
      const keys = Object.keys(issue);
      expect(keys.slice(0, required.length)).toEqual(required);
      expect(keys.length === required.length || (keys.length === required.length + 1 && keys.includes('suggestion'))).toBe(true);
      expect(typeof issue.rule).toBe('string');
      expect(['error', 'warning', 'info']).toContain(issue.severity);
      expect(typeof issue.sheet).toBe('string');
      expect(issue.row === null || Number.isInteger(issue.row)).toBe(true);
      expect(issue.column === null || /^[A-Z]+$/.test(issue.column)).toBe(true);
      expect(issue.field === null || /^[A-Z]+$/.test(issue.field)).toBe(true);
      expect(issue.value === null || typeof issue.value === 'string').toBe(true);
      expect(typeof issue.message).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
      if ('suggestion' in issue) expect(typeof issue.suggestion).toBe('string');
    }
    expect(report.sheets).toHaveLength(1);
    expect(Object.keys(report.sheets[0]).sort()).toEqual(['category', 'counts', 'headerRow', 'rows', 'sheet', 'template']);
  });

  it('reports ok: true and no issues for a clean sample', () => {
    const report = JSON.parse(runCli(['validate', example('g3-sample.xlsx'), '--format', 'json']).stdout);
    expect(report.ok).toBe(true);
    expect(report.template).toBe('G3');
    expect(report.headerRow).toBe(1);
    expect(report.rows).toBe(30);
  });

  it('writes the messages in English with --lang en-US', () => {
    const zh = JSON.parse(run().stdout);
    const en = JSON.parse(runCli(['validate', example('defective.xlsx'), '--format', 'json', '--lang', 'en-US']).stdout);
    expect(en.issues.map((i: { rule: string; row: number }) => `${i.rule}@${i.row}`)).toEqual(
      zh.issues.map((i: { rule: string; row: number }) => `${i.rule}@${i.row}`),
    );
    const required = en.issues.find((issue: { rule: string }) => issue.rule === 'field.required');
    expect(required.message).toBe('Examinee number is required');
    // Every message is another text, in English words (cell values and names stay as they are).
    en.issues.forEach((issue: { message: string }, i: number) => {
      expect(issue.message).not.toBe(zh.issues[i].message);
      expect(issue.message).toMatch(/\b[A-Za-z]{3,} [A-Za-z]{2,}\b/);
    });
  });
});

describe('degree-data: text report', () => {
  it('prints the header line, issues grouped by rule with examples, and a verdict, without colour when piped', () => {
    const run = runCli(['validate', example('defective.xlsx')]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^文件 examples[\\/]defective\.xlsx \| 工作表 学位授予信息（表头第2行） \| 模板 G2 \| 类别 普通 \| 28 行数据 \| 错误 \d+ · 警告 \d+ · 提示 \d+$/);
    expect(run.stdout).toMatch(/✖ 错误 .+ \(id\.checksum\) · \d+ 处/);
    expect(run.stdout).toMatch(/ {2}第3行 M列 身份证件号码 "\d{17}[\dX]" — /);
    expect(run.stdout).toContain('→ 建议: 01');
    expect(lines[lines.length - 1]).toMatch(/^✖ 不通过/);
    // Errors come before warnings.
    expect(run.stdout.indexOf('✖ 错误')).toBeLessThan(run.stdout.indexOf('⚠ 警告'));
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('prints the text report in English with --lang en-US', () => {
    const run = runCli(['validate', example('g2-sample.xlsx'), '--lang', 'en-US']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^File examples[\\/]g2-sample\.xlsx \| Sheet 学位授予信息 \(header row 2\) \| Template G2 \| Category regular \| 30 data rows/);
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^✔ Passed/);
  });
});

describe('degree-data: the input is never modified', () => {
  it('leaves the bytes and the modification time of the workbook unchanged', () => {
    for (const name of ['defective.xlsx', 'g2-sample.xlsx']) {
      const file = path.join(ROOT, example(name));
      const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
      const before = { hash: hash(), mtime: statSync(file).mtimeMs };
      runCli(['validate', example(name), '--format', 'json']);
      runCli(['validate', example(name)]);
      expect(hash()).toBe(before.hash);
      expect(statSync(file).mtimeMs).toBe(before.mtime);
    }
  });
});
