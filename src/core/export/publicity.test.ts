import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { gridFromRecords, validRecord } from '../testing/fixtures';
import {
  buildPublicityList,
  chineseDate,
  isWorkingDay,
  publicityPeriod,
  publicityRows,
  renderPublicityHtml,
  writePublicityXlsx,
} from './publicity';
import { prepareExport, type ExportRecord } from './uploadFile';

function records(): ExportRecord[] {
  const result = prepareExport(
    [
      gridFromRecords('G3', [0, 1].map((i) => validRecord(i, 'G3')), { name: '外国语学院' }),
      gridFromRecords('G3', [2].map((i) => validRecord(i, 'G3')), { name: '商学院' }),
    ],
    { today: '20260701' },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.prepared.records;
}

describe('the publicity period', () => {
  it('is 5 working days by default: Monday to Friday', () => {
    expect(publicityPeriod('20261123')).toEqual({ from: '20261123', to: '20261127', days: 5, workingDays: true });
  });

  it('starts on the next working day and skips weekends', () => {
    expect(publicityPeriod('20261128')).toMatchObject({ from: '20261130', to: '20261204' });
    expect(publicityPeriod('20261126')).toMatchObject({ from: '20261126', to: '20261202' });
  });

  it('skips public holidays and counts 调休 working days', () => {
    // 2026-10-01…07 National Day; Saturday 2026-10-10 worked in exchange.
    const holidays = ['20261001', '20261002', '20261005', '20261006', '20261007'];
    expect(publicityPeriod('20260930', { holidays, workdays: ['20261010'] })).toMatchObject({ from: '20260930', to: '20261012' });
    expect(isWorkingDay('20261010', { workdays: ['20261010'] })).toBe(true);
    expect(isWorkingDay('20261001', { holidays })).toBe(false);
  });

  it('can count calendar days and another length', () => {
    expect(publicityPeriod('20261128', { days: 7, workingDays: false })).toEqual({ from: '20261128', to: '20261204', days: 7, workingDays: false });
    expect(publicityPeriod('20261123', { days: 10 })).toMatchObject({ to: '20261204' });
    expect(() => publicityPeriod('20261131')).toThrow(RangeError);
    expect(() => publicityPeriod('20261123', { days: 0 })).toThrow(RangeError);
  });
});

describe('the publicity list (第十一条（三）)', () => {
  const all = records();
  const period = publicityPeriod('20260622');

  it('holds 姓名, 学位类别 by name and 获学位日期, with the college and major when asked', () => {
    const list = buildPublicityList(all, { unitName: '重庆外语外事学院', period, batch: '2025-2', includeCollege: true, includeMajor: true });
    expect(list.title).toBe('重庆外语外事学院2025年第2批学士学位授予名单公示');
    expect(list.columns).toEqual(['college', 'name', 'major', 'degree', 'awardDate']);
    expect(list.entries[0]).toEqual({ name: all[0].values.XM, degree: '文学学士学位', awardDate: '20250620', college: '外国语学院', major: '英语' });
    expect(list.entries[2].college).toBe('商学院');
    const rows = publicityRows(list);
    expect(rows[1]).toEqual(['公示期：2026年6月22日至2026年6月26日（5个工作日）']);
    expect(rows[2]).toEqual(['序号', '二级学院', '姓名', '专业', '学位类别', '获学位日期']);
    expect(rows[3]).toEqual(['1', '外国语学院', all[0].values.XM, '英语', '文学学士学位', '2025年6月20日']);
  });

  it('finds the degree name from its code when the name column is empty (G1)', () => {
    const g1 = [{ sheet: 'S', excelRow: 2, values: { XM: '王小明', XWLBM: '408', XWLB: '', HXWRQ: '20230620' } }];
    expect(buildPublicityList(g1, { unitName: 'U', period }).entries[0].degree).toBe('工学学士学位');
  });

  it('never holds 证件号码 or other personal data, in the .xlsx or the printable page', async () => {
    const list = buildPublicityList(all, { unitName: '重庆外语外事学院', period, includeCollege: true, includeMajor: true });
    const bytes = writePublicityXlsx(list);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await Promise.all(Object.values(zip.files).map((file) => file.async('string')))).join('\n');
    const html = renderPublicityHtml(list);
    for (const record of all) {
      for (const field of ['ZJHM', 'CSRQ', 'KSH', 'XH', 'MZ', 'ZJLX']) {
        const value = record.values[field];
        if (!value) continue;
        expect(xml).not.toContain(value);
        expect(html).not.toContain(value);
      }
      expect(xml).toContain(record.values.XM);
      expect(html).toContain(record.values.XM);
    }
    expect(Object.keys(list.entries[0]).sort()).toEqual(['awardDate', 'college', 'degree', 'major', 'name']);
  });

  it('writes a one-sheet text workbook with the title and the period above the list', () => {
    const list = buildPublicityList(all, { unitName: '重庆外语外事学院', period });
    const workbook = XLSX.read(writePublicityXlsx(list), { type: 'array', cellNF: true });
    const sheet = workbook.Sheets['公示名单'];
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true });
    expect(rows[0][0]).toBe(list.title);
    expect(rows[2]).toEqual(['序号', '姓名', '学位类别', '获学位日期']);
    expect(rows[3]).toEqual(['1', all[0].values.XM, '文学学士学位', '2025年6月20日']);
    expect(sheet['A4'].t).toBe('s');
    expect(sheet['A4'].z).toBe('@');
    expect(sheet['!merges']?.length).toBeGreaterThanOrEqual(2);
  });

  it('renders a printable page that escapes what it shows', () => {
    const list = buildPublicityList([{ sheet: 'S', excelRow: 2, values: { XM: '<b>王</b>', XWLB: '文学学士学位', HXWRQ: '20260620' } }], { unitName: 'U&V', period });
    const html = renderPublicityHtml(list);
    expect(html).toContain('&lt;b&gt;王&lt;/b&gt;');
    expect(html).toContain('U&amp;V');
    expect(html).toContain('@page');
    expect(html).not.toContain('<script');
    expect(chineseDate('20260105')).toBe('2026年1月5日');
  });
});
