import type { Issue, SheetGrid } from './model/types';
import { parseProfile } from './profile/profile';
import { excelRowOf, gridFromRecords, validRecord } from './testing/fixtures';
import { findTemplateSheets, validateTemplateSheets, validateWorkbook, type ValidateOptions } from './validate';
import { columnLetter } from './util/columns';
import { templateColumns } from './template/generations';

const TODAY = { today: '20261128' };

function run(grids: SheetGrid[], options: ValidateOptions & { sheet?: string } = {}) {
  const result = validateWorkbook(grids, { ...TODAY, ...options });
  if (!result.ok) throw new Error(`not validated: ${result.reason}`);
  return result.report;
}

const only = (issues: Issue[], rule: string) => issues.filter((issue) => issue.rule === rule);

describe('validateWorkbook on clean records', () => {
  it.each(['G1', 'G2', 'G3'] as const)('raises nothing on valid %s records', (generation) => {
    const records = Array.from({ length: 60 }, (_, i) => validRecord(i, generation));
    const report = run([gridFromRecords(generation, records, { titleRows: ['学士学位授予信息'], headerStyle: 'label' })]);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ ok: true, template: generation, category: '普通', headerRow: 2, rows: 60 });
  });

  it('detects 成人 from the adult exam column', () => {
    const records = Array.from({ length: 5 }, (_, i) => validRecord(i, 'G2', '成人'));
    const report = run([gridFromRecords('G2', records, { category: '成人' })]);
    expect(report.category).toBe('成人');
    expect(report.issues).toEqual([]);
  });
});

describe('unusable input', () => {
  it('says when no sheet looks like the template', () => {
    const grid: SheetGrid = { name: 'Sheet1', startRow: 1, startColumn: 0, values: [['a', 'b'], [1, 2]] };
    expect(validateWorkbook([grid])).toEqual({ ok: false, reason: 'noTemplate' });
  });

  it('says when the named sheet is missing or is not the template', () => {
    const grid = gridFromRecords('G2', [validRecord(0)]);
    expect(validateWorkbook([grid], { sheet: 'Nope' })).toEqual({ ok: false, reason: 'sheetNotFound', sheet: 'Nope' });
    const other: SheetGrid = { name: '说明', startRow: 1, startColumn: 0, values: [['说明']] };
    expect(validateWorkbook([grid, other], { sheet: '说明' })).toMatchObject({ ok: false, reason: 'notTemplate' });
  });
});

describe('sheet structure', () => {
  it('reports a missing required column once, not per row', () => {
    const grid = gridFromRecords('G2', [validRecord(0), validRecord(1)]);
    const zjhm = templateColumns('G2', '普通').findIndex((c) => c.code === 'ZJHM');
    for (const row of grid.values) row.splice(zjhm, 1);
    const issues = only(run([grid]).issues, 'header.missing');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'ZJHM', row: 1, column: null, severity: 'error' });
  });

  it('reports duplicate and unknown columns at the header row', () => {
    const grid = gridFromRecords('G2', [validRecord(0)]);
    grid.values[0].push('XM', '学院');
    grid.values[1].push('张三', '外国语学院');
    const report = run([grid]);
    const duplicate = only(report.issues, 'header.duplicate');
    expect(duplicate).toEqual([expect.objectContaining({ row: 1, column: columnLetter(40), field: 'XM' })]);
    expect(only(report.issues, 'header.unknown')).toEqual([expect.objectContaining({ row: 1, column: columnLetter(41), value: '学院' })]);
  });

  it('reports a blank row between records and never drops a record', () => {
    const grid = gridFromRecords('G2', [validRecord(0), validRecord(1)]);
    grid.values.splice(2, 0, []);
    grid.values.push([], []);
    const report = run([grid]);
    expect(report.rows).toBe(2);
    expect(only(report.issues, 'row.blank')).toEqual([expect.objectContaining({ row: 3, severity: 'info' })]);
  });

  it('warns about a template sheet without data', () => {
    expect(only(run([gridFromRecords('G2', [])]).issues, 'sheet.noData')).toHaveLength(1);
  });

  it('honours the sheet offset for row numbers and column letters', () => {
    const grid = { ...gridFromRecords('G2', [{ ...validRecord(0), XM: '' }]), startRow: 4, startColumn: 2 };
    expect(only(run([grid]).issues, 'field.required')[0]).toMatchObject({ row: 5, column: 'C', field: 'XM' });
  });
});

