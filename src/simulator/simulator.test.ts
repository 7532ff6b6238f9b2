/// <reference types="office-js" />
import ExcelJS from 'exceljs';
import { installSimulator, type InstalledSimulator } from './install';
import { workbookFromGrids, workbookFromXlsx } from './load';
import { workbookToXlsx } from './save';
import { SimWorkbook } from './model';
import { PAYLOAD_LIMIT_BYTES, type SimulatorOptions } from './api';

let sim: InstalledSimulator | undefined;

function install(workbook: SimWorkbook, options?: SimulatorOptions): InstalledSimulator {
  sim?.uninstall();
  sim = installSimulator(workbook, options);
  return sim;
}

afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

function sample(): SimWorkbook {
  return workbookFromGrids([
    {
      name: 'Data',
      startRow: 1,
      startColumn: 0,
      values: [
        ['姓名', '身份证件号码', '出生日期'],
        ['王小明', '11010120000101123X', 36892],
        ['李晓红', '110101200002021234', 36923],
      ],
      numberFormats: [[], ['General', '@', 'yyyy-mm-dd'], ['General', '@', 'yyyy-mm-dd']],
    },
    { name: 'Other', startRow: 3, startColumn: 2, values: [['x']] },
  ]);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('proxy semantics', () => {
  it('throws PropertyNotLoaded before load and before sync, like Office.js', async () => {
    install(sample());
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:C3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
      range.load('values');
      expect(() => range.values).toThrow(/call the load method on the containing object and call "context.sync\(\)"/);
      await context.sync();
      expect(range.values[1]).toEqual(['王小明', '11010120000101123X', 36892]);
      // Only what was loaded is readable.
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('accepts the string, array and object forms of load', async () => {
    install(sample());
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const a = sheet.getRange('B2').load('address, values');
      const b = sheet.getRange('B2').load(['rowIndex', 'columnIndex']);
      const c = sheet.getRange('B2').load({ select: 'numberFormat', expand: 'format/fill' });
      const d = sheet.getRange('B2').load({ text: true, format: { fill: { color: true } } } as Excel.Interfaces.RangeLoadOptions);
      const e = sheet.load();
      await context.sync();
      expect(a.address).toBe('Data!B2');
      expect(a.values).toEqual([['11010120000101123X']]);
      expect([b.rowIndex, b.columnIndex]).toEqual([1, 1]);
      expect(c.numberFormat).toEqual([['@']]);
      expect(c.format.fill.color).toBe('#FFFFFF');
      expect(d.text).toEqual([['11010120000101123X']]);
      expect(d.format.fill.color).toBe('#FFFFFF');
      expect(e.name).toBe('Data');
      expect(e.visibility).toBe('Visible');
    });
  });

  it('loads collection items and their properties', async () => {
    install(sample());
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name, items/visibility');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['Data', 'Visible'],
        ['Other', 'Visible'],
      ]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('gives null objects from *OrNullObject and ItemNotFound from getItem', async () => {
    install(sample());
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem('Nope').load('name');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
  });

  it('delivers ClientResult values after the sync only', async () => {
    install(sample());
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  it('requires the batch to return a promise', async () => {
    install(sample());
    expect(await codeOf(Excel.run((() => undefined) as unknown as () => Promise<void>))).toBe('RunMustReturnPromise');
  });

  it('flushes queued commands when the batch ends', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1').values = [['auto']];
    });
    expect(workbook.sheet('Other')!.value(0, 0)).toBe('auto');
    expect(workbook.stats.syncs).toBe(1);
  });
});

describe('cells', () => {
  it('stores written input as Excel does: numbers from numeric text unless the cell is Text, formulas, null unchanged', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other');
      sheet.getRange('A1:A2').numberFormat = [['@'], ['General']];
      sheet.getRange('A1:D2').values = [
        ['0123', '=HYPERLINK("#Data!A1","跳转")', true, 'text'],
        ['110101200001011234', null, '', 'TRUE'],
      ];
      await context.sync();
      const range = sheet.getRange('A1:D2').load('values, valueTypes, formulas, text');
      await context.sync();
      expect(range.values).toEqual([
        ['0123', '跳转', true, 'text'],
        [110101200001011000, '', '', true],
      ]);
      expect(range.valueTypes).toEqual([
        ['String', 'String', 'Boolean', 'String'],
        ['Double', 'Empty', 'Empty', 'Boolean'],
      ]);
      expect(range.formulas[0][1]).toBe('=HYPERLINK("#Data!A1","跳转")');
      expect(range.text[1][0]).toBe('1.10101E+17');
    });
  });

  it('rejects arrays that do not match the range', async () => {
    install(sample());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1:B1').values = [['only one']];
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });

  it('reports used ranges with and without formats; a blank sheet has A1 or a null object', async () => {
    const workbook = sample();
    workbook.sheet('Other')!.setFill(9, 9, { pattern: 'Solid', color: '#FFFF00', patternColor: null });
    workbook.addSheet('Blank');
    install(workbook);
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.getItem('Other');
      const values = other.getUsedRange(true).load('address');
      const all = other.getUsedRange().load('address');
      const blank = context.workbook.worksheets.getItem('Blank').getUsedRange().load('address');
      const blankOrNull = context.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true);
      await context.sync();
      expect(values.address).toBe('Other!C3');
      expect(all.address).toBe('Other!C3:J10');
      expect(blank.address).toBe('Blank!A1');
      expect(blankOrNull.isNullObject).toBe(true);
    });
  });

  it('navigates ranges: getCell, getResizedRange, getRangeByIndexes, getRow', async () => {
    install(sample());
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const used = sheet.getUsedRange(true);
      const top = used.getRow(0).getResizedRange(9, 0).load('address');
      const cell = used.getCell(2, 1).load('address, values');
      const block = sheet.getRangeByIndexes(1, 0, 2, 3).load('address, rowCount, columnCount, cellCount');
      await context.sync();
      expect(top.address).toBe('Data!A1:C10');
      expect(cell.address).toBe('Data!B3');
      expect(block.address).toBe('Data!A2:C3');
      expect([block.rowCount, block.columnCount, block.cellCount]).toEqual([2, 3, 6]);
    });
  });

  it('finds formula cells with getSpecialCellsOrNullObject', async () => {
    const workbook = sample();
    const data = workbook.sheet('Data')!;
    data.setFormula(1, 2, '=DATE(2001,1,1)', 36892);
    data.setFormula(2, 2, '=DATE(2001,2,1)', 36923);
    install(workbook);
    await Excel.run(async (context) => {
      const formulas = context.workbook.worksheets.getItem('Data').getUsedRange().getSpecialCellsOrNullObject('Formulas');
      formulas.load('address, cellCount');
      const none = context.workbook.worksheets.getItem('Other').getUsedRange().getSpecialCellsOrNullObject('Formulas');
      await context.sync();
      expect(formulas.address).toBe('Data!C2:C3');
      expect(formulas.cellCount).toBe(2);
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe('formats', () => {
  it('reads fills as Excel does: #FFFFFF and pattern None for no fill, null when mixed', async () => {
    const workbook = sample();
    workbook.sheet('Data')!.setFill(1, 0, { pattern: 'Solid', color: '#FFFF00', patternColor: null });
    install(workbook);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const none = sheet.getRange('B2').format.fill.load('color, pattern');
      const yellow = sheet.getRange('A2').format.fill.load('color, pattern');
      const mixed = sheet.getRange('A2:B2').format.fill.load('color, pattern');
      const props = sheet.getRange('A2:B2').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      expect([none.color, none.pattern]).toEqual(['#FFFFFF', 'None']);
      expect([yellow.color, yellow.pattern]).toEqual(['#FFFF00', 'Solid']);
      expect([mixed.color, mixed.pattern]).toEqual([null, null]);
      expect(props.value[0].map((p) => p.format?.fill)).toEqual([
        { color: '#FFFF00', pattern: 'Solid' },
        { color: '#FFFFFF', pattern: 'None' },
      ]);
    });
  });

  it('fills and clears RangeAreas from an address list', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Data').getRanges('A1:B2, C3');
      areas.format.fill.color = 'orange';
      areas.load('address, areaCount, cellCount');
      await context.sync();
      expect(areas.address).toBe('Data!A1:B2,Data!C3');
      expect([areas.areaCount, areas.cellCount]).toEqual([2, 5]);
      expect(workbook.sheet('Data')!.fills.size).toBe(5);
      expect(workbook.sheet('Data')!.fill(2, 2)?.color).toBe('#FFA500');
      context.workbook.worksheets.getItem('Data').getRanges('A1:B2').format.fill.clear();
      await context.sync();
      expect(workbook.sheet('Data')!.fills.size).toBe(1);
    });
  });

  it('rejects address lists longer than Excel accepts', async () => {
    install(sample());
    const list = Array.from({ length: 1500 }, (_, i) => `A${i + 1}`).join(', ');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRanges(list).format.fill.color = '#FF0000';
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });
});

