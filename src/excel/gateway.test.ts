/**
 * The gateway against the Excel simulator: read → validate → mark → clear (formats restored exactly), sync
 * counts that follow rows / block size, the 5 MB request limit, selection, the issues sheet, bad input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Issue, SheetGrid, ValidationReport } from '../core/model/types';
import { gridFromRecords, validRecord } from '../core/testing/fixtures';
import { columnIndex } from '../core/util/columns';
import { validateTemplateSheets, validateWorkbook } from '../core/validate';
import { readWorkbook } from '../node/readWorkbook';
import { installSimulator, type InstalledSimulator } from '../simulator/install';
import { workbookFromGrids, workbookFromXlsx } from '../simulator/load';
import type { SimWorkbook } from '../simulator/model';
import { PAYLOAD_LIMIT_BYTES, type SimulatorOptions } from '../simulator/api';
import {
  GatewayError,
  ISSUES_SHEET,
  MARKS_SHEET,
  MARK_COLORS,
  NOTE_PREFIX,
  applyMarks,
  clearMarks,
  hasMarks,
  readTemplateSheets,
  selectCell,
  writeIssuesSheet,
} from './index';

const TODAY = '20250701';
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

let sim: InstalledSimulator | undefined;

function install(workbook: SimWorkbook, options?: SimulatorOptions): SimWorkbook {
  sim?.uninstall();
  sim = installSimulator(workbook, options);
  workbook.resetStats();
  return workbook;
}

afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

async function defectiveWorkbook(): Promise<SimWorkbook> {
  return workbookFromXlsx(new Uint8Array(readFileSync(path.join(EXAMPLES, 'defective.xlsx'))), 'defective.xlsx');
}

async function readAndValidate(): Promise<ValidationReport> {
  const result = await readTemplateSheets();
  return validateTemplateSheets(result.templates, { today: TODAY });
}

/** Everything a user could see of the workbook, to compare before and after. */
function snapshot(workbook: SimWorkbook) {
  return workbook.sheets.map((sheet) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    values: [...sheet.rows].map(([row, cells]) => [row, [...cells]]),
    formulas: [...sheet.formulas],
    numberFormats: [...sheet.numberFormats].sort((a, b) => a[0] - b[0]),
    fills: [...sheet.fills].sort((a, b) => a[0] - b[0]),
    bold: [...sheet.bold],
    notes: [...sheet.notes].sort((a, b) => a[0] - b[0]),
    merges: sheet.merges,
    protected: sheet.protection.protected,
  }));
}

function cellOf(issue: Issue): [number, number] {
  return [issue.row! - 1, columnIndex(issue.column!)];
}

function cellIssues(report: ValidationReport): Issue[] {
  return report.issues.filter((issue) => issue.row !== null && issue.column !== null);
}

function fixtureGrid(rows: number, options: { name?: string } = {}): SheetGrid {
  const records = Array.from({ length: rows }, (_, i) => validRecord(i));
  return gridFromRecords('G2', records, { titleRows: ['学位授予信息'], name: options.name });
}

describe('read → validate', () => {
  it('finds the same issues as the command line on the defective example', async () => {
    install(await defectiveWorkbook());
    const report = await readAndValidate();
    const cli = validateWorkbook(await readWorkbook(path.join(EXAMPLES, 'defective.xlsx')), { today: TODAY });
    if (!cli.ok) throw new Error('the CLI found no template');
    expect(report.counts).toEqual(cli.report.counts);
    expect(report.issues).toEqual(cli.report.issues);
    expect(report.counts.error).toBeGreaterThan(0);
  });

  it('returns grids with the used range offsets, and number formats only for digit-sensitive columns', async () => {
    const grid: SheetGrid = { ...fixtureGrid(3), startRow: 3, startColumn: 2 };
    install(workbookFromGrids([grid]));
    const result = await readTemplateSheets();
    expect(result.grids).toHaveLength(1);
    const [read] = result.grids;
    expect([read.startRow, read.startColumn]).toEqual([3, 2]);
    expect(read.values).toEqual(grid.values.map((row) => [...row, ...Array(read.values[0].length - row.length).fill(null)].map((v) => (v === '' ? null : v))));
    const header = result.templates[0].header;
    const zjhm = header.columns.get('ZJHM')!;
    const xm = header.columns.get('XM')!;
    expect(read.numberFormats![2][zjhm]).toBe('General');
    expect(read.valueTypes![2][zjhm]).toBe('String');
    expect(read.numberFormats![2][xm]).toBeUndefined();
  });

  it('validates several template sheets (one per college) together', async () => {
    const a = fixtureGrid(5, { name: '外语学院' });
    const b = { ...fixtureGrid(5, { name: '商学院' }) };
    // The same person in both sheets: a duplicate across sheets.
    b.values = [...b.values.slice(0, 2), a.values[2], ...b.values.slice(3)];
    install(workbookFromGrids([a, b]));
    const result = await readTemplateSheets();
    expect(result.templates.map((t) => t.grid.name)).toEqual(['外语学院', '商学院']);
    const report = validateTemplateSheets(result.templates, { today: TODAY });
    expect(report.sheets).toHaveLength(2);
    expect(report.issues.some((issue) => issue.sheet === '商学院' && issue.rule.startsWith('unique.'))).toBe(true);
  });
});

