/**
 * The audit store through the gateway on the simulator: append/read round trips, the same sheets as the CLI's
 * ExcelJS store (both directions, through real .xlsx files), VeryHidden re-applied, protect/unprotect failing with
 * AccessDenied, two co-authors appending on one head (a fork, two rows), the digest of the current data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { nextEvent, verifyChain } from '../core/audit/chain';
import type { AuditDraft, AuditEvent } from '../core/audit/events';
import { AUDIT_SHEET, auditRowOf, DIGEST_SHEET, type SignedDigests } from '../core/audit/sheetFormat';

const auditRowOfForTest = (event: AuditEvent) => auditRowOf(event).map((cell) => String(cell));
import { gridFromRecords, validRecord } from '../core/testing/fixtures';
import { appendAuditEvent as cliAppend, readAuditTrail as cliRead } from '../node/auditStore';
import { openWorkbook } from '../node/signedWorkbook';
import { installSimulator, type InstalledSimulator } from '../simulator/install';
import { workbookFromGrids, workbookFromXlsx } from '../simulator/load';
import type { SimWorkbook } from '../simulator/model';
import { workbookToXlsx } from '../simulator/save';
import { SimRequestContext, type SimulatorOptions } from '../simulator/api';
import { appendAuditEvent, digestTemplateSheets, readAuditTrail, readTemplateSheets } from './index';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
let sim: InstalledSimulator | undefined;

function install(workbook: SimWorkbook, options?: SimulatorOptions): SimWorkbook {
  sim?.uninstall();
  sim = installSimulator(workbook, options);
  return workbook;
}

afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

const draft = (actor: string, action: AuditDraft['action'] = '采集完成', digest = 'd'.repeat(64)): AuditDraft => ({
  actor,
  actorId: 'T001',
  role: 'collector',
  action,
  scope: '学位授予信息!3:7',
  datasetDigest: digest,
  rulesVersion: 'rules-1',
  addinVersion: '0.1.0',
  note: '=not a formula, 0012',
});

function chain(count: number, start: AuditEvent[] = []): AuditEvent[] {
  const events = [...start];
  for (let i = 0; i < count; i++) events.push(nextEvent(events, draft(`人员${events.length}`), new Date(Date.UTC(2026, 5, 1, 2, events.length))));
  return events;
}

const signedOf = (seq: number, rows: number): SignedDigests => ({
  seq,
  rows: Array.from({ length: rows }, (_, i) => ({ sheet: '学位授予信息', row: i + 3, key: `k${i}`.padEnd(16, '0'), hash: String(i).padStart(64, 'a') })),
});

function dataWorkbook(): SimWorkbook {
  const grid = gridFromRecords('G2', Array.from({ length: 5 }, (_, i) => validRecord(i)), { titleRows: ['学位授予信息'] });
  return workbookFromGrids([grid]);
}

/** A sheet's cells as text, row 1 first (what both stores must agree on). */
function simText(workbook: SimWorkbook, name: string): string[][] {
  const sheet = workbook.sheet(name)!;
  const used = sheet.usedRect(true)!;
  return Array.from({ length: used.row + used.rows }, (_, r) =>
    Array.from({ length: used.column + used.columns }, (_, c) => {
      const value = sheet.value(r, c);
      return value === null ? '' : String(value);
    }),
  );
}

function exceljsText(workbook: ExcelJS.Workbook, name: string): string[][] {
  const worksheet = workbook.getWorksheet(name)!;
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: worksheet.columnCount }, (_, c) => {
      const value = row.getCell(c + 1).value;
      return value === null || value === undefined ? '' : String(value);
    });
  });
  return rows;
}

async function toExcelJS(workbook: SimWorkbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await workbookToXlsx(workbook)) as unknown as ExcelJS.Buffer);
  return out;
}

