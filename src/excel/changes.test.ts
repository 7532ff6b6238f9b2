/**
 * The baseline and the change log through the gateway on the simulator: round trips, the same cells as the CLI's
 * ExcelJS store (through real .xlsx files), the steps bound to their audit events, VeryHidden and text cells.
 */
import ExcelJS from 'exceljs';
import { verifyChain } from '../core/audit/chain';
import { checkBaseline } from '../core/changes/baseline';
import { checkChangeLog } from '../core/changes/log';
import { requestChange } from '../core/changes/requests';
import { BASELINE_SHEET, CHANGES_SHEET } from '../core/changes/sheetFormat';
import { actor, batchOf, Book, edit, recordsOf } from '../core/changes/testing';
import { AUDIT_SHEET } from '../core/audit/sheetFormat';
import { appendChangeStep as cliAppendStep, readChangeState as cliReadState, writeBaseline as cliWriteBaseline } from '../node/changesStore';
import { sheetRows } from '../node/sheetRows';
import { installSimulator, type InstalledSimulator } from '../simulator/install';
import { workbookFromGrids, workbookFromXlsx } from '../simulator/load';
import type { SimWorkbook } from '../simulator/model';
import { workbookToXlsx } from '../simulator/save';
import { appendChangeStep, readChangeState, writeBaseline } from './index';

let sim: InstalledSimulator | undefined;
function install(workbook: SimWorkbook, options?: Parameters<typeof installSimulator>[1]): SimWorkbook {
  sim?.uninstall();
  sim = installSimulator(workbook, options);
  return workbook;
}
afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

const blank = () => workbookFromGrids([{ name: '外国语学院', startRow: 1, startColumn: 0, values: [['x']] }]);

/** A baseline, then a change request against it, as the core builds them. */
function scenario() {
  const batch = batchOf(recordsOf(3));
  const book = new Book();
  const baseline = book.setBaseline(batch);
  const baselineEvent = book.events[0];
  const edited = edit(batch, 1, { XM: '李晓虹' });
  const step = requestChange(book, edited.records, { row: edited.records[1].excelRow }, { reason: '录入错误' }, actor('张老师'), book.now());
  if (!step.ok) throw new Error(step.message);
  return { batch, book, baseline, baselineEvent, step };
}

async function toExcelJS(workbook: SimWorkbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await workbookToXlsx(workbook)) as unknown as ExcelJS.Buffer);
  return out;
}

/** Cells as text; Excel cannot hold an empty string (writing '' clears a cell), ExcelJS can: both read as ''. */
const text = (rows: unknown[][]) => rows.map((row) => Array.from(row, (cell) => (cell === null || cell === undefined ? '' : String(cell))));

