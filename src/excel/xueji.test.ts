/**
 * 学籍 through the gateway on the simulator: 学籍 sheets of the open workbook read like the CLI reads them, a picked
 * .xlsx or .csv file parsed like the CLI parses it, and the one-click 采用学籍值 fix (non-key fields written as text
 * and reported for the audit event, key fields refused).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Issue, SheetGrid } from '../core/model/types';
import { excelRowOf, gridFromRecords, validRecord } from '../core/testing/fixtures';
import { XUEJI_HEADER, xuejiGrid, xuejiRow } from '../core/testing/xuejiFixtures';
import { validateTemplateSheets } from '../core/validate';
import { columnIndex } from '../core/util/columns';
import { readXuejiSource } from '../node/readXueji';
import { installSimulator, type InstalledSimulator } from '../simulator/install';
import { workbookFromGrids } from '../simulator/load';
import type { SimWorkbook } from '../simulator/model';
import { workbookToXlsx } from '../simulator/save';
import {
  applyXuejiValue,
  canAdoptXuejiValue,
  GatewayError,
  parseXuejiFile,
  readTemplateSheets,
  readXuejiSheets,
  type XuejiFix,
} from './index';

let sim: InstalledSimulator | undefined;
function install(workbook: SimWorkbook): SimWorkbook {
  sim?.uninstall();
  sim = installSimulator(workbook);
  return workbook;
}
afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

const records = Array.from({ length: 4 }, (_, i) => validRecord(i, 'G2'));

/** 学籍 with two differences: 姓名 of record 0 (key) and 民族 of record 1 (not key); its dates as Excel dates. */
function xuejiSheetGrid(name = '学籍'): SheetGrid {
  const rows = records.map((record, i) => xuejiRow(record, i === 0 ? { XM: '王晓明' } : i === 1 ? { MZ: '回族' } : {}));
  const rxrq = XUEJI_HEADER.indexOf('RXRQ');
  // Record 2's enrolment date as an Excel date (2019-09-01 = 43709) with a date format: read as a date.
  rows[2][rxrq] = 43709;
  const numberFormats = rows.map((_, r) => XUEJI_HEADER.map((_, c) => (r === 2 && c === rxrq ? 'yyyy-mm-dd' : undefined)));
  const grid = xuejiGrid(rows, name, XUEJI_HEADER.map((h) => h.toLowerCase()));
  return { ...grid, numberFormats: [[], ...numberFormats] };
}

function workbook(options: { hiddenXueji?: boolean } = {}): SimWorkbook {
  const book = workbookFromGrids([gridFromRecords('G2', records), xuejiSheetGrid(), { name: '说明', startRow: 1, startColumn: 0, values: [['readme']] }]);
  if (options.hiddenXueji) book.sheet('学籍')!.visibility = 'Hidden';
  return book;
}

async function tempFile(name: string, bytes: Uint8Array): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-xueji-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const picked = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });

describe('学籍 sheets of the open workbook', () => {
  it('finds a (hidden) 学籍 sheet, not the template, and reads it as the CLI reads the same workbook', async () => {
    const book = install(workbook({ hiddenXueji: true }));
    const read = await readXuejiSheets();
    expect(read.sheets.map((s) => s.name)).toEqual(['学籍']);
    expect(read.sheets[0].records).toHaveLength(4);
    expect(read.sheets[0].records[2].values.RXRQ).toBe('20190901');
    const file = await tempFile('book.xlsx', await workbookToXlsx(book));
    const cli = await readXuejiSource(file);
    expect(read.sheets).toEqual(cli);
  });

  it('reads in blocks, one sync each', async () => {
    install(workbook());
    const read = await readXuejiSheets({ maxBlockRows: 2 });
    expect(read.stats.blocks).toBe(3);
    expect(read.sheets[0].records).toHaveLength(4);
  });

  it('finds nothing in a workbook without 学籍', async () => {
    install(workbookFromGrids([gridFromRecords('G2', records)]));
    expect((await readXuejiSheets()).sheets).toEqual([]);
  });
});