describe('append and read', () => {
  it('round trips events and signed digests; sets the sheets up once (VeryHidden, protected, undo notice)', async () => {
    const workbook = install(dataWorkbook());
    const events = chain(3);
    const first = await appendAuditEvent(events[0]);
    expect(first.appended).toBe(true);
    expect(first.notices.map((n) => n.kind)).toEqual(['undoCleared']);
    const second = await appendAuditEvent(events[1]);
    expect(second.notices).toEqual([]);
    const third = await appendAuditEvent(events[2], signedOf(3, 4));
    if (!third.appended) throw new Error('not appended');
    expect(third.row).toBe(4);
    expect(third.digestsWritten).toBe(true);
    expect(third.notices.map((n) => [n.kind, n.sheet])).toEqual([['undoCleared', DIGEST_SHEET]]);
    expect(third.problems).toEqual([]);

    const trail = await readAuditTrail();
    expect(trail).toMatchObject({ exists: true, veryHidden: true, protected: true, unreadable: [], notices: [] });
    expect(trail.events).toEqual(events);
    expect(trail.signed).toEqual(signedOf(3, 4));
    expect(verifyChain(trail.events)).toEqual([]);
    for (const name of [AUDIT_SHEET, DIGEST_SHEET]) {
      const sheet = workbook.sheet(name)!;
      expect(sheet.visibility).toBe('VeryHidden');
      expect(sheet.protection.protected).toBe(true);
    }
    // Every cell text, formatted as text: the note starting with "=" is no formula, "0012" keeps its zeros.
    const audit = workbook.sheet(AUDIT_SHEET)!;
    expect(audit.formulas.size).toBe(0);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 14; c++) {
        expect(typeof audit.value(r, c)).toBe('string');
        expect(audit.numberFormat(r, c)).toBe('@');
      }
    }
    expect(audit.value(1, 11)).toBe('=not a formula, 0012');
  });

  it('appends several events in order in one call', async () => {
    install(dataWorkbook());
    const events = chain(3);
    const result = await appendAuditEvent(events, signedOf(3, 2));
    if (!result.appended) throw new Error('not appended');
    expect(result.rows).toEqual([2, 3, 4]);
    expect(result.trail.events).toEqual(events);
    expect(result.trail.signed).toEqual(signedOf(3, 2));
  });

  it('replaces the digests of an earlier sign-off, clearing rows left over', async () => {
    install(dataWorkbook());
    const events = chain(2);
    await appendAuditEvent(events[0], signedOf(1, 5));
    await appendAuditEvent(events[1], signedOf(2, 2));
    expect((await readAuditTrail()).signed).toEqual(signedOf(2, 2));
  });

  it('reads a workbook without a trail as empty, changing nothing', async () => {
    const workbook = install(dataWorkbook());
    const trail = await readAuditTrail();
    expect(trail).toEqual({ events: [], unreadable: [], signed: undefined, veryHidden: false, exists: false, protected: false, notices: [] });
    expect(workbook.sheets).toHaveLength(1);
  });

  it('reports rows that are no event, keeping them', async () => {
    const workbook = install(dataWorkbook());
    await appendAuditEvent(chain(1)[0]);
    const audit = workbook.sheet(AUDIT_SHEET)!;
    audit.setValue(2, 0, 'typed over');
    audit.setValue(2, 2, 'x');
    const trail = await readAuditTrail();
    expect(trail.unreadable).toEqual([3]);
    expect(trail.events).toHaveLength(1);
  });
});

describe('the same sheets as the CLI', () => {
  it('writes cells the CLI reads back to the same events, and the same text as the CLI writes', async () => {
    const workbook = install(dataWorkbook());
    const events = chain(3);
    for (const [i, event] of events.entries()) await appendAuditEvent(event, i === 2 ? signedOf(3, 3) : undefined);

    // The gateway's workbook as an .xlsx, read by the CLI's store.
    const saved = await toExcelJS(workbook);
    const cli = cliRead(saved);
    expect(cli).toEqual({ events, unreadable: [], signed: signedOf(3, 3), veryHidden: true, exists: true });
    expect(saved.getWorksheet(AUDIT_SHEET)!.getCell('A2').numFmt).toBe('@');

    // The CLI writing the same events into a fresh workbook: the same cells.
    const reference = new ExcelJS.Workbook();
    reference.addWorksheet('学位授予信息').addRow(['x']);
    for (const [i, event] of events.entries()) await cliAppend(reference, event, i === 2 ? signedOf(3, 3) : undefined);
    expect(simText(workbook, AUDIT_SHEET)).toEqual(exceljsText(reference, AUDIT_SHEET));
    expect(simText(workbook, DIGEST_SHEET)).toEqual(exceljsText(reference, DIGEST_SHEET));
  });

  it('continues a trail the CLI signed (locked cells: set up once), and the CLI reads the result', async () => {
    const cliBook = new ExcelJS.Workbook();
    cliBook.addWorksheet('学位授予信息').addRow(['x']);
    const events = chain(2);
    await cliAppend(cliBook, events[0]);
    await cliAppend(cliBook, events[1], signedOf(2, 2));
    const bytes = new Uint8Array((await cliBook.xlsx.writeBuffer()) as ArrayBuffer);
    const workbook = install(await workbookFromXlsx(bytes));
    expect(workbook.sheet(AUDIT_SHEET)!.protection.protected).toBe(true);

    const before = await readAuditTrail();
    expect(before.events).toEqual(events);
    expect(before.signed).toEqual(signedOf(2, 2));
    expect(before.veryHidden).toBe(true);

    const next = chain(1, events);
    const result = await appendAuditEvent(next[2]);
    expect(result.appended).toBe(true);
    expect(result.notices.map((n) => n.kind)).toEqual(['undoCleared']);
    const again = await appendAuditEvent(chain(1, next)[3]);
    expect(again.notices).toEqual([]);

    const back = cliRead(await toExcelJS(workbook));
    expect(back.events).toHaveLength(4);
    expect(verifyChain(back.events)).toEqual([]);
    expect(back.signed).toEqual(signedOf(2, 2));
  });
});