describe('syncs follow rows / block size', () => {
  it.each([
    [1_000, 2_000, 1],
    [25_000, 2_000, 13],
  ])('%i rows in blocks of %i rows: three probing syncs and %i block syncs', async (records, blockRows, blocks) => {
    install(workbookFromGrids([fixtureGrid(records), { name: '说明', startRow: 1, startColumn: 0, values: [['readme']] }]));
    const result = await readTemplateSheets({ maxBlockRows: blockRows });
    const rows = records + 2; // title and header rows
    expect(result.stats.blockRows['学位授予信息']).toBe(blockRows);
    expect(result.stats.blocks).toBe(Math.ceil(rows / blockRows));
    expect(result.stats.blocks).toBe(blocks);
    expect(result.stats.syncs).toBe(3 + blocks);
    expect(sim!.workbook.stats.syncs).toBe(3 + blocks);
    expect(result.grids[0].values).toHaveLength(rows);
  });

  it('sizes blocks from the column count and the bytes of the first rows, under 5 MB each', async () => {
    const counts: Record<number, number> = {};
    for (const records of [1_000, 25_000]) {
      const workbook = install(workbookFromGrids([fixtureGrid(records)]));
      const result = await readTemplateSheets();
      const blockRows = result.stats.blockRows['学位授予信息'];
      const columns = result.grids[0].values[0].length;
      expect(blockRows).toBeLessThanOrEqual(Math.floor(400_000 / columns));
      expect(blockRows).toBeGreaterThan(1_000);
      expect(result.stats.syncs).toBe(3 + Math.ceil((records + 2) / blockRows));
      expect(workbook.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      counts[records] = result.stats.syncs;
    }
    expect(counts[1_000]).toBe(4);
    expect(counts[25_000]).toBeLessThan(20);
  });

  it('reads sheets of 100,000+ rows in blocks and says so', async () => {
    const values: (string | null)[][] = [['姓名', '身份证件号码', '学位证书编号', '学位类别码']];
    for (let i = 0; i < 100_000; i++) values.push([`学生${i}`, `1101012000010${String(i).padStart(5, '0')}`, `12608420250${String(i).padStart(6, '0')}`, '405']);
    install(workbookFromGrids([{ name: '大表', startRow: 1, startColumn: 0, values }]));
    const result = await readTemplateSheets();
    expect(result.grids[0].values).toHaveLength(100_001);
    expect(result.stats.blocks).toBeGreaterThan(1);
    expect(result.stats.syncs).toBe(3 + result.stats.blocks);
    expect(sim!.workbook.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(result.notices).toContainEqual(expect.objectContaining({ kind: 'huge', sheet: '大表', rows: 100_001 }));
  });
});

describe('the 5 MB request limit', () => {
  it('fails a read of the whole sheet in one request, which the gateway never makes', async () => {
    const workbook = install(workbookFromGrids([fixtureGrid(12_000)]));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('学位授予信息').getUsedRange().load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    workbook.resetStats();
    await readTemplateSheets();
    expect(workbook.stats.records.every((record) => record.responseBytes < PAYLOAD_LIMIT_BYTES && !record.error)).toBe(true);
  });

  it('halves a block that still exceeds the limit and reads it again', async () => {
    const workbook = install(workbookFromGrids([fixtureGrid(12_000)]));
    // A budget far over the limit makes the first block fail in the simulator.
    const result = await readTemplateSheets({ syncBudget: 40_000_000 });
    expect(workbook.stats.records.some((record) => record.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(result.grids[0].values).toHaveLength(12_002);
    expect(result.grids[0].values[12_001]).toEqual(fixtureGrid(12_000).values[12_001].map((v) => (v === '' ? null : v)));
  });

  it('keeps the marks of many scattered cells under the limit too', async () => {
    const grid = fixtureGrid(10_000);
    const workbook = install(workbookFromGrids([grid]));
    const issues: Issue[] = [];
    for (let row = 3; row < 10_002; row += 2) {
      issues.push({ rule: 'x', severity: row % 3 ? 'error' : 'warning', sheet: '学位授予信息', row, column: 'N', field: 'ZJHM', value: '', message: 'm' });
      issues.push({ rule: 'x', severity: 'info', sheet: '学位授予信息', row, column: 'C', field: 'XBM', value: '', message: 'm' });
    }
    const result = await applyMarks(issues, { notes: false });
    expect(result.marked).toBe(issues.length);
    expect(workbook.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(workbook.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(result.syncs).toBeLessThan(40);
    await clearMarks();
    expect(workbook.sheet('学位授予信息')!.fills.size).toBe(0);
  });
});

describe('marks', () => {
  async function markedWorkbook(options: SimulatorOptions = {}) {
    const workbook = install(await defectiveWorkbook(), options);
    const report = await readAndValidate();
    const cells = cellIssues(report);
    const sheet = workbook.sheet(report.sheet)!;
    // The user's own formatting on cells that are about to be marked, and elsewhere.
    const [first, second, third] = cells.map(cellOf).filter((cell, i, all) => all.findIndex((c) => c[0] === cell[0] && c[1] === cell[1]) === i);
    sheet.setFill(first[0], first[1], { pattern: 'Solid', color: '#00B050', patternColor: null });
    sheet.setFill(second[0], second[1], { pattern: 'Gray50', color: '#FFFF00', patternColor: '#FF0000' });
    sheet.setFill(0, 0, { pattern: 'Solid', color: '#D9D9D9', patternColor: null });
    sheet.notes.set(third[0] * 16384 + third[1], { content: '用户的批注', authorName: '老师' });
    return { workbook, report, sheet, cells, first, second, third };
  }

  it('marks by severity, remembers the fills in a veryHidden sheet, and clearMarks restores them exactly', async () => {
    const { workbook, report, sheet, cells, first, third } = await markedWorkbook();
    const before = snapshot(workbook);

    const result = await applyMarks(report);
    const distinct = new Set(cells.map((issue) => `${issue.row}${issue.column}`));
    expect(result.marked).toBe(distinct.size);
    expect(result.skipped).toEqual([]);
    expect(result.notesSupported).toBe(true);
    expect(result.notes).toBe(distinct.size - 1); // not over the user's note
    const memory = workbook.sheet(MARKS_SHEET)!;
    expect(memory.visibility).toBe('VeryHidden');
    for (const issue of cells) {
      const [row, column] = cellOf(issue);
      const worst = cells.filter((other) => other.row === issue.row && other.column === issue.column).some((o) => o.severity === 'error')
        ? 'error'
        : 'warning';
      expect(sheet.fill(row, column)).toEqual({ pattern: 'Solid', color: MARK_COLORS[worst], patternColor: null });
    }
    expect(sheet.fill(0, 0)?.color).toBe('#D9D9D9');
    expect(sheet.notes.get(first[0] * 16384 + first[1])?.content.startsWith(NOTE_PREFIX)).toBe(true);
    expect(sheet.notes.get(third[0] * 16384 + third[1])?.content).toBe('用户的批注');
    expect(await hasMarks()).toBe(true);

    const cleared = await clearMarks();
    expect(cleared.restored).toBe(distinct.size);
    expect(cleared.notesRemoved).toBe(distinct.size - 1);
    expect(snapshot(workbook)).toEqual(before);
    expect(await hasMarks()).toBe(false);
  });

  it('does not lose the original fills when marking twice', async () => {
    const { workbook, report } = await markedWorkbook();
    const before = snapshot(workbook);
    await applyMarks(report);
    const again = await applyMarks({ ...report, issues: report.issues.slice(0, 5) });
    expect(again.restoredFirst).toBeGreaterThan(0);
    await applyMarks(report);
    await clearMarks();
    expect(snapshot(workbook)).toEqual(before);
  });

  it('marks in few syncs: reading the fills, remembering and filling are batched', async () => {
    const { workbook, report } = await markedWorkbook();
    workbook.resetStats();
    const result = await applyMarks(report);
    // sheets + fills/notes read + memory/fills/notes written
    expect(result.syncs).toBe(3);
    expect(workbook.stats.syncs).toBe(3);
    const cleared = await clearMarks();
    expect(cleared.syncs).toBeLessThanOrEqual(4);
  });

  it('adds no notes without ExcelApi 1.18, and still marks', async () => {
    const { workbook, report } = await markedWorkbook({ apiVersion: '1.9' });
    const before = snapshot(workbook);
    const result = await applyMarks(report);
    expect(result.notesSupported).toBe(false);
    expect(result.notes).toBe(0);
    expect(result.marked).toBeGreaterThan(0);
    await clearMarks();
    expect(snapshot(workbook)).toEqual(before);
  });

  it('skips a protected sheet and changes nothing there', async () => {
    const workbook = install(await defectiveWorkbook());
    const report = await readAndValidate();
    workbook.sheet(report.sheet)!.protection.protected = true;
    const before = snapshot(workbook);
    const result = await applyMarks(report);
    expect(result.marked).toBe(0);
    expect(result.skipped).toEqual([{ sheet: report.sheet, reason: 'protected' }]);
    expect(snapshot(workbook)).toEqual(before);
  });

  it('refuses to clear while a marked sheet is protected, changing nothing', async () => {
    const workbook = install(await defectiveWorkbook());
    const report = await readAndValidate();
    await applyMarks(report);
    workbook.sheet(report.sheet)!.protection.protected = true;
    const marked = snapshot(workbook);
    const error = await clearMarks().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'sheetProtected' });
    expect((error as GatewayError).text['zh-CN']).toMatch(/受保护/);
    expect(snapshot(workbook)).toEqual(marked);
    workbook.sheet(report.sheet)!.protection.protected = false;
    await clearMarks();
    expect(workbook.sheet(MARKS_SHEET)).toBeUndefined();
  });
});

describe('selection', () => {
  it('activates the sheet and selects the cell of an issue', async () => {
    const workbook = install(workbookFromGrids([{ name: '说明', startRow: 1, startColumn: 0, values: [['readme']] }, fixtureGrid(10)]));
    await selectCell('学位授予信息', { row: 7, column: 'N' });
    expect(workbook.activeSheet!.name).toBe('学位授予信息');
    expect(workbook.selection).toEqual({ sheetId: workbook.sheet('学位授予信息')!.id, rect: { row: 6, column: 13, rows: 1, columns: 1 } });
    await selectCell('说明', 'B3');
    expect(workbook.activeSheet!.name).toBe('说明');
    expect(workbook.selection?.rect).toEqual({ row: 2, column: 1, rows: 1, columns: 1 });
    await selectCell('学位授予信息', { row: 4, column: null });
    expect(workbook.selection?.rect).toMatchObject({ row: 3, column: 0, rows: 1, columns: 16_384 });
    await expect(selectCell('不存在', 'A1')).rejects.toMatchObject({ code: 'sheetNotFound' });
  });
});

describe('the issues sheet', () => {
  it('writes every issue in one block with a link to its cell, and replaces the list when written again', async () => {
    const workbook = install(await defectiveWorkbook());
    const report = await readAndValidate();
    const result = await writeIssuesSheet(report);
    expect(result).toMatchObject({ sheet: ISSUES_SHEET, rows: report.issues.length });
    expect(result.syncs).toBe(2);
    const sheet = workbook.sheet(ISSUES_SHEET)!;
    expect(workbook.activeSheet).toBe(sheet);
    expect(sheet.usedRect(true)).toEqual({ row: 0, column: 0, rows: report.issues.length + 1, columns: 11 });
    expect(sheet.value(0, 0)).toBe('序号');
    const first = report.issues.find((issue) => issue.row !== null && issue.column !== null)!;
    const index = report.issues.indexOf(first) + 1;
    expect(sheet.formulas.get(index * 16384 + 3)).toBe(`=HYPERLINK("#${first.sheet}!${first.column}${first.row}","${first.column}${first.row}")`);
    expect(sheet.value(index, 3)).toBe(`${first.column}${first.row}`);
    expect(sheet.value(index, 9)).toBe(first.message);
    // Values stay text: an ID keeps its digits, a leading zero stays.
    for (const [i, issue] of report.issues.entries()) expect(sheet.value(i + 1, 8)).toBe(issue.value === '' || issue.value === null ? null : issue.value);
    expect(sheet.frozenRows).toBe(1);

    await writeIssuesSheet(report.issues.slice(0, 2), { locale: 'en-US' });
    expect(sheet.usedRect(true)).toEqual({ row: 0, column: 0, rows: 3, columns: 11 });
    expect(sheet.value(0, 0)).toBe('No.');
    expect(workbook.sheets.filter((s) => s.name === ISSUES_SHEET)).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('says so when no sheet looks like the template, changing nothing', async () => {
    const workbook = install(workbookFromGrids([{ name: '学籍', startRow: 1, startColumn: 0, values: [['姓名', '学号'], ['王小明', '2019001']] }]));
    const before = snapshot(workbook);
    const result = await readTemplateSheets();
    expect(result.grids).toEqual([]);
    expect(result.templates).toEqual([]);
    expect(result.notices[0]).toMatchObject({ kind: 'noTemplate', blocking: true, sheets: ['学籍'] });
    expect(result.notices[0].message['zh-CN']).toMatch(/没有找到学位授予信息模板/);
    expect(result.notices[0].message['en-US']).toMatch(/No degree template found/);
    expect(snapshot(workbook)).toEqual(before);
  });

  it('reports protected sheets, merged header cells, formulas, hidden rows and columns, filters and hidden template sheets', async () => {
    const grid = fixtureGrid(30);
    const workbook = workbookFromGrids([grid, { ...fixtureGrid(3), name: '隐藏的学院' }]);
    const sheet = workbook.sheet('学位授予信息')!;
    sheet.protection.protected = true;
    sheet.merges.push({ row: 1, column: 0, rows: 1, columns: 2 }); // header row 2: A2:B2
    sheet.setValue(1, 1, null);
    sheet.setFormula(5, 10, '=LEFT(A1,2)', '学位');
    sheet.setFormula(6, 10, '=LEFT(A1,2)', '学位');
    sheet.hiddenRows.add(8);
    sheet.hiddenRows.add(9);
    sheet.hiddenColumns.add(20);
    sheet.autoFilter = { rect: { row: 1, column: 0, rows: 31, columns: grid.values[1].length }, filtered: true };
    workbook.sheet('隐藏的学院')!.visibility = 'Hidden';
    install(workbook);
    const before = snapshot(workbook);
    const result = await readTemplateSheets();
    const kinds = Object.fromEntries(result.notices.map((n) => [n.kind, n]));
    expect(kinds.protected).toMatchObject({ sheet: '学位授予信息' });
    expect(kinds.mergedHeader).toMatchObject({ sheet: '学位授予信息', address: 'A2:B2' });
    expect(kinds.formulas).toMatchObject({ sheet: '学位授予信息', count: 2, address: 'K6:K7' });
    expect(kinds.hiddenRows).toMatchObject({ count: 2 });
    expect(kinds.hiddenColumns).toMatchObject({ count: 1 });
    expect(kinds.filtered).toMatchObject({ sheet: '学位授予信息' });
    expect(kinds.hiddenSheet).toMatchObject({ sheet: '隐藏的学院' });
    for (const n of result.notices) {
      expect(n.message['zh-CN'].length).toBeGreaterThan(0);
      expect(n.message['en-US'].length).toBeGreaterThan(0);
    }
    // Hidden rows are read and validated too; nothing was changed.
    expect(result.grids[0].values).toHaveLength(32);
    expect(result.templates.map((t) => t.grid.name)).toEqual(['学位授予信息']);
    expect(snapshot(workbook)).toEqual(before);
  });

  it('cancels between syncs', async () => {
    install(workbookFromGrids([fixtureGrid(50)]));
    const controller = new AbortController();
    const reading = readTemplateSheets({
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'probe') controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError', code: 'cancelled' });
  });
});
