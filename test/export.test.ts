/**
 * The upload file read back by other programs: the .dbf with dbffile and GBK decoding, the .xlsx with ExcelJS.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DBFFile } from 'dbffile';
import ExcelJS from 'exceljs';
import { gbkEncoderFromTextDecoder } from '../src/core/export/encoding';
import { checkUploadValues, prepareExport, writeUploadDbf, writeUploadXlsx, type PreparedExport } from '../src/core/export/uploadFile';
import type { SheetGrid } from '../src/core/model/types';
import { gridFromRecords, validRecord } from '../src/core/testing/fixtures';
import { templateColumns } from '../src/core/template/generations';
import { gbkEncoder } from '../src/node/gbkEncoder';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'degree-data-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function prepare(grids: SheetGrid[]): PreparedExport {
  const result = prepareExport(grids, { today: '20260701' });
  if (!result.ok) throw new Error(result.reason);
  return result.prepared;
}

describe('the G1 .dbf upload file', () => {
  const records = [0, 1, 2, 3].map((i) => validRecord(i, 'G1'));
  records[1] = { ...records[1], XM: '阿依古丽·买买提', BZ: '少数民族姓名；备注含“引号”' };
  records[2] = { ...records[2], ZSZYMC: '英语（商务方向）' };
  const prepared = prepare([gridFromRecords('G1', records.slice(0, 2), { name: '外国语学院' }), gridFromRecords('G1', records.slice(2), { name: '商学院' })]);
  const group = prepared.groups[0];
  const columns = templateColumns('G1', '普通');

  it('reads back with dbffile and GBK decoding as the same strings, fields as the template’s columns and byte lengths', async () => {
    expect(prepared.report.counts.error).toBe(0);
    expect(checkUploadValues(group, { format: 'dbf', encoder: gbkEncoder() })).toEqual([]);
    const file = path.join(dir, 'upload.dbf');
    writeFileSync(file, writeUploadDbf(group, gbkEncoder(), '20260705'));
    const dbf = await DBFFile.open(file, { encoding: 'gbk' });
    expect(dbf.recordCount).toBe(4);
    expect(dbf.fields.map((f) => [f.name, f.type, f.size])).toEqual(columns.map((c) => [c.code.toLowerCase(), 'C', c.definition.maxLength]));
    const rows = await dbf.readRecords();
    rows.forEach((row, r) => {
      for (const column of columns) expect([column.code, row[column.code.toLowerCase()] ?? '']).toEqual([column.code, group.records[r].values[column.code]]);
    });
    expect(rows[1].xm).toBe('阿依古丽·买买提');
  });

  it('is byte for byte the same with the browser’s GBK table and with iconv-lite', () => {
    expect(writeUploadDbf(group, gbkEncoderFromTextDecoder(), '20260705')).toEqual(writeUploadDbf(group, gbkEncoder(), '20260705'));
  });

  it('reports 𠮷 (GB18030 only) and 䶮 (not in code page 936) before export, with either encoder', () => {
    const rare = prepare([gridFromRecords('G1', [validRecord(0, 'G1'), { ...validRecord(1, 'G1'), XM: '吉𠮷' }, { ...validRecord(2, 'G1'), XM: '刘䶮' }])]);
    for (const encoder of [gbkEncoder(), gbkEncoderFromTextDecoder()]) {
      const issues = checkUploadValues(rare.groups[0], { format: 'dbf', encoder }, rare.columnOf);
      expect(issues.map((i) => [i.rule, i.row, i.column, i.value])).toEqual([
        ['export.unencodable', 3, 'A', '吉𠮷'],
        ['export.unencodable', 4, 'A', '刘䶮'],
      ]);
    }
    expect(() => writeUploadDbf(rare.groups[0], gbkEncoder())).toThrow(/cannot be encoded/);
  });

  it('exists for G1 only', () => {
    const g2 = prepare([gridFromRecords('G2', [validRecord(0)])]);
    expect(() => writeUploadDbf(g2.groups[0], gbkEncoder())).toThrow(/G1/);
  });
});

describe('the .xlsx upload file read by ExcelJS', () => {
  it('holds strings only, with number format @, in template order', async () => {
    const records = [0, 1, 2].map((i) => validRecord(i, 'G3'));
    const prepared = prepare([gridFromRecords('G3', records)]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(writeUploadXlsx(prepared.groups[0], 'label') as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0];
    const columns = templateColumns('G3', '普通');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => `${c.definition.label}(${c.code})`));
    prepared.records.forEach((record, r) => {
      const row = sheet.getRow(r + 2);
      columns.forEach((column, c) => {
        const cell = row.getCell(c + 1);
        expect(cell.numFmt).toBe('@');
        const expected = record.values[column.code];
        if (expected === '') expect(cell.value).toBeNull();
        else expect(cell.value).toBe(expected);
      });
    });
  });
});