describe('hidden, protected, shared', () => {
  it('re-applies VeryHidden at every run and reports that it had been unhidden', async () => {
    const workbook = install(dataWorkbook());
    await appendAuditEvent(chain(1)[0]);
    workbook.sheet(AUDIT_SHEET)!.visibility = 'Visible';
    const trail = await readAuditTrail();
    expect(trail.veryHidden).toBe(false);
    expect(trail.notices).toEqual([expect.objectContaining({ kind: 'unhidden', sheet: AUDIT_SHEET, was: 'Visible', rehidden: true })]);
    expect(workbook.sheet(AUDIT_SHEET)!.visibility).toBe('VeryHidden');
    expect((await readAuditTrail()).notices).toEqual([]);

    workbook.sheet(AUDIT_SHEET)!.visibility = 'Hidden';
    const appended = await appendAuditEvent(chain(2)[1]);
    expect(appended.notices.map((n) => n.kind)).toEqual(['unhidden']);
    expect(workbook.sheet(AUDIT_SHEET)!.visibility).toBe('VeryHidden');
  });

  it('says so when the sheet cannot be hidden again (workbook structure protected)', async () => {
    const workbook = install(dataWorkbook());
    await appendAuditEvent(chain(1)[0]);
    workbook.sheet(AUDIT_SHEET)!.visibility = 'Visible';
    workbook.structureProtected = true;
    const trail = await readAuditTrail();
    expect(trail.notices).toEqual([expect.objectContaining({ kind: 'unhidden', rehidden: false })]);
    expect(trail.events).toHaveLength(1);
  });

  it('appends the event when protect fails with AccessDenied, and says so', async () => {
    const workbook = install(dataWorkbook(), { faults: { protect: 'AccessDenied' } });
    const result = await appendAuditEvent(chain(1)[0]);
    expect(result.appended).toBe(true);
    expect(result.notices).toEqual([expect.objectContaining({ kind: 'protectFailed', code: 'AccessDenied', sheet: AUDIT_SHEET })]);
    expect(result.notices[0].message['zh-CN']).toMatch(/已写入/);
    expect(result.notices[0].message['en-US']).toMatch(/AccessDenied/);
    expect(workbook.sheet(AUDIT_SHEET)!.visibility).toBe('VeryHidden');
    expect(workbook.sheet(AUDIT_SHEET)!.protection.protected).toBe(false);
    // Next time protection is tried again; once it works the sheet is protected.
    sim!.host.faults.protect = undefined;
    const next = await appendAuditEvent(chain(2)[1]);
    expect(next.notices.map((n) => n.kind)).toEqual(['unprotected']);
    expect(workbook.sheet(AUDIT_SHEET)!.protection.protected).toBe(true);
    expect((await readAuditTrail()).events).toEqual(chain(2));
  });

  it('does not crash when unprotect fails with AccessDenied on a locked sheet: nothing written, a blocking notice', async () => {
    const cliBook = new ExcelJS.Workbook();
    cliBook.addWorksheet('学位授予信息').addRow(['x']);
    await cliAppend(cliBook, chain(1)[0]);
    const workbook = install(await workbookFromXlsx(new Uint8Array((await cliBook.xlsx.writeBuffer()) as ArrayBuffer)), {
      faults: { unprotect: 'AccessDenied' },
    });
    const before = simText(workbook, AUDIT_SHEET);
    const result = await appendAuditEvent(chain(2)[1]);
    expect(result).toEqual({ appended: false, syncs: expect.any(Number), notices: [expect.objectContaining({ kind: 'unprotectFailed', blocking: true })] });
    expect(simText(workbook, AUDIT_SHEET)).toEqual(before);
  });

  it('cannot add the sheet to a workbook with a protected structure: not appended, a blocking notice', async () => {
    const workbook = install(dataWorkbook());
    workbook.structureProtected = true;
    const result = await appendAuditEvent(chain(1)[0]);
    expect(result.appended).toBe(false);
    expect(result.notices).toEqual([expect.objectContaining({ kind: 'workbookProtected', blocking: true })]);
    expect(workbook.sheet(AUDIT_SHEET)).toBeUndefined();
  });

  it('keeps two events claiming one predecessor as two rows (a fork), whoever wrote the row first', async () => {
    const workbook = install(dataWorkbook());
    const base = chain(2);
    for (const event of base) await appendAuditEvent(event);
    const a = nextEvent(base, draft('甲', '校核通过'), new Date(Date.UTC(2026, 5, 2)));
    const b = nextEvent(base, draft('乙', '校核通过'), new Date(Date.UTC(2026, 5, 2, 0, 1)));
    // Two reviewers at once: both see row 4 as the next free row.
    const [ra, rb] = await Promise.all([appendAuditEvent(a), appendAuditEvent(b)]);
    expect(ra.appended && rb.appended).toBe(true);
    const moved = [...ra.notices, ...rb.notices].filter((n) => n.kind === 'rowMoved');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ from: 4, to: 5 });
    const trail = await readAuditTrail();
    expect(trail.events).toHaveLength(4);
    expect(trail.events.slice(2).map((e) => e.actor).sort()).toEqual(['乙', '甲']);
    expect(verifyChain(trail.events).map((p) => [p.kind, p.seq])).toEqual([['fork', 3]]);
    expect(simText(workbook, AUDIT_SHEET)).toHaveLength(5);
  });

  it('appends an event again when a co-author overwrote its row after it was read back', async () => {
    const workbook = install(dataWorkbook());
    const base = chain(2);
    await appendAuditEvent(base[0]);
    const mine = nextEvent([base[0]], draft('甲', '校核通过'));
    const theirs = nextEvent([base[0]], draft('乙', '校核通过'));
    // Syncs of this append: probe, write, read back, then the trail. Before the trail, 乙's row lands on row 3.
    const sync = SimRequestContext.prototype.sync;
    let count = 0;
    const spy = jest.spyOn(SimRequestContext.prototype, 'sync').mockImplementation(async function (this: SimRequestContext) {
      if (++count === 4) auditRowOfForTest(theirs).forEach((cell, c) => workbook.sheet(AUDIT_SHEET)!.setValue(2, c, cell));
      return sync.call(this);
    });
    const result = await appendAuditEvent(mine);
    spy.mockRestore();
    if (!result.appended) throw new Error('not appended');
    expect(result.rows).toEqual([4]);
    expect(result.notices).toEqual([expect.objectContaining({ kind: 'rowMoved', from: 3, to: 4 })]);
    expect(result.trail.events.map((e) => e.actor)).toEqual([base[0].actor, '乙', '甲']);
    expect(result.problems.map((p) => p.kind)).toEqual(['fork']);
  });
});

describe('the digest of the current data', () => {
  it('is the one the CLI computes for the same workbook', async () => {
    const file = path.join(EXAMPLES, 'g2-sample.xlsx');
    install(await workbookFromXlsx(new Uint8Array(readFileSync(file)), 'g2-sample.xlsx'));
    const current = digestTemplateSheets(await readTemplateSheets(), { today: '20250701' });
    const cli = await openWorkbook(file);
    expect(current.digest.digest).toBe(cli.digest.digest);
    expect(current.records).toEqual(cli.records);
    expect(current.report.rows).toBe(cli.report.rows);
  });

  it('refuses a workbook without a template sheet', async () => {
    install(workbookFromGrids([{ name: 'x', startRow: 1, startColumn: 0, values: [['a']] }]));
    const read = await readTemplateSheets();
    expect(() => digestTemplateSheets(read)).toThrow(expect.objectContaining({ code: 'noTemplate' }));
  });
});