describe('baseline and change log', () => {
  it('round trip: the baseline, a change step and their events read back as written, bound together', async () => {
    const workbook = install(blank());
    const { baseline, baselineEvent, step, book } = scenario();
    const first = await writeBaseline(baseline, baselineEvent);
    expect(first).toMatchObject({ written: true, baselineRows: 3, auditRow: 2, problems: [] });
    expect(first.notices.map((n) => [n.kind, n.sheet])).toEqual([
      ['undoCleared', AUDIT_SHEET],
      ['undoCleared', BASELINE_SHEET],
    ]);
    const second = await appendChangeStep(step);
    expect(second).toMatchObject({ written: true, row: 2, auditRow: 3 });

    const state = await readChangeState();
    expect(state.baseline).toEqual(baseline);
    expect(state.entries).toEqual([step.entry]);
    expect(state.events).toEqual([baselineEvent, step.event]);
    expect(state).toMatchObject({ unreadableBaseline: [], unreadableChanges: [], notices: [] });
    expect(checkBaseline(state.baseline!, state.events)).toEqual([]);
    expect(checkChangeLog(state.entries, state.events)).toEqual([]);
    expect(verifyChain(state.events)).toEqual([]);
    expect(book.events).toEqual([baselineEvent]);

    for (const name of [BASELINE_SHEET, CHANGES_SHEET, AUDIT_SHEET]) {
      const sheet = workbook.sheet(name)!;
      expect(sheet.visibility).toBe('VeryHidden');
      expect(sheet.protection.protected).toBe(true);
      const used = sheet.usedRect(true)!;
      for (let r = 0; r < used.rows; r++) {
        for (let c = 0; c < used.columns; c++) {
          const value = sheet.value(r, c);
          if (value !== null) expect(typeof value).toBe('string');
          expect(sheet.numberFormat(r, c)).toBe('@');
        }
      }
    }
  });

  it('writes the same cells as the CLI, and the CLI reads what the gateway wrote', async () => {
    const workbook = install(blank());
    const { baseline, baselineEvent, step } = scenario();
    await writeBaseline(baseline, baselineEvent);
    await appendChangeStep(step);

    const saved = await toExcelJS(workbook);
    const cli = cliReadState(saved);
    expect(cli).toMatchObject({ baseline, entries: [step.entry], events: [baselineEvent, step.event], unreadableBaseline: [], unreadableChanges: [] });

    const reference = new ExcelJS.Workbook();
    reference.addWorksheet('外国语学院').addRow(['x']);
    await cliWriteBaseline(reference, baseline, baselineEvent);
    await cliAppendStep(reference, step);
    for (const name of [BASELINE_SHEET, CHANGES_SHEET, AUDIT_SHEET]) {
      expect(text(sheetRows(saved.getWorksheet(name)))).toEqual(text(sheetRows(reference.getWorksheet(name))));
    }
  });

  it('continues a change log the CLI wrote', async () => {
    const { baseline, baselineEvent, step } = scenario();
    const reference = new ExcelJS.Workbook();
    reference.addWorksheet('外国语学院').addRow(['x']);
    await cliWriteBaseline(reference, baseline, baselineEvent);
    const workbook = install(await workbookFromXlsx(new Uint8Array((await reference.xlsx.writeBuffer()) as ArrayBuffer)));
    const before = await readChangeState();
    expect(before.baseline).toEqual(baseline);
    const result = await appendChangeStep(step);
    expect(result.written).toBe(true);
    const back = cliReadState(await toExcelJS(workbook));
    expect(back.entries).toEqual([step.entry]);
    expect(checkChangeLog(back.entries, back.events)).toEqual([]);
  });

  it('replaces the rows of an earlier baseline', async () => {
    install(blank());
    const { baseline, baselineEvent, book } = scenario();
    await writeBaseline(baseline, baselineEvent);
    const smaller = book.setBaseline(batchOf(recordsOf(1)));
    expect((await writeBaseline(smaller, book.events[1])).written).toBe(true);
    const state = await readChangeState();
    expect(state.baseline).toEqual(smaller);
    expect(checkBaseline(state.baseline!, state.events)).toEqual([]);
  });

  it('refuses an event that does not set the baseline', async () => {
    install(blank());
    const { baseline, step } = scenario();
    await expect(writeBaseline(baseline, step.event)).rejects.toThrow(/does not set this baseline/);
  });

  it('hides the sheets again at every run, and writes nothing when the change log cannot be unprotected', async () => {
    const { baseline, baselineEvent, step } = scenario();
    const reference = new ExcelJS.Workbook();
    reference.addWorksheet('外国语学院').addRow(['x']);
    await cliWriteBaseline(reference, baseline, baselineEvent);
    await cliAppendStep(reference, step);
    const workbook = install(await workbookFromXlsx(new Uint8Array((await reference.xlsx.writeBuffer()) as ArrayBuffer)), {
      faults: { unprotect: 'AccessDenied' },
    });
    workbook.sheet(CHANGES_SHEET)!.visibility = 'Visible';
    const state = await readChangeState();
    expect(state.notices).toEqual([expect.objectContaining({ kind: 'unhidden', sheet: CHANGES_SHEET, rehidden: true })]);
    expect(workbook.sheet(CHANGES_SHEET)!.visibility).toBe('VeryHidden');

    const auditBefore = workbook.sheet(AUDIT_SHEET)!.usedRect(true);
    const result = await appendChangeStep(step);
    expect(result.written).toBe(false);
    expect(result.notices.map((n) => n.kind)).toEqual(['unprotectFailed']);
    expect(workbook.sheet(AUDIT_SHEET)!.usedRect(true)).toEqual(auditBefore);
  });
});
