import * as XLSX from '@e965/xlsx';
import type { SheetGrid, ValidationReport } from '../model/types';
import { gridFromRecords, validRecord, type RecordValues } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { gbkEncoderFromTextDecoder } from './encoding';
import {
  batchOf,
  batchOfRecords,
  checkUploadValues,
  DEFAULT_FILE_PATTERN,
  FileNamePatternError,
  prepareExport,
  uploadFileName,
  uploadGroups,
  uploadRows,
  writeUploadXlsx,
  type PreparedExport,
} from './uploadFile';

const TODAY = '20260701';

function prepare(grids: SheetGrid[]): PreparedExport {
  const result = prepareExport(grids, { today: TODAY });
  if (!result.ok) throw new Error(`not prepared: ${result.reason}`);
  return result.prepared;
}

/** A sheet whose award date is an Excel date and whose degree code is a number: the cleaned text must be exported. */
function messyGrid(name: string, records: RecordValues[]): SheetGrid {
  const grid = gridFromRecords('G2', records, { name });
  const header = grid.values[0] as string[];
  const award = header.indexOf('HXWRQ');
  const degree = header.indexOf('XWLBM');
  grid.values[1][award] = 45097; // 2023-06-20
  grid.values[1][degree] = 405;
  grid.numberFormats = grid.values.map((row, r) => row.map((_, c) => (r === 1 && c === award ? 'yyyy-mm-dd' : r === 1 && c === degree ? 'General' : '@')));
  return grid;
}

/** Reads an .xlsx back with SheetJS: every cell with its type and number format. */
function readBack(bytes: Uint8Array) {
  const workbook = XLSX.read(bytes, { type: 'array', cellNF: true, dense: true, sheetStubs: true });
  expect(workbook.SheetNames).toHaveLength(1);
  const sheet = workbook.Sheets[workbook.SheetNames[0]];
  return (sheet['!data'] ?? []) as XLSX.CellObject[][];
}

describe('the .xlsx upload file', () => {
  const a = [0, 1, 2].map((i) => validRecord(i));
  const b = [3, 4].map((i) => validRecord(i));
  const prepared = prepare([messyGrid('外国语学院', a), gridFromRecords('G2', b, { name: '商学院' })]);
  const validated: Record<string, string>[] = [];
  prepareExport([messyGrid('外国语学院', a), gridFromRecords('G2', b, { name: '商学院' })], {
    today: TODAY,
    onRecord: (_sheet, record) => validated.push({ ...record.values }),
  });

  it('merges the 二级学院 sheets in sheet order into one group with no errors', () => {
    expect(prepared.report.counts.error).toBe(0);
    expect(prepared.groups).toHaveLength(1);
    expect(prepared.groups[0].sheets).toEqual(['外国语学院', '商学院']);
    expect(prepared.groups[0].records.map((r) => [r.sheet, r.excelRow])).toEqual([
      ['外国语学院', 2],
      ['外国语学院', 3],
      ['外国语学院', 4],
      ['商学院', 2],
      ['商学院', 3],
    ]);
  });

  it('reads back as exactly the validated values, in template order, every cell text with format @', () => {
    const columns = templateColumns('G2', '普通');
    const cells = readBack(writeUploadXlsx(prepared.groups[0], 'code'));
    expect(cells).toHaveLength(1 + validated.length);
    expect(cells[0].map((cell) => cell.v)).toEqual(columns.map((c) => c.code));
    cells.slice(1).forEach((row, r) => {
      const values = columns.map((_, c) => (row[c]?.v as string | undefined) ?? '');
      expect(values).toEqual(columns.map((column) => validated[r][column.code]));
      for (let c = 0; c < columns.length; c++) {
        const cell = row[c];
        expect(cell?.z).toBe('@');
        if (values[c] !== '') expect(cell?.t).toBe('s');
      }
    });
    // The Excel date and the number were exported as their cleaned text.
    expect(cells[1][columns.findIndex((c) => c.code === 'HXWRQ')].v).toBe('20230620');
    expect(cells[1][columns.findIndex((c) => c.code === 'XWLBM')].v).toBe('405');
    expect(cells[1][columns.findIndex((c) => c.code === 'ZJHM')].v).toBe(a[0].ZJHM);
  });

  it('builds the header in either style', () => {
    const [codes] = uploadRows(prepared.groups[0], 'code');
    const [labels] = uploadRows(prepared.groups[0], 'label');
    expect(codes.slice(0, 3)).toEqual(['XM', 'XMPY', 'XBM']);
    expect(labels.slice(0, 3)).toEqual(['姓名(XM)', '姓名拼音(XMPY)', '性别码(XBM)']);
  });

  it('keeps 普通 and 成人 sheets apart: one group per template and category, with the category’s columns', () => {
    const adult = gridFromRecords('G2', [5, 6].map((i) => validRecord(i, 'G2', '成人')), { name: '继续教育学院', category: '成人' });
    const both = prepare([gridFromRecords('G2', a, { name: '外国语学院' }), adult]);
    expect(both.groups.map((g) => [g.category, g.sheets, g.records.length])).toEqual([
      ['普通', ['外国语学院'], 3],
      ['成人', ['继续教育学院'], 2],
    ]);
    expect(uploadRows(both.groups[1])[0]).toContain('WYKSNY');
    expect(uploadRows(both.groups[0])[0]).not.toContain('WYKSNY');
  });
});