describe('a picked 学籍 file', () => {
  it('parses an .xlsx like the CLI does', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    const grid = xuejiSheetGrid();
    grid.values.forEach((row) => sheet.addRow(row.map((v) => v ?? null)));
    sheet.getCell(4, XUEJI_HEADER.indexOf('RXRQ') + 1).numFmt = 'yyyy-mm-dd';
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const parsed = await parseXuejiFile(picked('学籍2026.xlsx', bytes));
    const cli = await readXuejiSource(await tempFile('学籍2026.xlsx', bytes));
    expect(parsed.sheets).toHaveLength(1);
    expect(parsed.sheets[0].name).toBe('学籍2026.xlsx');
    expect(parsed.sheets[0].records.map((r) => r.values)).toEqual(cli[0].records.map((r) => r.values));
    expect(parsed.sheets[0].records[2].values.RXRQ).toBe('20190901');
  });

  it('parses a GBK .csv like the CLI does', async () => {
    const text = [XUEJI_HEADER.join(','), ...records.map((r) => xuejiRow(r).join(','))].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    const parsed = await parseXuejiFile({ name: 'xueji.csv', bytes });
    const cli = await readXuejiSource(await tempFile('xueji.csv', bytes));
    expect(parsed.sheets).toEqual(cli);
    expect(parsed.sheets[0].records[0].values.XM).toBe(records[0].XM);
  });

  it('refuses .xls and files that are no 学籍 export, in both languages', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(parseXuejiFile(picked('old.xls', xls))).rejects.toMatchObject({ code: 'fileFormat', text: { 'zh-CN': expect.stringMatching(/另存为/) } });
    await expect(parseXuejiFile(picked('x.csv', new TextEncoder().encode('a,b\n1,2\n')))).rejects.toMatchObject({
      code: 'fileFormat',
      text: { 'en-US': expect.stringMatching(/does not look like/) },
    });
    await expect(parseXuejiFile(picked('x.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])))).rejects.toBeInstanceOf(GatewayError);
  });
});

describe('采用学籍值', () => {
  async function reconcile(): Promise<Issue[]> {
    const templates = (await readTemplateSheets()).templates;
    const xueji = (await readXuejiSheets()).sheets;
    return validateTemplateSheets(templates, { today: '20261128', xueji }).issues.filter((i) => i.rule.startsWith('xueji.'));
  }

  it('writes a non-key 学籍 value as text, reads it back and describes the fix without personal data', async () => {
    const book = install(workbook());
    const issues = await reconcile();
    const ethnicity = issues.find((i) => i.rule === 'xueji.ethnicity')!;
    // The code column is marked, with the code of the 学籍 民族 as the suggestion.
    expect(ethnicity).toMatchObject({ field: 'MZM', row: excelRowOf(1), suggestion: '03' });
    expect(canAdoptXuejiValue(ethnicity)).toBe(true);
    const fixes: XuejiFix[] = [];
    const fix = await applyXuejiValue(ethnicity, ethnicity.suggestion, { onFix: async (f) => void fixes.push(f) });
    expect(fixes).toEqual([fix]);
    expect(fix).toMatchObject({ action: '采用学籍值', sheet: '学位授予信息', row: excelRowOf(1), field: 'MZM', scope: `学位授予信息!${excelRowOf(1)}` });
    expect(fix.note).toMatch(/MZM/);
    expect(JSON.stringify(fix)).not.toContain(records[1].ZJHM);
    expect(JSON.stringify(fix)).not.toContain(records[1].XM);
    const sheet = book.sheet('学位授予信息')!;
    const cell: [number, number] = [excelRowOf(1) - 1, columnIndex(ethnicity.column!)];
    // Text: the leading zero stays.
    expect(sheet.value(...cell)).toBe('03');
    expect(sheet.numberFormat(...cell)).toBe('@');
    expect((await reconcile()).some((i) => i.rule === 'xueji.ethnicity')).toBe(false);
  });

  it('takes the suggestion when no value is given, and keeps digits of codes (text)', async () => {
    const book = install(workbook());
    const issue: Issue = {
      rule: 'xueji.studentNumber',
      severity: 'warning',
      sheet: '学位授予信息',
      row: excelRowOf(2),
      column: 'AB',
      field: 'XH',
      value: null,
      message: '',
      suggestion: '0012345',
    };
    const column = columnIndex('AB');
    book.sheet('学位授予信息')!.setValue(excelRowOf(2) - 1, column, null);
    await applyXuejiValue(issue);
    expect(book.sheet('学位授予信息')!.value(excelRowOf(2) - 1, column)).toBe('0012345');
  });

  it('refuses key fields (name, ID number, birth date, sex), changing nothing and calling no hook', async () => {
    const book = install(workbook());
    const issues = await reconcile();
    const name = issues.find((i) => i.rule === 'xueji.name')!;
    expect(canAdoptXuejiValue(name)).toBe(false);
    const onFix = jest.fn();
    await expect(applyXuejiValue(name, '王晓明', { onFix })).rejects.toMatchObject({ code: 'keyField', text: { 'zh-CN': expect.stringMatching(/姓名（XM）.*关键字段/) } });
    expect(book.sheet('学位授予信息')!.value(excelRowOf(0) - 1, columnIndex(name.column!))).toBe(records[0].XM);
    for (const [rule, field] of [
      ['xueji.idNumber', 'ZJHM'],
      ['xueji.birthDate', 'CSRQ'],
      ['xueji.sex', 'XBM'],
      ['xueji.ethnicity', 'XB'],
    ]) {
      await expect(applyXuejiValue({ ...name, rule, field }, 'x', { onFix })).rejects.toMatchObject({ code: 'keyField' });
    }
    await expect(applyXuejiValue({ ...name, rule: 'xueji.status', field: 'ZYMC' }, 'x', { onFix })).rejects.toMatchObject({ code: 'notAdoptable' });
    expect(onFix).not.toHaveBeenCalled();
  });

  it('refuses a cell changed since the comparison, and a protected sheet', async () => {
    const book = install(workbook());
    const ethnicity = (await reconcile()).find((i) => i.rule === 'xueji.ethnicity')!;
    const cell: [number, number] = [ethnicity.row! - 1, columnIndex(ethnicity.column!)];
    book.sheet('学位授予信息')!.setValue(...cell, '满族');
    await expect(applyXuejiValue(ethnicity, '回族')).rejects.toMatchObject({ code: 'cellChanged' });
    book.sheet('学位授予信息')!.setValue(...cell, '汉族');
    book.sheet('学位授予信息')!.protection.protected = true;
    await expect(applyXuejiValue(ethnicity, '回族')).rejects.toMatchObject({ code: 'sheetProtected' });
    expect(book.sheet('学位授予信息')!.value(...cell)).toBe('汉族');
  });
});