describe('sheets', () => {
  it('supports VeryHidden sheets, which cannot be deleted until made visible', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      const memory = context.workbook.worksheets.add('_memory');
      memory.visibility = 'VeryHidden';
      await context.sync();
      memory.delete();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
      memory.visibility = 'Hidden';
      memory.delete();
      await context.sync();
    });
    expect(workbook.sheet('_memory')).toBeUndefined();
  });

  it('keeps one sheet visible', async () => {
    const workbook = workbookFromGrids([{ name: 'Only', startRow: 1, startColumn: 0, values: [['a']] }]);
    install(workbook);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Only').visibility = 'Hidden';
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
  });

  it('refuses writes to a protected sheet and protect() on a protected one', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.protection.protect();
      await context.sync();
      sheet.getRange('A1').format.fill.color = '#FF0000';
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.protection.protect();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
      sheet.protection.load('protected');
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
      sheet.protection.unprotect();
      sheet.getRange('A1').format.fill.color = '#FF0000';
      await context.sync();
    });
    expect(workbook.sheet('Data')!.fill(0, 0)?.color).toBe('#FF0000');
  });

  it('moves the selection and the active sheet', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.getItem('Other');
      other.activate();
      other.getRange('D7').select();
      const selected = context.workbook.getSelectedRange().load('address');
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      expect(selected.address).toBe('Other!D7');
      expect(active.name).toBe('Other');
    });
  });

  it('adds tables and lists them', async () => {
    const workbook = sample();
    install(workbook);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const table = sheet.tables.add('A1:C3', true);
      table.name = 'Degrees';
      sheet.tables.load('items/name');
      const body = table.getDataBodyRange().load('address');
      await context.sync();
      expect(sheet.tables.items.map((t) => t.name)).toEqual(['Degrees']);
      expect(body.address).toBe('Data!A2:C3');
    });
  });
});

