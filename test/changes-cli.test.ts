/**
 * `degree-data changes`, called through runChanges as main.ts will: the listing's JSON contract and exit codes,
 * and every recording subcommand writing a copy whose audit chain verifies.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyChain } from '../src/core/audit/chain';
import { checkChangeLog } from '../src/core/changes/log';
import { BASELINE_SHEET, CHANGES_SHEET } from '../src/core/changes/sheetFormat';
import { gridFromRecords, validRecord } from '../src/core/testing/fixtures';
import { runChanges } from '../src/cli/changes';
import { readChangeState } from '../src/node/changesStore';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'degree-data-changes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);
const records = [0, 1, 2].map((i) => validRecord(i, 'G3'));

async function writeTemplate(name: string): Promise<string> {
  const grid = gridFromRecords('G3', records, { name: '外国语学院' });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.name);
  for (const row of grid.values) sheet.addRow(row).eachCell((cell) => (cell.numFmt = '@'));
  await workbook.xlsx.writeFile(file(name));
  return file(name);
}

/** Edits a copy the way a user would in Excel: the hidden sheets stay as they are. */
async function editCopy(from: string, to: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  change(workbook.getWorksheet('外国语学院')!);
  await workbook.xlsx.writeFile(file(to));
  return file(to);
}

const columnOf = (code: string) => gridFromRecords('G3', []).values[0].indexOf(code) + 1;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runChanges(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

async function stateOf(name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(name);
  return { workbook, state: readChangeState(workbook) };
}

const sha = (name: string) => createHash('sha256').update(readFileSync(name)).digest('hex');

describe('degree-data changes', () => {
  let input: string;
  let based: string;
  beforeAll(async () => {
    input = await writeTemplate('in.xlsx');
  });

  it('says plainly that there is no baseline yet (exit 2, one bilingual line)', async () => {
    const result = await run('changes', input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/没有已上报基线.* \/ .*no reported baseline/);
  });

  it('sets a baseline on a copy and lists nothing to block (exit 0)', async () => {
    const before = sha(input);
    const set = await run('baseline', input, '--actor', '王学位办', '--out', file('based.xlsx'), '--format', 'json');
    expect(set.code).toBe(0);
    expect(set.json()).toMatchObject({ ok: true, kind: 'baseline', rows: 3 });
    expect(sha(input)).toBe(before);
    based = file('based.xlsx');

    const { workbook } = await stateOf(based);
    expect(workbook.getWorksheet(BASELINE_SHEET)!.state).toBe('veryHidden');

    const listed = await run(based, '--format', 'json');
    expect(listed.code).toBe(0);
    expect(listed.json()).toMatchObject({ ok: true, baseline: { rows: 3, digest: set.json().digest, intact: true }, changes: [], revocations: [], deletions: [] });

    const again = await run('baseline', based, '--actor', '王学位办', '--out', file('again.xlsx'));
    expect(again.code).toBe(1);
    expect(existsSync(file('again.xlsx'))).toBe(false);
  });

  it('takes a key-field change through request, review, approval and the document number', async () => {
    const edited = await editCopy(based, 'edited.xlsx', (sheet) => (sheet.getCell(3, columnOf('XM')).value = '李晓虹'));
    const listed = await run(edited, '--format', 'json');
    expect(listed.code).toBe(1);
    const [change] = listed.json().changes;
    expect(change).toMatchObject({
      sheet: '外国语学院',
      row: 3,
      XM: '李晓虹',
      status: 'unrequested',
      needsStateApproval: true,
      approvalDocument: null,
      fields: [{ field: 'XM', old: records[1].XM, new: '李晓虹', key: true }],
    });
    expect(change.ZJHM).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);

    const steps: [string, string[]][] = [
      ['c1.xlsx', ['request', edited, '--row', '3', '--reason', '依据户籍证明更正姓名', '--applicant', '张经办']],
      ['c2.xlsx', ['approve', file('c1.xlsx'), '--id', 'C1', '--as', 'college', '--actor', '赵院长']],
      ['c3.xlsx', ['approve', file('c2.xlsx'), '--id', 'C1', '--as', 'school', '--actor', '钱处长']],
    ];
    for (const [out, argv] of steps) {
      const result = await run(...argv, '--out', file(out));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const awaiting = await run(file('c3.xlsx'), '--format', 'json');
    expect(awaiting.code).toBe(1);
    expect(awaiting.json().changes[0]).toMatchObject({ id: 'C1', status: 'approved', cleared: false });
    expect(awaiting.json().blockers.map((b: { kind: string }) => b.kind)).toEqual(['documentMissing']);

    const documented = await run('approve', file('c3.xlsx'), '--id', 'C1', '--as', 'school', '--actor', '钱处长', '--document', '学位办〔2026〕45号', '--out', file('c4.xlsx'));
    expect(documented.code).toBe(0);
    const cleared = await run(file('c4.xlsx'), '--format', 'json');
    expect(cleared.code).toBe(0);
    expect(cleared.json().changes[0]).toMatchObject({ status: 'approved', approvalDocument: '学位办〔2026〕45号', cleared: true });

    const { state } = await stateOf(file('c4.xlsx'));
    expect(state.events.map((e) => e.action)).toEqual(['基线建立', '更正申请', '二级学院审核', '学校审批', '学校审批']);
    expect(verifyChain(state.events)).toEqual([]);
    expect(checkChangeLog(state.entries, state.events)).toEqual([]);

    const text = await run(file('c4.xlsx'));
    expect(text.stdout).toContain('姓名 ★');
    expect(text.stdout).toContain('✔ 没有阻止导出的更正事项');
  });

  it('refuses a step against the rules with exit 1 and writes nothing', async () => {
    const edited = await editCopy(based, 'edited2.xlsx', (sheet) => (sheet.getCell(2, columnOf('LWTM')).value = '新题目'));
    expect((await run('request', edited, '--row', '2', '--reason', '题目录入错误', '--applicant', '张经办', '--out', file('r1.xlsx'))).code).toBe(0);
    const result = await run('approve', file('r1.xlsx'), '--id', 'C1', '--as', 'college', '--actor', '张经办', '--out', file('r2.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/申请人不能审核/);
    expect(existsSync(file('r2.xlsx'))).toBe(false);
  });

  it('records a revocation with its deadline, then the report file and the printable report', async () => {
    const revoked = await run(
      'revoke', based, '--row', '2', '--decision-no', '重外学位〔2026〕12号', '--decision-date', '20261127',
      '--reason', '学位论文存在抄袭', '--actor', '钱处长', '--out', file('rev.xlsx'),
    );
    expect(revoked.stderr).toBe('');
    expect(revoked.code).toBe(0);
    const listed = await run(file('rev.xlsx'), '--format', 'json', '--today', '20261201');
    expect(listed.code).toBe(1); // the revoked row is still in the sheet
    expect(listed.json().revocations[0]).toMatchObject({
      id: 'R1',
      XM: records[0].XM,
      decisionNo: '重外学位〔2026〕12号',
      deadline: '20261211',
      daysLeft: 10,
      workingDaysLeft: 9,
      overdue: false,
      present: true,
    });
    expect(JSON.stringify(listed.json().revocations)).not.toContain(records[0].ZJHM);

    const calendar = file('calendar.json');
    writeFileSync(calendar, JSON.stringify({ holidays: ['20261202'] }));
    const withHoliday = await run(file('rev.xlsx'), '--format', 'json', '--today', '20261201', '--calendar', calendar);
    expect(withHoliday.json().revocations[0].deadline).toBe('20261214');

    expect((await run('file', file('rev.xlsx'), '--kind', 'revocation', '--out', file('revocations.xlsx'))).code).toBe(0);
    const sheet = XLSX.read(readFileSync(file('revocations.xlsx')), { type: 'buffer' }).Sheets['撤销学位信息'];
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    expect(rows[1][0]).toBe(records[0].XM);
    expect(rows[1]).toContain(records[0].ZJHM);
    expect(rows[1].at(-1)).toBe('学位论文存在抄袭');

    expect((await run('form', file('rev.xlsx'), '--kind', 'revocation', '--today', '20261201', '--out', file('revocation.html'))).code).toBe(0);
    const html = readFileSync(file('revocation.html'), 'utf8');
    expect(html).toContain('撤销学位授予信息报告');
    expect(html).not.toContain(records[0].ZJHM);

    const removed = await editCopy(file('rev.xlsx'), 'rev-removed.xlsx', (s) => s.spliceRows(2, 1));
    const after = await run(removed, '--format', 'json', '--today', '20261201');
    expect(after.json().removed).toMatchObject([{ row: 2, coveredBy: 'R1' }]);
    expect(after.code).toBe(0);
  });

  it('records a deletion of a row already removed from the sheet, by its row in the baseline', async () => {
    const removed = await editCopy(based, 'removed.xlsx', (s) => s.spliceRows(4, 1));
    const blocked = await run(removed, '--format', 'json');
    expect(blocked.code).toBe(1);
    expect(blocked.json().blockers.map((b: { kind: string }) => b.kind)).toEqual(['removedWithoutApplication']);
    const deleted = await run('delete', removed, '--reported-row', '4', '--reason', '重复上报', '--actor', '张经办', '--out', file('del.xlsx'), '--format', 'json');
    expect(deleted.code).toBe(0);
    expect(deleted.json()).toMatchObject({ ok: true, kind: 'deletion', id: 'D1' });
    const listed = await run(file('del.xlsx'), '--format', 'json');
    expect(listed.code).toBe(0);
    expect(listed.json().deletions[0]).toMatchObject({ id: 'D1', XM: records[2].XM, reason: '重复上报', present: false });
    const { workbook, state } = await stateOf(file('del.xlsx'));
    expect(workbook.getWorksheet(CHANGES_SHEET)!.state).toBe('veryHidden');
    expect(verifyChain(state.events)).toEqual([]);
    expect(state.events.at(-1)!.action).toBe('删除记录');
  });

  it('reports an edited change log as blocking the export', async () => {
    const forged = await editCopy(file('del.xlsx'), 'forged.xlsx', () => undefined);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(forged);
    const sheet = workbook.getWorksheet(CHANGES_SHEET)!;
    const reasonColumn = (sheet.getRow(1).values as string[]).indexOf('reason');
    sheet.getCell(2, reasonColumn).value = '改写的原因';
    await workbook.xlsx.writeFile(forged);
    const listed = await run(forged, '--format', 'json');
    expect(listed.code).toBe(1);
    expect(listed.json().blockers.map((b: { kind: string }) => b.kind)).toEqual(['changeLogAltered']);
  });

  it('exits 2 with one bilingual line for unusable input', async () => {
    for (const argv of [
      [file('missing.xlsx')],
      [input, '--format', 'xml'],
      ['request', input, '--row', 'x', '--reason', 'r', '--applicant', 'a', '--out', file('x.xlsx')],
      ['approve', based, '--id', 'C1', '--as', 'boss', '--actor', 'a', '--out', file('x.xlsx')],
      ['request', based, '--row', '2', '--reason', 'r', '--applicant', 'a', '--out', based],
      [input, '--bogus'],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/\p{Script=Han}.* \/ [-A-Za-z]/u);
    }
  });
});
