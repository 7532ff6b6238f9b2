import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook, WorkbookReadError, type WorkbookReadErrorCode } from '../src/node/readWorkbook';
import type { SheetGrid } from '../src/core/model/types';
import { toExcelSerial } from '../src/core/normalise/excelDate';
import { detectHeader } from '../src/core/template/headers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'degree-data-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
async function roundTrip(build: (workbook: ExcelJS.Workbook) => void): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, `book${counter++}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return readWorkbook(file);
}

async function oneSheet(fill: (sheet: ExcelJS.Worksheet) => void): Promise<SheetGrid> {
  const [grid] = await roundTrip((workbook) => fill(workbook.addWorksheet('Sheet1')));
  return grid;
}

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('readWorkbook: cell values', () => {
  it('keeps strings, numbers and booleans with their value types', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = '01';
      sheet.getCell('B1').value = 123;
      sheet.getCell('C1').value = 1.5;
      sheet.getCell('D1').value = true;
      sheet.getCell('E1').value = 'line\nbreak';
    });
    expect(grid.values[0]).toEqual(['01', 123, 1.5, true, 'line\nbreak']);
    expect(grid.valueTypes![0]).toEqual(['String', 'Double', 'Double', 'Boolean', 'String']);
    expect(grid.numberFormats![0]).toEqual(['General', 'General', 'General', 'General', 'General']);
  });

  it('keeps a long number as Excel stored it (15 significant digits) with its number format', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = 110101200211074000;
      sheet.getCell('A1').numFmt = '0';
      sheet.getCell('B1').value = '500101200001011234';
      sheet.getCell('B1').numFmt = '@';
    });
    expect(grid.values[0]).toEqual([110101200211074000, '500101200001011234']);
    expect(grid.numberFormats![0]).toEqual(['0', '@']);
  });

  it('turns date cells into 1900-system serial numbers and keeps the date format', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = utc(2023, 6, 20);
      sheet.getCell('A1').numFmt = 'yyyy-mm-dd';
      sheet.getCell('B1').value = utc(2001, 5, 3);
      sheet.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('C1').value = utc(2023, 6, 20, 12);
      sheet.getCell('C1').numFmt = 'yyyy-mm-dd hh:mm';
    });
    expect(grid.values[0]).toEqual([toExcelSerial('20230620'), toExcelSerial('20010503'), toExcelSerial('20230620') + 0.5]);
    expect(grid.values[0][0]).toBe(45097);
    expect(grid.valueTypes![0]).toEqual(['Double', 'Double', 'Double']);
    expect(grid.numberFormats![0]).toEqual(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'yyyy-mm-dd hh:mm']);
  });

  it('reads the dates of a 1904-system workbook as 1900-system serials', async () => {
    const [grid] = await roundTrip((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('S');
      sheet.getCell('A1').value = utc(2023, 6, 20);
      sheet.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    expect(grid.values[0][0]).toBe(45097);
  });

  it('gives formulas their cached result, typed by the result', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = 2;
      sheet.getCell('B1').value = { formula: 'A1*2', result: 4 };
      sheet.getCell('C1').value = { formula: 'TEXT(A1,"00")', result: '02' };
      sheet.getCell('D1').value = { formula: 'VLOOKUP(A1,X:Y,2,0)', result: { error: '#N/A' } };
      sheet.getCell('E1').value = { formula: 'A1>1', result: true };
      sheet.getCell('F1').value = { formula: 'DATE(2023,6,20)', result: utc(2023, 6, 20) };
      sheet.getCell('F1').numFmt = 'yyyy/m/d';
      // Never calculated (written by a library): no cached result, read as empty.
      sheet.getCell('G1').value = { formula: 'A1+1' } as ExcelJS.CellFormulaValue;
      sheet.getCell('H1').value = 'end';
    });
    expect(grid.values[0]).toEqual([2, 4, '02', '#N/A', true, 45097, null, 'end']);
    expect(grid.valueTypes![0]).toEqual(['Double', 'Double', 'String', 'Error', 'Boolean', 'Double', 'Empty', 'String']);
    expect(grid.numberFormats![0][5]).toBe('yyyy/m/d');
  });

  it('gives shared formulas their cached result', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = 1;
      sheet.getCell('A2').value = 2;
      sheet.getCell('B1').value = { formula: 'A1*10', result: 10, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
      sheet.getCell('B2').value = { sharedFormula: 'B1', result: 20 } as ExcelJS.CellSharedFormulaValue;
    });
    expect(grid.values.map((row) => row[1])).toEqual([10, 20]);
  });

  it('reads error cells as their error text with the value type Error', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      sheet.getCell('B1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    });
    expect(grid.values[0]).toEqual(['#DIV/0!', '#REF!']);
    expect(grid.valueTypes![0]).toEqual(['Error', 'Error']);
  });

  it('flattens rich text and hyperlinks to their plain text', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = { richText: [{ text: '王' }, { text: '小明', font: { bold: true } }] };
      sheet.getCell('B1').value = { text: 'wang@example.edu.cn', hyperlink: 'mailto:wang@example.edu.cn' };
    });
    expect(grid.values[0]).toEqual(['王小明', 'wang@example.edu.cn']);
    expect(grid.valueTypes![0]).toEqual(['String', 'String']);
  });
});

describe('readWorkbook: sheet layout', () => {
  it('keeps title rows above the header, reads a merged title once, and finds the header row', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = '2023年学士学位授予信息';
      sheet.mergeCells('A1:E1');
      ['姓名(XM)', '身份证件号码(ZJHM)', '学位证书编号(XWZSBH)', '获学位日期(HXWRQ)', '学位类别码(XWLBM)'].forEach((header, i) => {
        sheet.getCell(2, i + 1).value = header;
      });
      sheet.getCell('A3').value = '王小明';
    });
    expect(grid.startRow).toBe(1);
    expect(grid.startColumn).toBe(0);
    expect(grid.values[0]).toEqual(['2023年学士学位授予信息', null, null, null, null]);
    expect(grid.valueTypes![0]).toEqual(['String', 'Empty', 'Empty', 'Empty', 'Empty']);
    expect(grid.values[2]).toEqual(['王小明', null, null, null, null]);
    const header = detectHeader(grid);
    expect(header?.excelRow).toBe(2);
    expect(header?.columns.get('ZJHM')).toBe(1);
  });

  it('is rectangular: every row has a value, a number format and a value type for every column', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('C2').value = 'x';
      sheet.getCell('A4').value = 1;
      sheet.getCell('E4').value = 'y';
    });
    expect(grid.values).toHaveLength(4);
    for (let r = 0; r < 4; r++) {
      expect(grid.values[r]).toHaveLength(5);
      expect(grid.numberFormats![r]).toHaveLength(5);
      expect(grid.valueTypes![r]).toHaveLength(5);
      expect(grid.numberFormats![r].every((format) => typeof format === 'string')).toBe(true);
      expect(grid.valueTypes![r].every((type) => typeof type === 'string')).toBe(true);
    }
    expect(grid.values[0]).toEqual([null, null, null, null, null]);
    expect(grid.values[1]).toEqual([null, null, 'x', null, null]);
    expect(grid.values[3]).toEqual([1, null, null, null, 'y']);
  });

  it('drops formatted but empty rows and columns after the data', async () => {
    const grid = await oneSheet((sheet) => {
      sheet.getCell('A1').value = 'x';
      for (let r = 2; r <= 50; r++) sheet.getCell(r, 3).numFmt = '@';
      sheet.getCell('F1').value = '';
    });
    expect(grid.values).toEqual([['x']]);
  });

  it('returns every worksheet in workbook order, empty ones included', async () => {
    const grids = await roundTrip((workbook) => {
      workbook.addWorksheet('说明').getCell('A1').value = '填表说明';
      workbook.addWorksheet('外语学院').getCell('A1').value = 'XM';
      workbook.addWorksheet('空表');
    });
    expect(grids.map((grid) => grid.name)).toEqual(['说明', '外语学院', '空表']);
    expect(grids[2].values).toEqual([]);
  });
});

describe('readWorkbook: unusable files', () => {
  async function failure(file: string): Promise<WorkbookReadError> {
    try {
      await readWorkbook(file);
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookReadError);
      return error as WorkbookReadError;
    }
    throw new Error(`${file} was read`);
  }

  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  async function validXlsx(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').getCell('A1').value = 'x';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const cases: [string, () => Promise<string> | string, WorkbookReadErrorCode][] = [
    ['a missing file', () => path.join(dir, 'nope.xlsx'), 'missing'],
    ['a directory', () => {
      const sub = path.join(dir, 'folder.xlsx');
      mkdirSync(sub, { recursive: true });
      return sub;
    }, 'missing'],
    ['a .csv file', () => write('data.csv', 'XM,ZJHM\n王小明,500101200001011234\n'), 'notXlsx'],
    ['an .xls file', () => write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'notXlsx'],
    ['an .xls saved as .xlsx', () => write('old-renamed.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'notXlsx'],
    ['a CSV saved as .xlsx', () => write('csv-renamed.xlsx', 'XM,ZJHM\n王小明,500101200001011234\n'), 'notXlsx'],
    ['an empty file', () => write('empty.xlsx', Buffer.alloc(0)), 'corrupt'],
    ['random bytes', () => write('random.xlsx', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))), 'corrupt'],
    ['a truncated workbook', async () => {
      const bytes = await validXlsx();
      return write('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    }, 'corrupt'],
  ];

  it.each(cases)('rejects %s', async (_name, makeFile, code) => {
    const file = await makeFile();
    const error = await failure(file);
    expect(error.code).toBe(code);
    // One line each, in Chinese and in English.
    expect(error.zh).toMatch(/\p{Script=Han}/u);
    expect(error.en).toMatch(/^[\x20-\x7e\u201c\u201d\u2019]*[A-Za-z][^\n]*$/);
    expect(error.message).not.toContain('\n');
  });

  it('never writes to the workbook it reads', async () => {
    const file = write('readonly.xlsx', await validXlsx());
    const before = { hash: createHash('sha256').update(readFileSync(file)).digest('hex'), mtime: statSync(file).mtimeMs };
    await readWorkbook(file);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before.hash);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
  });
});