describe('requirement sets', () => {
  it('answers isSetSupported from the simulated version and gates notes (ExcelApi 1.18)', async () => {
    const workbook = sample();
    install(workbook, { apiVersion: '1.9' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').notes.add('A1', 'hello');
      expect(await codeOf(context.sync())).toBe('ApiNotFound');
    });
    install(workbook, { apiVersion: '1.18' });
    await Excel.run(async (context) => {
      const notes = context.workbook.worksheets.getItem('Data').notes;
      notes.add('A1', 'hello');
      await context.sync();
      const note = notes.getItemOrNullObject('A1').load('content');
      const missing = notes.getItemOrNullObject('B1');
      await context.sync();
      expect(note.content).toBe('hello');
      expect(missing.isNullObject).toBe(true);
      note.delete();
      await context.sync();
    });
    expect(workbook.sheet('Data')!.notes.size).toBe(0);
  });

  it('runs Office.onReady', async () => {
    install(sample());
    const info = await Office.onReady();
    expect(info.host).toBe(Office.HostType.Excel);
  });
});

describe('payload accounting', () => {
  it('counts syncs and the JSON bytes each one carries', async () => {
    const workbook = sample();
    install(workbook);
    workbook.resetStats();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1:B1').values = [['ab', 'cd']];
      await context.sync();
      context.workbook.worksheets.getItem('Data').getRange('A2').load('values');
      await context.sync();
    });
    expect(workbook.stats.syncs).toBe(2);
    expect(workbook.stats.records[0].requestBytes).toBe(JSON.stringify([['ab', 'cd']]).length);
    expect(workbook.stats.records[1].responseBytes).toBe(Buffer.byteLength(JSON.stringify({ values: [['王小明']] })));
  });

  it('fails a request over 5 MB without changing anything, and a response over 5 MB', async () => {
    const workbook = sample();
    install(workbook);
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1:A60000').values = big;
      const error = await context.sync().catch((e: unknown) => e as { code: string; message: string });
      expect(error).toEqual(expect.objectContaining({ code: 'RequestPayloadSizeLimitExceeded' }));
      expect((error as { message: string }).message).toMatch(/request payload size has exceeded the limit/);
    });
    expect(workbook.sheet('Other')!.value(0, 0)).toBeNull();
    expect(workbook.stats.records.at(-1)!.requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);

    // On desktop there is no such limit.
    install(workbook, { platform: 'PC' });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1:A60000').values = big;
      await context.sync();
    });
    install(workbook);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1:A60000').load('values');
      expect(await codeOf(context.sync())).toBe('ResponsePayloadSizeLimitExceeded');
    });
  });
});

