import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { nextEvent } from '../src/core/audit/chain';
import { AUDIT_COLUMNS, type AuditEvent } from '../src/core/audit/events';
import { AUDIT_SHEET } from '../src/core/audit/sheetFormat';
import { runAudit } from '../src/cli/audit';
import type { CliIO } from '../src/cli/common';
import { readAuditTrail } from '../src/node/auditStore';
import { readWorkbook } from '../src/node/readWorkbook';

const SAMPLE = path.join(__dirname, '..', 'examples', 'g2-sample.xlsx');
const DEFECTIVE = path.join(__dirname, '..', 'examples', 'defective.xlsx');
const dir = mkdtempSync(path.join(tmpdir(), 'degree-audit-'));
const file = (name: string) => path.join(dir, name);

function capture(): CliIO & { out: () => string } {
  let text = '';
  return { stdout: { write: (t: string) => (text += t) }, stderr: { write: (t: string) => (text += t) }, env: {}, out: () => text };
}

async function audit(...argv: string[]) {
  const io = capture();
  const code = await runAudit(argv, io);
  const text = io.out();
  return { code, text, json: text.trim().startsWith('{') ? JSON.parse(text) : undefined };
}

async function load(name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file(name));
  return workbook;
}

/** Rewrites the audit sheet's event rows (the tampering a user could do after unhiding it). */
async function tamper(from: string, to: string, change: (events: AuditEvent[]) => AuditEvent[]): Promise<void> {
  const workbook = await load(from);
  const events = change(readAuditTrail(workbook).events);
  workbook.removeWorksheet(workbook.getWorksheet(AUDIT_SHEET)!.id);
  const sheet = workbook.addWorksheet(AUDIT_SHEET, { state: 'veryHidden' });
  sheet.addRow([...AUDIT_COLUMNS]);
  for (const event of events) sheet.addRow(AUDIT_COLUMNS.map((c) => event[c]));
  await workbook.xlsx.writeFile(file(to));
}

describe('audit sign and verify', () => {
  beforeAll(async () => {
    expect((await audit('sign', SAMPLE, '--role', 'collector', '--actor', '张采集', '--out', file('collected.xlsx'))).code).toBe(0);
    expect((await audit('sign', file('collected.xlsx'), '--role', 'checker', '--actor', '李校核', '--out', file('checked.xlsx'))).code).toBe(0);
  });

  it('signs a copy and leaves the input untouched', async () => {
    const before = readFileSync(SAMPLE);
    const result = await audit('sign', SAMPLE, '--role', 'collector', '--actor', '张采集', '--out', file('copy.xlsx'), '--format', 'json');
    expect(result.json).toMatchObject({ ok: true, action: '采集完成', seq: 1 });
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
    const trail = readAuditTrail(await load('copy.xlsx'));
    expect(trail).toMatchObject({ veryHidden: true, exists: true });
    const ids = (await readWorkbook(SAMPLE))[0].values.flat().filter((v) => typeof v === 'string' && /^\d{17}[\dX]$/.test(v));
    expect(ids.length).toBeGreaterThan(0);
    const logged = JSON.stringify(trail.events);
    for (const id of ids) expect(logged).not.toContain(id as string);
  });

  it('refuses a checker who collected the same data, and logs the refusal', async () => {
    const result = await audit('sign', file('collected.xlsx'), '--role', 'checker', '--actor', '张采集', '--out', file('self.xlsx'), '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ ok: false, reason: 'sameAsCollector', action: '签核被拒绝' });
    expect(readAuditTrail(await load('self.xlsx')).events.map((e) => e.action)).toEqual(['采集完成', '签核被拒绝']);
  });

  it('refuses sign-off while errors remain', async () => {
    const result = await audit('sign', DEFECTIVE, '--role', 'collector', '--actor', '张采集', '--out', file('bad.xlsx'), '--format', 'json');
    expect(result).toMatchObject({ code: 1, json: { ok: false, reason: 'errors' } });
  });

  it('refuses the office approval without an earlier check by someone else', async () => {
    const result = await audit('sign', file('collected.xlsx'), '--role', 'office', '--actor', '王审核', '--out', file('office.xlsx'), '--format', 'json');
    expect(result.json).toMatchObject({ ok: false, reason: 'notChecked' });
    const approved = await audit('sign', file('checked.xlsx'), '--role', 'office', '--actor', '王审核', '--out', file('approved.xlsx'), '--format', 'json');
    expect(approved.json).toMatchObject({ ok: true, action: '审核通过', seq: 3 });
  });

  it('verifies an intact chain with unchanged data (the JSON contract)', async () => {
    const result = await audit('verify', file('checked.xlsx'), '--format', 'json');
    expect(result.code).toBe(0);
    expect(Object.keys(result.json).sort()).toEqual(['changedRows', 'events', 'head', 'ok', 'problems', 'status']);
    expect(result.json).toMatchObject({ ok: true, events: 2, problems: [], changedRows: [], status: 'checked' });
  });

  it('pinpoints data cells edited after sign-off', async () => {
    const workbook = await load('checked.xlsx');
    const sheet = workbook.worksheets.find((w) => !w.name.startsWith('_dd_'))!;
    sheet.getCell('A5').value = '王改名';
    await workbook.xlsx.writeFile(file('edited-data.xlsx'));
    const result = await audit('verify', file('edited-data.xlsx'), '--format', 'json');
    expect(result).toMatchObject({ code: 1, json: { ok: false, changedRows: [5], status: 'changedAfterSigning' } });
  });

  const tampering: [string, (events: AuditEvent[]) => AuditEvent[], string][] = [
    ['an edited event field', (e) => [e[0], { ...e[1], actor: '张采集' }], 'edited'],
    ['a deleted event row', (e) => [e[1]], 'deleted'],
    ['a forged inserted event', (e) => [e[0], { ...e[0], actor: '伪造', entryHash: 'a'.repeat(64) }, e[1]], 'inserted'],
    ['two reordered events', (e) => [e[1], e[0]], 'reordered'],
  ];

  it.each(tampering)('detects %s', async (_, change, kind) => {
    await tamper('checked.xlsx', `${kind}.xlsx`, change);
    const result = await audit('verify', file(`${kind}.xlsx`), '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.json.problems.map((p: { kind: string }) => p.kind)).toContain(kind);
  });

  it('catches a whole chain recomputed from scratch with the head printed on the slip', async () => {
    const head = (await audit('verify', file('checked.xlsx'), '--format', 'json')).json.head;
    await tamper('checked.xlsx', 'recomputed.xlsx', (events) => {
      const forged: AuditEvent[] = [];
      for (const event of events) forged.push(nextEvent(forged, { ...event, actor: `${event.actor}代签` }));
      return forged;
    });
    expect((await audit('verify', file('recomputed.xlsx'), '--format', 'json')).json.problems).toEqual([]);
    const withHead = await audit('verify', file('recomputed.xlsx'), '--head', head, '--format', 'json');
    expect(withHead.json.problems.map((p: { kind: string }) => p.kind)).toEqual(['headMismatch']);
    expect(withHead.code).toBe(1);
  });

  it('says an unsigned workbook is not signed', async () => {
    const result = await audit('verify', SAMPLE, '--format', 'json');
    expect(result.json).toMatchObject({ ok: false, events: 0, status: 'notSigned' });
  });
});
