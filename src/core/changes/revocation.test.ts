import * as XLSX from '@e965/xlsx';
import { verifyChain } from '../audit/chain';
import { templateColumns } from '../template/generations';
import { validRecord } from '../testing/fixtures';
import { deadlineOf, parseDeadlineRule, REVOCATION_RULE, timeLeft, type DeadlineRule } from './calendar';
import { checkChangeLog } from './log';
import { changesBlockingExport, reviewChanges } from './requests';
import { foldWithdrawals, recordDeletion, recordFiled, recordRevocation, withdrawalFile } from './revocation';
import { actor, batchOf, Book, recordsOf } from './testing';

const working = (extra: Partial<DeadlineRule> = {}): DeadlineRule => ({ ...REVOCATION_RULE, ...extra });

describe('reporting deadlines (第十六条)', () => {
  it('counts 10 working days after the decision, skipping weekends; the decision day is not counted', () => {
    // Friday 2026-11-27 → two weekends skipped → Friday 2026-12-11.
    expect(deadlineOf('20261127', REVOCATION_RULE)).toBe('20261211');
    // A decision taking effect on a Saturday starts counting on Monday.
    expect(deadlineOf('20261128', REVOCATION_RULE)).toBe('20261211');
  });

  it('skips configured public holidays and counts adjusted working weekends (调休)', () => {
    expect(deadlineOf('20261127', working({ holidays: ['20261202'] }))).toBe('20261214');
    expect(deadlineOf('20261127', working({ workdays: ['20261128'] }))).toBe('20261210');
    // 国庆: a decision on Wednesday 30 September, 1–7 October off, Saturday 10 October worked.
    const national = working({
      holidays: ['20261001', '20261002', '20261003', '20261004', '20261005', '20261006', '20261007'],
      workdays: ['20261010'],
    });
    expect(deadlineOf('20260930', national)).toBe('20261020');
  });

  it('counts calendar days when the school reads 第十六条 literally, moving a deadline off a day off', () => {
    const calendar = working({ counting: 'calendar' });
    expect(deadlineOf('20261127', calendar)).toBe('20261207');
    expect(deadlineOf('20261126', calendar)).toBe('20261207'); // Sunday 6 December → Monday
    expect(deadlineOf('20261126', { ...calendar, extendToWorkingDay: false })).toBe('20261206');
  });

  it('shows the days left, and how late an overdue report is', () => {
    expect(timeLeft('20261127', '20261201', REVOCATION_RULE)).toEqual({ deadline: '20261211', calendarDays: 10, workingDays: 9, overdue: false });
    expect(timeLeft('20261127', '20261211', REVOCATION_RULE)).toMatchObject({ calendarDays: 0, workingDays: 1, overdue: false });
    expect(timeLeft('20261127', '20261214', REVOCATION_RULE)).toEqual({ deadline: '20261211', calendarDays: -3, workingDays: -1, overdue: true });
  });

  it('reads a school’s settings and says what is wrong with them', () => {
    expect(parseDeadlineRule({ counting: 'calendar', holidays: ['20261001'] })).toEqual({
      ok: true,
      rule: { ...REVOCATION_RULE, counting: 'calendar', holidays: ['20261001'] },
    });
    const bad = parseDeadlineRule({ counting: 'weekly', holidays: ['2026-10-01'], days: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toHaveLength(3);
  });
});

describe('revocations and deletions', () => {
  function reported() {
    const batch = batchOf(recordsOf(3));
    const book = new Book();
    book.setBaseline(batch);
    return { batch, book };
  }
  const revoke = { decisionNo: '重外学位〔2026〕12号', decisionDate: '20261127', reason: '学位论文存在抄袭' };

  it('records a revocation with its deadline and an audit event; the revoked row must leave the data before an export', () => {
    const { batch, book } = reported();
    const entry = book.apply(recordRevocation(book, batch.records, batch.sheets, { row: 3 }, revoke, actor('钱处长'), book.now()));
    expect(entry).toMatchObject({ kind: 'revocation', id: 'R1', baselineRef: '外国语学院!3', decisionNo: revoke.decisionNo });
    expect(entry.values.ZJHM).toBe(batch.records[1].values.ZJHM);
    expect(book.events.at(-1)!.action).toBe('撤销学位');
    expect(JSON.stringify(book.events)).not.toContain(batch.records[1].values.ZJHM);

    const overview = reviewChanges(book, batch.records, { today: '20261201' });
    expect(overview.revocations[0]).toMatchObject({ id: 'R1', present: true, deadline: { deadline: '20261211', workingDays: 9 } });
    expect(overview.blockers.map((b) => b.kind)).toEqual(['withdrawnStillPresent']);

    const without = batch.records.filter((_, i) => i !== 1);
    const after = reviewChanges(book, without, { today: '20261201' });
    expect(after.blockers).toEqual([]);
    expect(after.removed).toMatchObject([{ row: 3, coveredBy: 'R1' }]);
    expect(verifyChain(book.events)).toEqual([]);
    expect(checkChangeLog(book.entries, book.events)).toEqual([]);
  });

  it('refuses a second revocation of the same record, and bad input', () => {
    const { batch, book } = reported();
    book.apply(recordRevocation(book, batch.records, batch.sheets, { row: 3 }, revoke, actor('钱处长'), book.now()));
    expect(recordRevocation(book, batch.records, batch.sheets, { row: 3 }, revoke, actor('钱处长'))).toMatchObject({ ok: false, reason: 'already' });
    expect(recordRevocation(book, batch.records, batch.sheets, { row: 2 }, { ...revoke, decisionDate: '2026-11-27' }, actor('钱处长'))).toMatchObject({
      ok: false,
      reason: 'badDate',
    });
  });

  it('records the filing of a revocation, which stops the countdown', () => {
    const { batch, book } = reported();
    book.apply(recordRevocation(book, batch.records, batch.sheets, { row: 3 }, revoke, actor('钱处长'), book.now()));
    book.apply(recordFiled(book, { id: 'R1', date: '20261203' }, actor('钱处长'), book.now()));
    const [revocation] = foldWithdrawals(book.entries).revocations;
    expect(revocation.filed).toMatchObject({ date: '20261203', actor: '钱处长' });
    expect(recordFiled(book, { id: 'R1', date: '20261204' }, actor('钱处长'))).toMatchObject({ ok: false, reason: 'already' });
    expect(verifyChain(book.events)).toEqual([]);
  });

  it('records a deletion of a record reported in error, with its application', () => {
    const { batch, book } = reported();
    const without = batch.records.filter((_, i) => i !== 0);
    expect(changesBlockingExport(book, without).map((b) => b.kind)).toEqual(['removedWithoutApplication']);
    // The row is gone from the sheet: it is named by its row in the baseline.
    const entry = book.apply(
      recordDeletion(book, without, batch.sheets, { reportedRow: 2 }, { reason: '重复上报' }, actor('张经办'), book.now()),
    );
    expect(entry).toMatchObject({ kind: 'deletion', id: 'D1', baselineRef: '外国语学院!2', reason: '重复上报' });
    expect(entry.values.XM).toBe(batch.records[0].values.XM);
    expect(book.events.at(-1)!.action).toBe('删除记录');
    expect(changesBlockingExport(book, without)).toEqual([]);
    expect(reviewChanges(book, without).deletions[0]).toMatchObject({ id: 'D1', present: false });
    expect(verifyChain(book.events)).toEqual([]);
    expect(checkChangeLog(book.entries, book.events)).toEqual([]);
  });

  it('needs no deletion application for a record never reported', () => {
    const { book } = reported();
    const more = batchOf([...recordsOf(3), validRecord(5, 'G3')]);
    expect(recordDeletion(book, more.records, more.sheets, { row: 5 }, { reason: '误录' }, actor('张经办'))).toMatchObject({
      ok: false,
      reason: 'notReported',
    });
  });

  it('produces the file for the reporting system: template columns in order, then the decision and reason, all text', () => {
    const { batch, book } = reported();
    book.apply(recordRevocation(book, batch.records, batch.sheets, { row: 3 }, revoke, actor('钱处长'), book.now()));
    book.apply(recordDeletion(book, batch.records, batch.sheets, { row: 2 }, { reason: '重复上报' }, actor('张经办'), book.now()));
    const { revocations, deletions } = foldWithdrawals(book.entries);

    const workbook = XLSX.read(withdrawalFile(revocations, 'revocation'), { type: 'array' });
    expect(workbook.SheetNames).toEqual(['撤销学位信息']);
    const sheet = workbook.Sheets['撤销学位信息'];
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true });
    const codes = templateColumns('G3', '普通').map((c) => c.code);
    expect(rows[0]).toEqual([...codes, '撤销学位决议编号', '撤销学位决议生效日期', '撤销原因']);
    expect(rows[1]).toEqual([...codes.map((code) => batch.records[1].values[code]), revoke.decisionNo, revoke.decisionDate, revoke.reason]);
    for (const address of Object.keys(sheet).filter((a) => !a.startsWith('!'))) expect(sheet[address].t).toBe('s');

    const labelled = XLSX.read(withdrawalFile(deletions, 'deletion', { headerStyle: 'label' }), { type: 'array' });
    const deletionRows = XLSX.utils.sheet_to_json<string[]>(labelled.Sheets['删除学位信息'], { header: 1 });
    expect(deletionRows[0][0]).toBe('姓名(XM)');
    expect(deletionRows[0].at(-1)).toBe('删除原因');
    expect(deletionRows[1].at(-1)).toBe('重复上报');
  });
});