describe('loading .xlsx', () => {
  it('reads values, formulas, formats, fills, merges, hidden rows, notes and sheet states', async () => {
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet('学位');
    sheet.addRow(['学位授予信息']);
    sheet.addRow(['姓名', '出生日期', '证件号码']);
    sheet.addRow(['王小明', new Date(Date.UTC(2001, 0, 1)), '11010120000101123X']);
    sheet.addRow(['李晓红', { formula: 'DATE(2001,2,1)', result: new Date(Date.UTC(2001, 1, 1)) }, '110101200002021234']);
    sheet.getCell('B3').numFmt = 'yyyy-mm-dd';
    sheet.getCell('C3').numFmt = '@';
    sheet.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    sheet.getCell('A3').note = '原有批注';
    sheet.mergeCells('A1:C1');
    sheet.getRow(4).hidden = true;
    source.addWorksheet('隐藏', { state: 'veryHidden' });
    const buffer = await source.xlsx.writeBuffer();

    const workbook = await workbookFromXlsx(new Uint8Array(buffer as ArrayBuffer));
    install(workbook);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('学位');
      const used = ws.getUsedRange(true).load('address, values, numberFormat, formulas, rowHidden');
      const fill = ws.getRange('A3').format.fill.load('color');
      const merged = ws.getRange('A1:C2').getMergedAreasOrNullObject().load('address');
      const hidden = context.workbook.worksheets.getItem('隐藏').load('visibility');
      const note = ws.notes.getItem('A3').load('content');
      await context.sync();
      expect(used.address).toBe('学位!A1:C4');
      expect(used.values[2]).toEqual(['王小明', 36892, '11010120000101123X']);
      expect(used.values[3][1]).toBe(36923);
      expect(used.formulas[3][1]).toBe('=DATE(2001,2,1)');
      expect(used.numberFormat[2]).toEqual(['General', 'yyyy-mm-dd', '@']);
      expect(used.rowHidden).toBeNull();
      expect(fill.color).toBe('#FFFF00');
      expect(merged.address).toBe('学位!A1:C1');
      expect(hidden.visibility).toBe('VeryHidden');
      expect(note.content).toBe('原有批注');
    });
  });
});

