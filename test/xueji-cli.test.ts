import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import type { CliIO } from '../src/cli/common';
import { gridFromRecords, validRecord } from '../src/core/testing/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'degree-xueji-cli-'));
const records = Array.from({ length: 4 }, (_, i) => validRecord(i, 'G2'));
const XUEJI_HEADER = ['KSH', 'XH', 'XM', 'XB', 'CSRQ', 'SFZH', 'ZYDM', 'RXRQ', 'YJBYRQ', 'ZCZT'];
const xuejiRow = (r: Record<string, string>) => [r.KSH, r.XH, r.XM, r.XB, r.CSRQ, r.ZJHM, r.ZYDM.slice(0, 6), `${r.RXNY}01`, `${r.BYNY}30`, '注册学籍'];

async function writeDegreeWorkbook(file: string, withXuejiSheet: boolean, xuejiRows = records.map(xuejiRow)) {
  const workbook = new ExcelJS.Workbook();
  const grid = gridFromRecords('G2', records);
  const sheet = workbook.addWorksheet(grid.name);
  for (const row of grid.values) sheet.addRow(row);
  if (withXuejiSheet) {
    const xueji = workbook.addWorksheet('学籍');
    xueji.addRow(XUEJI_HEADER);
    for (const row of xuejiRows) xueji.addRow(row);
  }
  await workbook.xlsx.writeFile(file);
}

async function run(...argv: string[]) {
  let out = '';
  const io: CliIO = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, env: {} };
  const code = await main(argv, io);
  return { code, out };
}

describe('validate --xueji', () => {
  it('reconciles with a separate CSV file and reports mismatches at the degree cells', async () => {
    const degree = path.join(dir, 'degree.xlsx');
    await writeDegreeWorkbook(degree, false);
    const csv = path.join(dir, 'xueji.csv');
    const rows = records.map((r, i) => xuejiRow(i === 1 ? { ...r, XM: '王晓明' } : r));
    writeFileSync(csv, [XUEJI_HEADER, ...rows].map((row) => row.join(',')).join('\n'));
    const { code, out } = await run('validate', degree, '--xueji', csv, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.reconciliation).toMatchObject({ matched: 4, notFound: 0 });
    expect(report.issues.filter((i: { rule: string }) => i.rule.startsWith('xueji.'))).toEqual([
      expect.objectContaining({ rule: 'xueji.name', row: 3, column: 'A', field: 'XM', severity: 'error' }),
    ]);
  });

  it('uses a 学籍-looking sheet of the same workbook when --xueji is not given', async () => {
    const degree = path.join(dir, 'with-sheet.xlsx');
    await writeDegreeWorkbook(degree, true, records.slice(1).map(xuejiRow));
    const { code, out } = await run('validate', degree);
    expect(code).toBe(1);
    expect(out).toContain('学籍比对（学籍，3 条学籍）：匹配 3 | 未找到 1');
    expect(out).toContain('学籍中找不到该学生 (xueji.notFound)');
  });

  it('rejects an unusable 学籍 file with exit code 2 and one bilingual line', async () => {
    const degree = path.join(dir, 'degree2.xlsx');
    await writeDegreeWorkbook(degree, false);
    const { code, out } = await run('validate', degree, '--xueji', path.join(dir, 'missing.csv'));
    expect(code).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/找不到学籍文件.* \/ student-status file not found/);
  });
});
