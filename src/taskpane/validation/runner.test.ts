import { digestRows, type DigestableRecord } from '../../core/audit/digest';
import { DEFAULT_PROFILE } from '../../core/profile/profile';
import { loadPinyin } from '../../core/rules/pinyinPort';
import { gridFromRecords, validRecord } from '../../core/testing/fixtures';
import { validateWorkbook } from '../../core/validate';
import { FakeWorker } from '../testing/fakeWorker';
import { CancelledError } from '../workbookPort';
import type { RunOptions } from './protocol';
import { createInlineRunner, createWorkerRunner } from './runner';

const OPTIONS: RunOptions = { locale: 'zh-CN', profile: DEFAULT_PROFILE, today: '20260701' };

function defectiveGrid(rows: number) {
  const records = Array.from({ length: rows }, (_, i) => validRecord(i));
  records[3] = { ...records[3], ZJHM: records[3].ZJHM.slice(0, 17) + 'X' };
  records[5] = { ...records[5], CSRQ: '2001-13-40' };
  records[7] = { ...records[7], XM: '' };
  return gridFromRecords('G2', records);
}

describe('validation runners', () => {
  let expected: ReturnType<typeof validateWorkbook>;
  const grid = defectiveGrid(250);

  beforeAll(async () => {
    expected = validateWorkbook([grid], { ...OPTIONS, pinyin: await loadPinyin() });
  });

  it('the inline runner reports what the engine reports, with the per-field quality', async () => {
    const result = await createInlineRunner().run([grid], OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok || !expected.ok) throw new Error('unreachable');
    expect(result.report).toEqual(expected.report);
    expect(result.quality.find((q) => q.field === 'ZJHM')).toMatchObject({ cells: 250 });
  });

  it('the worker runner streams rows in blocks and gets the same report back', async () => {
    FakeWorker.instances = [];
    const runner = createWorkerRunner(() => new FakeWorker().asWorker(), { rowsPerMessage: 200 });
    const phases: string[] = [];
    const result = await runner.run([grid], OPTIONS, { onProgress: (p) => phases.push(p.phase) });
    if (!result.ok || !expected.ok) throw new Error('expected a report');
    expect(result.report).toEqual(expected.report);
    const worker = FakeWorker.instances[0];
    expect(worker.received.filter((m) => m.type === 'rows')).toHaveLength(2);
    expect(phases).toEqual(expect.arrayContaining(['sending', 'preparing', 'validating']));

    // Changing the options validates the retained grids without sending them again.
    const english = await runner.rerun({ ...OPTIONS, locale: 'en-US' });
    expect(english?.ok && english.report.issues.length).toBe(expected.report.issues.length);
    expect(english?.ok && english.report.issues[0].message).not.toBe(expected.report.issues[0].message);
    expect(worker.received.filter((m) => m.type === 'rows')).toHaveLength(2);
  });

  it('cancelling terminates the worker at once and the next run starts a fresh one', async () => {
    FakeWorker.instances = [];
    const runner = createWorkerRunner(() => new FakeWorker().asWorker(), { rowsPerMessage: 200 });
    const controller = new AbortController();
    const running = runner.run([grid], OPTIONS, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(FakeWorker.instances[0].terminated).toBe(true);
    expect(await runner.rerun(OPTIONS)).toBeUndefined();
    const again = await runner.run([grid], OPTIONS);
    expect(again.ok).toBe(true);
    expect(FakeWorker.instances).toHaveLength(2);
  });

  it('both runners hand back every record and the digest audit sign computes for the same data', async () => {
    const records: DigestableRecord[] = [];
    validateWorkbook([grid], { ...OPTIONS, onRecord: (sheet, record) => records.push({ sheet, excelRow: record.excelRow, values: record.values }) });
    const inline = await createInlineRunner().run([grid], OPTIONS);
    const worker = await createWorkerRunner(() => new FakeWorker().asWorker(), { rowsPerMessage: 200 }).run([grid], OPTIONS);
    if (!inline.ok || !worker.ok) throw new Error('expected reports');
    expect(inline.records).toEqual(records);
    expect(worker.records).toEqual(records);
    expect(worker.digest.digest).toBe(digestRows(records).digest);
    expect(inline.digest).toEqual(worker.digest);
  });

  it('reports a workbook without a template sheet', async () => {
    const result = await createInlineRunner().run([{ name: 'Sheet1', startRow: 1, startColumn: 0, values: [['hello']] }], OPTIONS);
    expect(result).toEqual({ ok: false, reason: 'noTemplate' });
  });
});