describe('cell locking and protection faults', () => {
  it('lets a protected sheet take values in unlocked cells only; locking changes only while unprotected', async () => {
    const workbook = install(sample()).workbook;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other');
      sheet.getRange('A:B').format.protection.locked = false;
      sheet.protection.protect({ allowFormatCells: true });
      await context.sync();
      sheet.getRange('A5:B5').numberFormat = [['@', '@']];
      sheet.getRange('A5:B5').values = [['1', '2']];
      await context.sync();
      const states = [sheet.getRange('A1:B9'), sheet.getRange('A1:C1'), sheet.getRange('D4')].map((r) => r.format.protection.load('locked'));
      await context.sync();
      expect(states.map((s) => s.locked)).toEqual([false, null, true]);
      sheet.getRange('C5').values = [['x']];
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.getRange('A5').format.protection.locked = true;
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.getRange('A5:B5').clear('Contents');
      await context.sync();
    });
    const other = workbook.sheet('Other')!;
    expect(other.value(4, 0)).toBeNull();
    expect(other.numberFormat(4, 1)).toBe('@');
  });

  it('fails protect, unprotect and visibility as configured (AccessDenied on some builds)', async () => {
    const installed = install(sample(), { faults: { protect: 'AccessDenied' } });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').protection.protect();
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      installed.host.faults.protect = undefined;
      installed.host.faults.unprotect = 'AccessDenied';
      context.workbook.worksheets.getItem('Data').protection.protect();
      await context.sync();
      context.workbook.worksheets.getItem('Data').protection.unprotect();
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      installed.host.faults.visibility = 'AccessDenied';
      context.workbook.worksheets.getItem('Other').visibility = 'Hidden';
      expect(await codeOf(context.sync())).toBe('AccessDenied');
    });
    expect(installed.workbook.sheet('Data')!.protection.protected).toBe(true);
    expect(installed.workbook.sheet('Other')!.visibility).toBe('Visible');
  });
});

describe('Excel.createWorkbook', () => {
  it('records the workbook opened from base64 (ExcelApi 1.8), refusing what is no .xlsx', async () => {
    const installed = install(sample());
    const bytes = await workbookToXlsx(sample());
    const base64 = Buffer.from(bytes).toString('base64');
    await Excel.createWorkbook(base64);
    expect(installed.host.createdWorkbooks).toEqual([{ base64, bytes: new Uint8Array(bytes) }]);
    expect(await codeOf(Excel.createWorkbook(Buffer.from('a,b').toString('base64')))).toBe('InvalidArgument');
    install(sample(), { apiVersion: '1.7' });
    expect(await codeOf(Excel.createWorkbook(base64))).toBe('ApiNotFound');
  });
});

describe('writing .xlsx', () => {
  it('saves what loading reads back: values, formulas, formats, fills, notes, states, protection, unlocked cells', async () => {
    const workbook = sample();
    const data = workbook.sheet('Data')!;
    data.setFormula(3, 0, '=HYPERLINK("#A1","A1")', 'A1');
    data.setFill(1, 0, { pattern: 'Solid', color: '#FFC7CE', patternColor: null });
    data.notes.set(2 * 16_384, { content: '批注', authorName: '' });
    data.hiddenRows.add(2);
    const hidden = workbook.addSheet('_dd_audit');
    hidden.setValue(0, 0, 'seq');
    hidden.setNumberFormat(1, 0, '@');
    hidden.setValue(1, 0, '1');
    hidden.setLocked({ row: 0, column: 0, rows: 1_048_576, columns: 2 }, false);
    hidden.visibility = 'VeryHidden';
    hidden.protection.protected = true;
    hidden.protection.options.allowFormatCells = true;

    const back = await workbookFromXlsx(await workbookToXlsx(workbook));
    expect(back.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Data', 'Visible'],
      ['Other', 'Visible'],
      ['_dd_audit', 'VeryHidden'],
    ]);
    const d = back.sheet('Data')!;
    expect([d.value(1, 1), d.value(1, 2), d.numberFormat(1, 1), d.numberFormat(1, 2)]).toEqual(['11010120000101123X', 36892, '@', 'yyyy-mm-dd']);
    expect([d.formulas.get(3 * 16_384), d.value(3, 0)]).toEqual(['=HYPERLINK("#A1","A1")', 'A1']);
    expect(d.fill(1, 0)).toEqual({ pattern: 'Solid', color: '#FFC7CE', patternColor: null });
    expect(d.notes.get(2 * 16_384)?.content).toBe('批注');
    expect(d.isRowHidden(2)).toBe(true);
    const h = back.sheet('_dd_audit')!;
    expect(h.protection.protected).toBe(true);
    expect([h.value(1, 0), h.numberFormat(1, 0)]).toEqual(['1', '@']);
    expect([h.isLocked(1, 0), h.isLocked(500, 1), h.isLocked(0, 2)]).toEqual([false, false, true]);
    expect(back.sheet('Other')!.value(2, 2)).toBe('x');
  });
});
