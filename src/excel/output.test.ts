/**
 * Saving files from the pane on the simulator: the path chosen per platform (download on the web and Windows, a new
 * workbook on Mac, none for other files there), failures as messages, and rows written to a new sheet as text in
 * blocks that each stay under Excel on the web's 5 MB.
 */
import ExcelJS from 'exceljs';
import { installSimulator, type InstalledSimulator } from '../simulator/install';
import { workbookFromGrids } from '../simulator/load';
import type { SimWorkbook } from '../simulator/model';
import { PAYLOAD_LIMIT_BYTES, type Platform, type SimulatorOptions } from '../simulator/api';
import { freeSheetName, saveFile, savePathFor, setFileSaver, writeRowsToNewSheet } from './index';

let sim: InstalledSimulator | undefined;
function install(options?: SimulatorOptions, workbook: SimWorkbook = workbookFromGrids([{ name: '学位授予信息', startRow: 1, startColumn: 0, values: [['x']] }])): SimWorkbook {
  sim?.uninstall();
  sim = installSimulator(workbook, options);
  workbook.resetStats();
  return workbook;
}
afterEach(() => {
  sim?.uninstall();
  sim = undefined;
  setFileSaver();
});

let xlsx: Uint8Array;
beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('上报').addRow(['XM', 'ZJHM']);
  xlsx = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
});

const dbf = new Uint8Array([0x03, 0x7e, 0x0b, 0x1c]);