describe('field rules', () => {
  it('reports an empty required field at its row and column', () => {
    const records = [validRecord(0), { ...validRecord(1), XWZSBH: '' }];
    const issue = only(run([gridFromRecords('G2', records)]).issues, 'field.required')[0];
    const column = templateColumns('G2', '普通').findIndex((c) => c.code === 'XWZSBH');
    expect(issue).toMatchObject({ row: excelRowOf(1), column: columnLetter(column), field: 'XWZSBH', severity: 'error', value: '' });
  });

  it('requires 民族 and 政治面貌 to be empty for 来华留学', () => {
    const record = { ...validRecord(0), GBM: '392', GB: '日本', ZJLXM: '10', ZJLX: '护照', ZJHM: 'TR1234567', ZP: 'TR1234567' };
    const report = run([gridFromRecords('G2', [record], { category: '来华留学' })], { category: '来华留学' });
    expect(only(report.issues, 'field.mustBeEmpty').map((i) => i.field).sort()).toEqual(['MZ', 'MZM', 'ZZMM', 'ZZMMM']);
  });

  it('requires 政治面貌 of mainland Chinese only, not of 港澳台 residents', () => {
    const hongKong = { ...validRecord(0), GBM: '344', GB: '中国香港', ZZMMM: '', ZZMM: '' };
    const mainland = { ...validRecord(1), ZZMMM: '', ZZMM: '' };
    const issues = only(run([gridFromRecords('G2', [hongKong, mainland])]).issues, 'field.required');
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'ZZMMM'],
      [3, 'ZZMM'],
    ]);
  });

  it('counts characters, not UTF-16 units, against the maximum length', () => {
    const longName = '𠮷'.repeat(40);
    const report = run([gridFromRecords('G2', [{ ...validRecord(0), ZSZYMC: longName.slice(0, 80) }])]);
    expect(only(report.issues, 'field.tooLong')).toEqual([]);
    const tooLong = run([gridFromRecords('G2', [{ ...validRecord(0), ZSZYMC: '英'.repeat(61) }])]);
    expect(only(tooLong.issues, 'field.tooLong')[0]).toMatchObject({ field: 'ZSZYMC' });
    expect(only(tooLong.issues, 'field.tooLong')[0].message).toContain('61');
  });

  it('rejects impossible dates and proposes YYYYMMDD for hand-typed ones', () => {
    const report = run([gridFromRecords('G2', [{ ...validRecord(0), HXWRQ: '20230231' }, { ...validRecord(1), HXWRQ: '2023-06-20' }])]);
    const issues = only(report.issues, 'date.invalid');
    expect(issues.map((i) => [i.row, i.suggestion])).toEqual([
      [2, undefined],
      [3, '20230620'],
    ]);
  });

  it('rejects months outside 01–12', () => {
    const issue = only(run([gridFromRecords('G2', [{ ...validRecord(0), RXNY: '201913' }])]).issues, 'month.invalid')[0];
    expect(issue).toMatchObject({ field: 'RXNY', value: '201913' });
  });

  it('requires 5-digit unit codes', () => {
    const issue = only(run([gridFromRecords('G2', [{ ...validRecord(0), PYDWM: '1260' }])]).issues, 'field.digits')[0];
    expect(issue).toMatchObject({ field: 'PYDWM', severity: 'error' });
  });
});

describe('cell normalisation in the report', () => {
  it('shows the raw value and offers the cleaned one', () => {
    const grid = gridFromRecords('G2', [validRecord(0)]);
    grid.values[1][0] = ' 王小明';
    const issue = only(run([grid]).issues, 'cell.whitespace')[0];
    expect(issue).toMatchObject({ row: 2, column: 'A', field: 'XM', value: ' 王小明', suggestion: '王小明' });
  });

  it('flags an ID stored as a number', () => {
    const grid = gridFromRecords('G2', [validRecord(0)]);
    const column = templateColumns('G2', '普通').findIndex((c) => c.code === 'ZJHM');
    grid.values[1][column] = Number(validRecord(0).ZJHM.slice(0, 17) + '0');
    const issues = run([grid]).issues.filter((i) => i.field === 'ZJHM');
    // Reported once: the lost digits make every other ID check meaningless.
    expect(issues).toEqual([expect.objectContaining({ rule: 'cell.numberLostDigits', severity: 'error' })]);
  });
});

describe('several sheets', () => {
  it('validates every template sheet and sums rows and counts', () => {
    const a = gridFromRecords('G2', [validRecord(0), { ...validRecord(1), XM: '' }], { name: '外国语学院' });
    const b = gridFromRecords('G2', [validRecord(2)], { name: '商学院' });
    const report = run([a, b]);
    expect(report.rows).toBe(3);
    expect(report.sheets.map((s) => [s.sheet, s.rows, s.counts.error])).toEqual([
      ['外国语学院', 2, 1],
      ['商学院', 1, 0],
    ]);
    expect(report.ok).toBe(false);
  });
});

describe('options', () => {
  it('reports progress over the rows of all sheets', () => {
    const seen: [number, number][] = [];
    const a = gridFromRecords('G2', Array.from({ length: 1500 }, (_, i) => validRecord(i)), { name: 'A' });
    const b = gridFromRecords('G2', Array.from({ length: 700 }, (_, i) => validRecord(2000 + i)), { name: 'B' });
    run([a, b], { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [0, 2200],
      [1000, 2200],
      [1500, 2200],
      [2200, 2200],
    ]);
  });

  it('renders messages in English on request', () => {
    const report = run([gridFromRecords('G2', [{ ...validRecord(0), XM: '' }])], { locale: 'en-US' });
    expect(only(report.issues, 'field.required')[0].message).toBe('Name is required');
  });

  it('applies the profile’s severity overrides', () => {
    const parsed = parseProfile({ unitCode: '12608', unitName: '重庆外语外事学院', ruleSeverity: { 'field.required': 'warning' } });
    if (!parsed.ok) throw new Error(parsed.problems.join());
    const report = run([gridFromRecords('G2', [{ ...validRecord(0), XM: '' }])], { profile: parsed.profile });
    expect(only(report.issues, 'field.required')[0].severity).toBe('warning');
    expect(report.ok).toBe(true);
  });

  it('lets the caller override the detected generation and category', () => {
    const templates = findTemplateSheets([gridFromRecords('G2', [validRecord(0)])]);
    const report = validateTemplateSheets(templates, { ...TODAY, generation: 'G1', category: '成人' });
    expect(report).toMatchObject({ template: 'G1', category: '成人' });
    // G2's extra columns are outside the G1 template: reported once each, not per row.
    expect(only(report.issues, 'header.unknown').length).toBeGreaterThan(0);
  });
});
