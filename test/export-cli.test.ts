/**
 * `degree-data export` through runExport: the JSON contract, the files it writes, the audit event in the copy,
 * the refusals (exit 1) and unusable input (exit 2). Workbooks are signed with the real audit core.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { DBFFile } from 'dbffile';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { verifyChain } from '../src/core/audit/chain';
import { AUDIT_SHEET } from '../src/core/audit/sheetFormat';
import { addDays } from '../src/core/export/deadline';
import { gridFromRecords, validRecord } from '../src/core/testing/fixtures';
import { COLLECT_AND_CHECK, pngBytes, tinyJpeg } from '../src/core/testing/exportFixtures';
import { templateColumns } from '../src/core/template/generations';
import { todayInChina } from '../src/core/util/dates';
import { runAudit } from '../src/cli/audit';
import { runExport } from '../src/cli/export';
import { readAuditTrail } from '../src/node/auditStore';
import { writeSignedWorkbook } from './helpers/signedWorkbook';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'degree-data-export-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (name: string) => path.join(dir, `${++counter}-${name}`);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: () => Record<string, unknown>;
}

async function run(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { USER: '测试员' } };
  const code = await runExport(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const g2 = (indexes: number[], name = '学位授予信息') => gridFromRecords('G2', indexes.map((i) => validRecord(i)), { name });

async function signedFile(spec: Parameters<typeof writeSignedWorkbook>[1] = { sheets: [g2([0, 1, 2])], signers: COLLECT_AND_CHECK }) {
  const file = fresh('in.xlsx');
  await writeSignedWorkbook(file, spec);
  return file;
}

async function auditOf(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return readAuditTrail(workbook);
}

describe('degree-data export: a signed, clean workbook', () => {
  it('writes the upload file, manifest and signed copy, and prints the JSON contract', async () => {
    const input = await signedFile({ sheets: [g2([0, 1, 2], '外国语学院'), g2([3, 4], '商学院')], signers: COLLECT_AND_CHECK });
    const before = sha(input);
    const out = fresh('out');
    const result = await run([input, '--out', out, '--format', 'json', '--header', 'label', '--actor', '赵老师', '--actor-id', 'T003']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = result.json();
    const upload = path.join(out, '12608_2023-2_学士学位授予信息.xlsx');
    expect(json).toMatchObject({ ok: true, files: [upload], rows: 5, sha256: sha(upload), manifest: `${upload}.manifest.json`, workbook: path.join(out, `${path.basename(input, '.xlsx')}.signed.xlsx`) });
    expect(sha(input)).toBe(before);

    // The file: template columns in order, the validated values, all text.
    const workbook = XLSX.read(readFileSync(upload), { type: 'buffer', cellNF: true });
    const rows = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets[workbook.SheetNames[0]], { header: 1, raw: true, defval: '' });
    const columns = templateColumns('G2', '普通');
    expect(rows[0]).toEqual(columns.map((c) => `${c.definition.label}(${c.code})`));
    expect(rows.slice(1).map((row) => row[columns.findIndex((c) => c.code === 'ZJHM')])).toEqual([0, 1, 2, 3, 4].map((i) => validRecord(i).ZJHM));

    // The export event is in the copy, the chain verifies, and its head is the one printed.
    const trail = await auditOf(json.workbook as string);
    expect(trail.events.map((e) => e.action)).toEqual(['采集完成', '校核通过', '导出上报文件', '基线建立']);
    expect(verifyChain(trail.events)).toEqual([]);
    expect(trail.events[2]).toMatchObject({ actor: '赵老师', actorId: 'T003', role: 'office', scope: '外国语学院!2:4；商学院!2:3' });
    expect(trail.events[2].note).toContain(`12608_2023-2_学士学位授予信息.xlsx；5 行；SHA-256 ${sha(upload)}`);
    expect(json.head).toBe(trail.events[3].entryHash);
    expect((await auditOf(input)).events).toHaveLength(2);

    const manifest = JSON.parse(readFileSync(json.manifest as string, 'utf8'));
    expect(manifest).toMatchObject({
      file: { name: '12608_2023-2_学士学位授予信息.xlsx', rows: 5, sha256: sha(upload), headerStyle: 'label' },
      audit: { head: json.head, exportEventSeq: 3 },
      sheets: [{ sheet: '外国语学院', rows: 3 }, { sheet: '商学院', rows: 2 }],
      unit: { code: '12608' },
    });
    expect(manifest.signers.map((s: { actor: string }) => s.actor)).toEqual(['张老师', '李老师']);
    expect(existsSync(`${upload}.manifest.html`)).toBe(true);
  });

  it('exports a workbook signed with degree-data audit sign', async () => {
    const input = await signedFile({ sheets: [g2([0, 1, 2], '外国语学院'), g2([3], '商学院')] });
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => process.stderr.write(t) }, env: {} };
    const collected = fresh('collected.xlsx');
    const checked = fresh('checked.xlsx');
    expect(await runAudit(['sign', input, '--role', 'collector', '--actor', '张老师', '--actor-id', 'T001', '--out', collected], io)).toBe(0);
    expect(await runAudit(['sign', collected, '--role', 'checker', '--actor', '李老师', '--actor-id', 'T002', '--out', checked], io)).toBe(0);
    const result = await run([checked, '--out', fresh('out'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.json().rows).toBe(4);
    const trail = await auditOf(result.json().workbook as string);
    expect(trail.events.map((e) => e.action)).toEqual(['采集完成', '校核通过', '导出上报文件', '基线建立']);
    expect(verifyChain(trail.events)).toEqual([]);
  });

  it('exports again from the signed copy: the copy keeps the data and the chain', async () => {
    const input = await signedFile();
    const first = await run([input, '--out', fresh('out'), '--format', 'json']);
    expect(first.code).toBe(0);
    const second = await run([first.json().workbook as string, '--out', fresh('out'), '--format', 'json', '--head', first.json().head as string]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const trail = await auditOf(second.json().workbook as string);
    expect(trail.events.map((e) => e.action)).toEqual(['采集完成', '校核通过', '导出上报文件', '基线建立', '导出上报文件', '基线建立']);
    expect(second.json().sha256).toBe(first.json().sha256);
  });

  it('prints a readable summary that says where the export was recorded', async () => {
    const input = await signedFile();
    const result = await run([input, '--out', fresh('out')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ 已导出 3 行/);
    expect(result.stdout).toMatch(/导出记录已写入工作簿副本 .*in\.signed\.xlsx（原文件未改动/);
    expect(result.stdout).toMatch(/文件 SHA-256: [0-9a-f]{64}/);
  });

  it('does not overwrite earlier files unless told to', async () => {
    const input = await signedFile();
    const out = fresh('out');
    expect((await run([input, '--out', out])).code).toBe(0);
    const again = await run([input, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已存在.*--overwrite/);
    expect((await run([input, '--out', out, '--overwrite'])).code).toBe(0);
  });
});

describe('degree-data export: refusals (exit 1)', () => {
  async function refused(spec: Parameters<typeof writeSignedWorkbook>[1], extra: string[] = []) {
    const input = await signedFile(spec);
    const out = fresh('out');
    const result = await run([input, '--out', out, '--format', 'json', ...extra]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const json = result.json();
    expect(json.ok).toBe(false);
    return json.reasons as { code: string; zh: string; en: string; rows?: number[] }[];
  }

  it('refuses unsigned data', async () => {
    expect((await refused({ sheets: [g2([0, 1])] })).map((r) => r.code)).toEqual(['notCollected']);
  });

  it('refuses a check by the collector', async () => {
    const reasons = await refused({ sheets: [g2([0, 1])], signers: [{ actor: '张老师', action: '采集完成' }, { actor: '张老师', action: '校核通过' }] });
    expect(reasons.map((r) => r.code)).toEqual(['checkedBySamePerson']);
    expect(reasons[0].zh).toMatch(/不同人员/);
  });

  it('refuses data with errors', async () => {
    const bad = gridFromRecords('G2', [validRecord(0), { ...validRecord(1), CSRQ: '20011301' }]);
    expect((await refused({ sheets: [bad], signers: COLLECT_AND_CHECK })).map((r) => r.code)).toEqual(['errors']);
  });

  it('refuses a tampered audit sheet', async () => {
    const reasons = await refused({
      sheets: [g2([0, 1])],
      signers: COLLECT_AND_CHECK,
      afterSigning: (workbook) => {
        const audit = workbook.getWorksheet(AUDIT_SHEET)!;
        const header = audit.getRow(1).values as string[];
        audit.getRow(2).getCell(header.indexOf('actor')).value = '李老师';
      },
    });
    expect(reasons.map((r) => r.code)).toContain('chainBroken');
  });

  it('refuses data changed since the check and names the row', async () => {
    const reasons = await refused({
      sheets: [g2([0, 1, 2])],
      signers: COLLECT_AND_CHECK,
      afterSigning: (workbook) => {
        const sheet = workbook.worksheets[0];
        const header = sheet.getRow(1).values as string[];
        sheet.getRow(3).getCell(header.indexOf('XZ')).value = '5';
      },
    });
    expect(reasons).toEqual([expect.objectContaining({ code: 'changedSinceSignOff', rows: [3] })]);
  });

  it('refuses a late export without a reason, and records the reason given', async () => {
    const decisionDate = addDays(todayInChina(), -40);
    const late = ['--decision-no', '重外学位〔2026〕3号', '--decision-date', decisionDate];
    expect((await refused({ sheets: [g2([0, 1])], signers: COLLECT_AND_CHECK }, late)).map((r) => r.code)).toEqual(['lateWithoutReason']);

    const input = await signedFile();
    const result = await run([input, '--out', fresh('out'), '--format', 'json', ...late, '--late-reason', '决议扫描件延迟送达']);
    expect(result.code).toBe(0);
    expect(result.json().deadline).toEqual({ deadline: addDays(decisionDate, 30), daysLeft: -10, late: true });
    const trail = await auditOf(result.json().workbook as string);
    expect(trail.events.map((e) => e.action)).toEqual(['采集完成', '校核通过', '补报说明', '导出上报文件', '基线建立']);
    expect(trail.events[2].note).toContain('补报原因：决议扫描件延迟送达');
    const manifest = JSON.parse(readFileSync(result.json().manifest as string, 'utf8'));
    expect(manifest).toMatchObject({ decision: { number: '重外学位〔2026〕3号', late: true, daysLeft: -10 }, lateReason: '决议扫描件延迟送达' });
  });
});

describe('degree-data export --as dbf', () => {
  it('writes the G1 .dbf that dbffile reads back with GBK as the validated values', async () => {
    const records = [0, 1, 2].map((i) => validRecord(i, 'G1'));
    const input = await signedFile({ sheets: [gridFromRecords('G1', records)], signers: COLLECT_AND_CHECK });
    const result = await run([input, '--out', fresh('out'), '--as', 'dbf', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = (result.json().files as string[])[0];
    expect(path.basename(file)).toBe('12608_2023-2_学士学位授予信息.dbf');
    const dbf = await DBFFile.open(file, { encoding: 'gbk' });
    const rows = await dbf.readRecords();
    const columns = templateColumns('G1', '普通');
    rows.forEach((row, r) => {
      for (const column of columns) expect(row[column.code.toLowerCase()] ?? '').toBe(records[r][column.code] ?? '');
    });
  });

  it('refuses a name GBK cannot hold, at its row', async () => {
    const records = [validRecord(0, 'G1'), { ...validRecord(1, 'G1'), XM: '张𠮷' }];
    const input = await signedFile({ sheets: [gridFromRecords('G1', records)], signers: COLLECT_AND_CHECK });
    const result = await run([input, '--out', fresh('out'), '--as', 'dbf', '--format', 'json']);
    expect(result.code).toBe(1);
    const json = result.json();
    expect((json.reasons as { code: string }[]).map((r) => r.code)).toEqual(['exportIssues']);
    expect(json.issues).toEqual([expect.objectContaining({ rule: 'export.unencodable', row: 3, column: 'A', field: 'XM', value: '张𠮷' })]);
    // The same data exports to .xlsx, which holds any character.
    expect((await run([input, '--out', fresh('out')])).code).toBe(0);
  });

  it('is for G1 only (exit 2)', async () => {
    const input = await signedFile();
    const result = await run([input, '--out', fresh('out'), '--as', 'dbf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/G1.* \/ .*G1/);
  });
});

describe('degree-data export --publicity and --photos', () => {
  it('writes the publicity list without ID numbers', async () => {
    const input = await signedFile();
    const out = fresh('out');
    const result = await run([input, '--out', out, '--format', 'json', '--publicity', '--publicity-from', '20261123', '--publicity-college']);
    expect(result.code).toBe(0);
    const files = result.json().publicity as string[];
    expect(files.map((f) => path.basename(f))).toEqual(['12608_2023-2_学士学位授予公示名单.xlsx', '12608_2023-2_学士学位授予公示名单.html']);
    const html = readFileSync(files[1], 'utf8');
    expect(html).toContain('公示期：2026年11月23日至2026年11月27日（5个工作日）');
    const sheet = XLSX.read(readFileSync(files[0]), { type: 'buffer' });
    const text = JSON.stringify(XLSX.utils.sheet_to_json(sheet.Sheets[sheet.SheetNames[0]], { header: 1 }));
    for (const i of [0, 1, 2]) {
      expect(html).not.toContain(validRecord(i).ZJHM);
      expect(text).not.toContain(validRecord(i).ZJHM);
      expect(text).toContain(validRecord(i).XM);
    }
  });

  it('writes only the publicity list with --publicity-only: no sign-off needed, nothing recorded', async () => {
    const input = await signedFile({ sheets: [g2([0, 1])] });
    const out = fresh('out');
    const result = await run([input, '--out', out, '--format', 'json', '--publicity-only']);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['12608_2023-2_学士学位授予公示名单.html', '12608_2023-2_学士学位授予公示名单.xlsx']);
  });

  it('checks the photos of a folder and packs the good ones; problems do not stop the export', async () => {
    const input = await signedFile();
    const photos = fresh('photos');
    mkdirSync(path.join(photos, '外国语学院'), { recursive: true });
    writeFileSync(path.join(photos, '外国语学院', `${validRecord(0).ZJHM}.jpg`), tinyJpeg(150, 210, 5000));
    writeFileSync(path.join(photos, `${validRecord(1).ZJHM}.jpg`), pngBytes());
    writeFileSync(path.join(photos, '110101199001011237.jpg'), tinyJpeg(150, 210));
    const result = await run([input, '--out', fresh('out'), '--format', 'json', '--photos', photos]);
    expect(result.code).toBe(0);
    const summary = result.json().photos as { ok: boolean; package: string; accepted: number; problems: { kind: string; row: number | null }[] };
    expect(summary.ok).toBe(false);
    expect(summary.accepted).toBe(1);
    expect(summary.problems.map((p) => [p.kind, p.row])).toEqual([
      ['missing', 4],
      ['unreadable', 3],
      ['extra', null],
    ]);
    const zip = await JSZip.loadAsync(readFileSync(summary.package));
    expect(Object.keys(zip.files)).toEqual([`${validRecord(0).ZJHM}.jpg`]);
  });

  it('reads photos from a .zip with the 学信网 size', async () => {
    const input = await signedFile();
    const zip = new JSZip();
    for (const i of [0, 1, 2]) zip.file(`photos/${validRecord(i).ZJHM}.jpg`, tinyJpeg(480, 640, 30_000));
    const file = fresh('photos.zip');
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const result = await run([input, '--out', fresh('out'), '--format', 'json', '--photos', file, '--photo-size', 'xuexin']);
    expect(result.code).toBe(0);
    expect(result.json().photos).toMatchObject({ ok: true, accepted: 3, problems: [] });
  });
});

describe('degree-data export: unusable input (exit 2)', () => {
  async function unusable(args: string[], mentions: RegExp) {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\p{Script=Han}.* \/ [A-Za-z-]/u);
    expect(lines[0]).toMatch(mentions);
  }

  it('names what is wrong in one bilingual line', async () => {
    const input = await signedFile();
    await unusable([path.join(dir, 'missing.xlsx'), '--out', fresh('out')], /找不到文件/);
    await unusable([input], /--out/);
    await unusable([input, '--out', fresh('out'), '--bogus'], /未知选项 --bogus/);
    await unusable([input, '--out', fresh('out'), '--as', 'csv'], /--as/);
    await unusable([input, '--out', fresh('out'), '--decision-no', '3号'], /--decision-date/);
    await unusable([input, '--out', fresh('out'), '--decision-no', '3号', '--decision-date', '20260231'], /YYYYMMDD/);
    await unusable([input, '--out', fresh('out'), '--name', '{学院}'], /占位符/);
    await unusable([input, '--out', fresh('out'), '--photos', path.join(dir, 'nowhere')], /照片/);
    await unusable([input, '--out', fresh('out'), '--out-workbook', input], /不能是输入文件/);
  });

  it('prints its help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/degree-data export <workbook\.xlsx> --out DIR/);
  });
});

describe('degree-data export: after the first report (第十三条)', () => {
  it('sets the reported baseline, then refuses to export an edited reported row without an approved change request', async () => {
    const input = await signedFile();
    const first = await run([input, '--out', fresh('out'), '--format', 'json']);
    expect(first.code).toBe(0);
    const reported = first.json().workbook as string;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reported);
    const sheet = workbook.worksheets.find((w) => !w.name.startsWith('_dd_'))!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.getRow(2).getCell(header.indexOf('ZSZYMC')).value = '英语（商务方向）';
    const edited = `${fresh('edited')}.xlsx`;
    await workbook.xlsx.writeFile(edited);
    // Re-sign the edited data, so that only the missing change request stands in the way.
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
    const collected = `${fresh('c')}.xlsx`;
    const checked = `${fresh('k')}.xlsx`;
    expect(await runAudit(['sign', edited, '--role', 'collector', '--actor', '张老师', '--out', collected], io)).toBe(0);
    expect(await runAudit(['sign', collected, '--role', 'checker', '--actor', '李老师', '--out', checked], io)).toBe(0);
    const second = await run([checked, '--out', fresh('out'), '--format', 'json']);
    expect(second.code).toBe(1);
    expect((second.json().reasons as { code: string }[]).map((r) => r.code)).toEqual(['pendingChanges']);
  });
});