describe('saveFile chooses the path per platform', () => {
  it.each<[Platform | undefined, string, string]>([
    ['OfficeOnline', '12608_2026-2_学士学位授予信息.xlsx', 'download'],
    ['PC', '12608_2026-2_学士学位授予信息.xlsx', 'download'],
    ['PC', 'upload.dbf', 'download'],
    ['Mac', '12608_2026-2_学士学位授予信息.xlsx', 'newWorkbook'],
    ['iOS', 'publicity.xlsx', 'newWorkbook'],
    ['Mac', 'upload.dbf', 'none'],
    [undefined, 'upload.dbf', 'download'],
  ])('%s, %s → %s', (platform, name, path) => {
    expect(savePathFor(name, platform, true)).toBe(path);
  });

  it('needs ExcelApi 1.8 for a new workbook', () => {
    expect(savePathFor('a.xlsx', 'Mac', false)).toBe('none');
    install({ platform: 'Mac', apiVersion: '1.7' });
    expect(savePathFor('a.xlsx')).toBe('none');
    install({ platform: 'Mac', apiVersion: '1.8' });
    expect(savePathFor('a.xlsx')).toBe('newWorkbook');
  });

  it('downloads on the web and on Windows', async () => {
    for (const platform of ['OfficeOnline', 'PC'] as const) {
      install({ platform });
      const saved: [string, number, string][] = [];
      setFileSaver((name, bytes, mime) => void saved.push([name, bytes.length, mime]));
      const result = await saveFile('a.xlsx', xlsx);
      expect(result).toMatchObject({ path: 'download', platform });
      expect(saved).toEqual([['a.xlsx', xlsx.length, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']]);
      expect(sim!.host.createdWorkbooks).toEqual([]);
    }
  });

  it('records downloads with the simulator in the demo', async () => {
    install({ platform: 'OfficeOnline' });
    setFileSaver(sim!.recordDownload);
    await saveFile('manifest.json', new TextEncoder().encode('{}'));
    expect(sim!.host.downloads).toEqual([{ name: 'manifest.json', mime: 'application/json', bytes: new TextEncoder().encode('{}') }]);
  });

  it('opens an .xlsx as a new workbook on Mac (no download there), with the Save As instruction', async () => {
    install({ platform: 'Mac' });
    const download = jest.fn();
    setFileSaver(download);
    const result = await saveFile('12608_2026-2_学士学位授予信息.xlsx', xlsx);
    expect(result).toMatchObject({ path: 'newWorkbook', platform: 'Mac' });
    expect(result.message['zh-CN']).toMatch(/另存为/);
    expect(download).not.toHaveBeenCalled();
    expect(sim!.host.createdWorkbooks).toHaveLength(1);
    expect(sim!.host.createdWorkbooks[0].bytes).toEqual(xlsx);
    expect(sim!.host.createdWorkbooks[0].base64).toBe(Buffer.from(xlsx).toString('base64'));
  });

  it('has no way for a .dbf on Mac: says to write a new sheet', async () => {
    install({ platform: 'Mac' });
    const result = await saveFile('upload.dbf', dbf);
    expect(result.path).toBe('none');
    expect(result.message['en-US']).toMatch(/new sheet/);
    expect(sim!.host.createdWorkbooks).toEqual([]);
  });

  it('reports a failing createWorkbook or download as a message, never throwing', async () => {
    install({ platform: 'Mac', faults: { createWorkbook: 'GeneralException' } });
    expect(await saveFile('a.xlsx', xlsx)).toMatchObject({ path: 'none', error: 'GeneralException' });
    install({ platform: 'PC' });
    setFileSaver(() => {
      throw new Error('blocked');
    });
    expect(await saveFile('a.xlsx', xlsx)).toMatchObject({ path: 'none', error: 'blocked' });
  });

  it('takes the path the user prefers', async () => {
    install({ platform: 'PC' });
    expect(await saveFile('a.xlsx', xlsx, undefined, { prefer: 'newWorkbook' })).toMatchObject({ path: 'newWorkbook' });
    expect(sim!.host.createdWorkbooks).toHaveLength(1);
  });
});

describe('writeRowsToNewSheet', () => {
  it('writes every cell as text: IDs keep their digits, nothing becomes a formula or a date', async () => {
    const workbook = install();
    const rows = [
      ['XM', 'ZJHM', 'HXWRQ', 'BZ', 'XZ'],
      ['王小明', '110101200001011234', '20250620', '=1+1', 4],
    ];
    const result = await writeRowsToNewSheet('上报文件', rows);
    expect(result).toMatchObject({ sheet: '上报文件', rows: 2, blocks: 1 });
    const sheet = workbook.sheet('上报文件')!;
    expect([0, 1, 2, 3, 4].map((c) => sheet.value(1, c))).toEqual(['王小明', '110101200001011234', '20250620', '=1+1', '4']);
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.numberFormat(1, 1)).toBe('@');
    expect(workbook.activeSheet?.name).toBe('上报文件');
  });

  it('picks a free, valid sheet name', async () => {
    const workbook = install();
    await writeRowsToNewSheet('学位授予信息', [['a']]);
    await writeRowsToNewSheet('学位授予信息', [['a']], { activate: false });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['学位授予信息', '学位授予信息 (2)', '学位授予信息 (3)']);
    expect(freeSheetName('12608/2026:上报[1]', [])).toBe('12608_2026_上报_1_');
    expect(freeSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('splits 60,000 rows into blocks that each stay under 5 MB, one sync each', async () => {
    const workbook = install();
    const rows = [
      ['XM', 'ZJHM', 'XWZSBH', 'ZYMC', 'LWTM'],
      ...Array.from({ length: 60_000 }, (_, i) => [`学生${i}`, `1101012000${String(i).padStart(8, '0')}`, `1260842025${String(i).padStart(6, '0')}`, '商务英语', `论文题目之${i}`]),
    ];
    const result = await writeRowsToNewSheet('上报文件', rows);
    expect(result.blocks).toBeGreaterThan(1);
    const writes = workbook.stats.records.filter((r) => r.requestBytes > 1000);
    expect(writes).toHaveLength(result.blocks);
    for (const record of workbook.stats.records) {
      expect(record.error).toBeUndefined();
      expect(record.requestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    const total = writes.reduce((sum, r) => sum + r.requestBytes, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    const sheet = workbook.sheet('上报文件')!;
    expect(sheet.value(60_000, 1)).toBe('110101200000059999');
    expect(sheet.usedRect(true)).toEqual({ row: 0, column: 0, rows: 60_001, columns: 5 });
  });

  it('refuses a workbook whose structure is protected', async () => {
    const workbook = install();
    workbook.structureProtected = true;
    await expect(writeRowsToNewSheet('x', [['a']])).rejects.toMatchObject({ code: 'workbookProtected' });
  });
});
