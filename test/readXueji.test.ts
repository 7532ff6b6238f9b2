import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DBFFile } from 'dbffile';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeText, parseCsv, readXuejiSource } from '../src/node/readXueji';
import { WorkbookReadError } from '../src/node/workbookError';

const dir = mkdtempSync(path.join(tmpdir(), 'degree-xueji-'));
const HEADER = ['KSH', 'XH', 'XM', 'XB', 'CSRQ', 'SFZH', 'RXRQ', 'YJBYRQ', 'ZCZT'];
const ROW = ['19500101100000', '2019100000', '王小明', '男', '20000101', '50010120000101001X', '20190901', '20230630', '注册学籍'];

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside fields', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"f\ng",h\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['f\ng', 'h'],
    ]);
  });

  it('decodes UTF-8 with a BOM and GBK', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xbc, 0xa0]))).toBe('张');
    expect(decodeText(iconv.encode('张三', 'gbk'))).toBe('张三');
  });
});

describe('readXuejiSource', () => {
  it('reads a GBK CSV export', async () => {
    const file = path.join(dir, 'xueji.csv');
    writeFileSync(file, iconv.encode(`${HEADER.join(',')}\r\n${ROW.join(',')}\r\n`, 'gbk'));
    const [sheet] = await readXuejiSource(file);
    expect(sheet.records[0].values).toMatchObject({ XM: '王小明', SFZH: '50010120000101001X', ZCZT: '注册学籍' });
  });

  it('reads a named sheet of a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['学籍数据']);
    const sheet = workbook.addWorksheet('学籍');
    sheet.addRow(HEADER.map((h) => h.toLowerCase()));
    sheet.addRow(ROW);
    const file = path.join(dir, 'xueji.xlsx');
    await workbook.xlsx.writeFile(file);
    expect((await readXuejiSource(`${file}:学籍`))[0].records).toHaveLength(1);
    expect((await readXuejiSource(file)).map((s) => s.name)).toEqual(['学籍']);
    await expect(readXuejiSource(`${file}:说明`)).rejects.toThrow(WorkbookReadError);
  });

  it('reads a dBASE export in GBK', async () => {
    const file = path.join(dir, 'xueji.dbf');
    const dbf = await DBFFile.create(file, HEADER.map((name) => ({ name, type: 'C', size: 40 })), { encoding: 'gbk' });
    await dbf.appendRecords([Object.fromEntries(HEADER.map((h, i) => [h, ROW[i]]))]);
    const [sheet] = await readXuejiSource(file);
    expect(sheet.records[0].values).toMatchObject({ XM: '王小明', XB: '男' });
  });

  it('explains an .xls file and a missing file', async () => {
    await expect(readXuejiSource(path.join(dir, 'old.xls'))).rejects.toMatchObject({ code: 'notXlsx' });
    await expect(readXuejiSource(path.join(dir, 'none.csv'))).rejects.toMatchObject({ code: 'missing' });
  });
});