describe('values the target file cannot hold', () => {
  const gbk = gbkEncoderFromTextDecoder();

  it('reports a GB18030-only character at its row before a GBK export, never a “?”', () => {
    const records = [validRecord(0, 'G1'), { ...validRecord(1, 'G1'), XM: '张𠮷' }];
    const prepared = prepare([gridFromRecords('G1', records)]);
    const name = prepared.records[1].values.XM;
    expect(name).toBe('张𠮷');
    const issues = checkUploadValues(prepared.groups[0], { format: 'dbf', encoder: gbk }, prepared.columnOf);
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'export.unencodable', severity: 'error', sheet: '学位授予信息', row: 3, column: 'A', field: 'XM', value: '张𠮷' }),
    ]);
    expect(issues[0].message).toContain('U+20BB7');
    expect(issues[0].message).toContain('GBK');
    const english = checkUploadValues(prepared.groups[0], { format: 'dbf', encoder: gbk, locale: 'en-US' });
    expect(english[0].message).toMatch(/cannot be encoded in GBK/);
  });

  it('reports a value longer in GBK bytes than its .dbf field', () => {
    const long = '汉'.repeat(31); // 31 characters pass the 60-character limit, but take 62 bytes
    const prepared = prepare([gridFromRecords('G1', [{ ...validRecord(0, 'G1'), ZSZYMC: long }])]);
    expect(prepared.report.counts.error).toBe(0);
    const issues = checkUploadValues(prepared.groups[0], { format: 'dbf', encoder: gbk }, prepared.columnOf);
    expect(issues).toEqual([expect.objectContaining({ rule: 'export.tooLongForDbf', row: 2, field: 'ZSZYMC' })]);
    expect(issues[0].message).toContain('62');
    expect(checkUploadValues(prepared.groups[0], { format: 'xlsx' })).toEqual([]);
  });

  it('finds nothing in clean data', () => {
    const prepared = prepare([gridFromRecords('G1', [0, 1, 2].map((i) => validRecord(i, 'G1')))]);
    expect(checkUploadValues(prepared.groups[0], { format: 'dbf', encoder: gbk })).toEqual([]);
  });
});

describe('年度批次 and the file name', () => {
  it('names the batch by the year the school year ends: Sep–Feb batch 1, Mar–Aug batch 2', () => {
    expect(batchOf('20251220')).toBe('2026-1');
    expect(batchOf('20260110')).toBe('2026-1');
    expect(batchOf('20260228')).toBe('2026-1');
    expect(batchOf('20260301')).toBe('2026-2');
    expect(batchOf('20260620')).toBe('2026-2');
    expect(batchOf('20260831')).toBe('2026-2');
    expect(batchOf('20260901')).toBe('2027-1');
    expect(batchOf('')).toBeUndefined();
  });

  it('takes the batch of the latest award date and lists all batches', () => {
    const records = ['20260110', '20260620'].map((date, i) => ({ sheet: 'S', excelRow: i + 2, values: { HXWRQ: date } }));
    expect(batchOfRecords(records)).toEqual({ batch: '2026-2', batches: ['2026-1', '2026-2'] });
  });

  const fields = { unitCode: '12608', unitName: '重庆外语外事学院', batch: '2026-2', category: '普通', generation: 'G3', today: '20260701' } as const;

  it('follows the default pattern', () => {
    expect(uploadFileName(DEFAULT_FILE_PATTERN, fields, 'xlsx')).toBe('12608_2026-2_学士学位授予信息.xlsx');
    expect(uploadFileName(DEFAULT_FILE_PATTERN, fields, 'dbf')).toBe('12608_2026-2_学士学位授予信息.dbf');
  });

  it('takes Chinese or English placeholders, keeps a given extension and replaces characters file systems refuse', () => {
    expect(uploadFileName('上传学位网_{unit}_{类别}_{template}_{日期}.xlsx', fields, 'xlsx')).toBe('上传学位网_12608_普通_G3_20260701.xlsx');
    expect(uploadFileName('{单位名称}:{batch}', fields, 'xlsx')).toBe('重庆外语外事学院_2026-2.xlsx');
  });

  it('refuses an unknown placeholder', () => {
    expect(() => uploadFileName('{学院}_{年度批次}', fields, 'xlsx')).toThrow(FileNamePatternError);
  });
});

describe('uploadGroups', () => {
  const summary = (sheet: string, template: 'G2' | 'G3', rows: number) =>
    ({ sheet, template, category: '普通', headerRow: 1, rows, counts: { error: 0, warning: 0, info: 0 } }) as const;

  it('makes one group per template and category, sheets merged in sheet order, and copes with very large sheets', () => {
    const sizes = { 外语学院: 150_000, 商学院: 3, 国际学院: 2 };
    const records = Object.entries(sizes).flatMap(([sheet, rows]) =>
      Array.from({ length: rows }, (_, i) => ({ sheet, excelRow: i + 2, values: { XM: `${sheet}${i}` } })),
    );
    const report = { sheets: [summary('外语学院', 'G2', 150_000), summary('国际学院', 'G3', 2), summary('商学院', 'G2', 3)] } as unknown as ValidationReport;
    const groups = uploadGroups(report, records);
    expect(groups.map((g) => [g.generation, g.sheets])).toEqual([
      ['G2', ['外语学院', '商学院']],
      ['G3', ['国际学院']],
    ]);
    expect(groups[0].records).toHaveLength(150_003);
    expect(groups[0].records[150_000]).toMatchObject({ sheet: '商学院', excelRow: 2 });
    expect(groups[1].records.map((r) => r.excelRow)).toEqual([2, 3]);
  });
});
