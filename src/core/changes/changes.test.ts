import { verifyChain } from '../audit/chain';
import { digestRows } from '../audit/digest';
import { detectHeader } from '../template/headers';
import { validRecord } from '../testing/fixtures';
import { makeResidentId } from '../util/residentId';
import { baselineDigest, baselineSheetRows, checkBaseline, fieldsOf, readBaseline } from './baseline';
import { diffRecords } from './diff';
import { checkChangeLog } from './log';
import { changesBlockingExport, decideRequest, foldRequests, requestChange, reviewChanges } from './requests';
import { changeRowOf, changesFromRows, CHANGE_COLUMNS } from './sheetFormat';
import { actor, batchOf, batchOfSheets, Book, edit, recordsOf } from './testing';

const reason = { reason: '学生提供户口簿，姓名录入有误' };

describe('the reported baseline', () => {
  it('is set from the exported records with its digest in a 基线建立 event, and reads back unchanged', () => {
    const batch = batchOf(recordsOf(3));
    const book = new Book();
    const baseline = book.setBaseline(batch);
    expect(book.events).toHaveLength(1);
    const [event] = book.events;
    expect(event.action).toBe('基线建立');
    expect(event.datasetDigest).toBe(digestRows(batch.records).digest);
    expect(baseline.seq).toBe(event.seq);

    const back = readBaseline(baselineSheetRows(baseline));
    expect(back.unreadable).toEqual([]);
    expect(back.baseline).toEqual(baseline);
    expect(checkBaseline(back.baseline!, book.events)).toEqual([]);
    expect(verifyChain(book.events)).toEqual([]);
  });

  it('keeps personal data out of the audit log', () => {
    const batch = batchOf(recordsOf(3));
    const book = new Book();
    book.setBaseline(batch);
    const log = JSON.stringify(book.events);
    for (const record of batch.records) {
      expect(log).not.toContain(record.values.ZJHM);
      expect(log).not.toContain(record.values.XM);
    }
  });

  it('reports a baseline sheet edited after it was set', () => {
    const book = new Book();
    const baseline = book.setBaseline(batchOf(recordsOf(2)));
    const rows = baselineSheetRows(baseline);
    const column = rows[0].indexOf('_values');
    const values = JSON.parse(String(rows[1][column])) as string[];
    values[fieldsOf('G3', '普通').indexOf('XM')] = '改过的名字';
    rows[1][column] = JSON.stringify(values);
    const back = readBaseline(rows).baseline!;
    expect(baselineDigest(back.rows)).not.toBe(book.events[0].datasetDigest);
    expect(checkBaseline(back, book.events).map((p) => p.kind)).toEqual(['altered']);
  });

  it('lists baseline rows that cannot be read instead of dropping them', () => {
    const book = new Book();
    const rows = baselineSheetRows(book.setBaseline(batchOf(recordsOf(2))));
    rows[2][rows[0].indexOf('_values')] = '["only one value"]';
    const back = readBaseline(rows);
    expect(back.unreadable).toEqual([3]);
    expect(back.baseline!.rows).toHaveLength(1);
    expect(checkBaseline(back.baseline!, book.events, back.unreadable).map((p) => p.kind)).toEqual(['unreadable', 'altered']);
  });

  it('is not taken for a template sheet by the header detector, nor is the change log', () => {
    const book = new Book();
    const rows = baselineSheetRows(book.setBaseline(batchOf(recordsOf(1))));
    expect(detectHeader({ name: '_dd_baseline', startRow: 1, startColumn: 0, values: rows })).toBeUndefined();
    expect(detectHeader({ name: '_dd_changes', startRow: 1, startColumn: 0, values: [[...CHANGE_COLUMNS]] })).toBeUndefined();
  });
});

describe('differences against the baseline', () => {
  const batch = batchOf(recordsOf(4));

  it('shows an edited reported row as a change, field by field, key fields marked', () => {
    const edited = edit(batch, 1, { XM: '李晓虹', LWTM: '新的论文题目' });
    const diff = diffRecords(new Book().setBaseline(batch).rows, edited.records);
    expect(diff.changed).toHaveLength(1);
    const [change] = diff.changed;
    expect(change.row).toBe(3);
    expect(change.matchedBy).toBe('ZJHM');
    expect(change.fields).toEqual([
      { field: 'XM', old: batch.records[1].values.XM, new: '李晓虹', key: true },
      { field: 'LWTM', old: batch.records[1].values.LWTM, new: '新的论文题目', key: false },
    ]);
    expect(change.needsStateApproval).toBe(true);
    expect(diff.unchanged).toBe(3);
  });

  it('still matches a record whose 证件号码 was corrected, through its certificate number', () => {
    const newId = makeResidentId('500101', '20010202', 17);
    const edited = edit(batch, 2, { ZJHM: newId });
    const diff = diffRecords(new Book().setBaseline(batch).rows, edited.records);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed[0]).toMatchObject({ row: 4, matchedBy: 'XWZSBH', needsStateApproval: true });
    expect(diff.changed[0].fields).toEqual([{ field: 'ZJHM', old: batch.records[2].values.ZJHM, new: newId, key: true }]);
  });

  it('falls back to 学号 when the certificate number changed too', () => {
    const edited = edit(batch, 2, { ZJHM: makeResidentId('500101', '20010202', 17), XWZSBH: '1260842025999999' });
    const diff = diffRecords(new Book().setBaseline(batch).rows, edited.records);
    expect(diff.changed[0].matchedBy).toBe('XH');
  });

  it('lists rows added since and rows removed', () => {
    const baseline = new Book().setBaseline(batch);
    const extra = batchOf([...recordsOf(4), validRecord(9, 'G3')]);
    const fewer = { ...batch, records: batch.records.filter((_, i) => i !== 0) };
    expect(diffRecords(baseline.rows, extra.records).added.map((r) => r.excelRow)).toEqual([6]);
    expect(diffRecords(baseline.rows, fewer.records).removed.map((r) => r.row)).toEqual([2]);
  });

  it('pairs the two degrees of one person by their other keys', () => {
    const second = { ...validRecord(1, 'G3'), XWZSBH: '1260842025000099', XH: '2021999999', SFDEXW: '是' };
    const twice = batchOf([validRecord(1, 'G3'), second]);
    const swapped = { ...twice, records: [twice.records[1], twice.records[0]] };
    const diff = diffRecords(new Book().setBaseline(twice).rows, swapped.records);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(2);
  });
});

describe('change requests and the export gate', () => {
  function reported() {
    const batch = batchOf(recordsOf(3));
    const book = new Book();
    book.setBaseline(batch);
    return { batch, book };
  }

  it('lets nothing block an export while the data equals the baseline', () => {
    const { batch, book } = reported();
    expect(changesBlockingExport(book, batch.records)).toEqual([]);
  });

  it('blocks an edited reported row until a request is reviewed and approved', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 0, { LWTM: '更正后的论文题目' });
    const kinds = () => changesBlockingExport(book, edited.records).map((b) => b.kind);
    expect(kinds()).toEqual(['unrequested']);

    book.apply(requestChange(book, edited.records, { row: 2 }, reason, actor('张经办'), book.now()));
    expect(kinds()).toEqual(['awaitingReview']);
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now()));
    expect(kinds()).toEqual(['awaitingApproval']);
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'school', decision: 'agree' }, actor('钱处长'), book.now()));
    expect(kinds()).toEqual([]);

    const [request] = foldRequests(book.entries);
    expect(request).toMatchObject({ id: 'C1', status: 'approved', needsStateApproval: false, reason: reason.reason });
    expect(book.events.map((e) => e.action)).toEqual(['基线建立', '更正申请', '二级学院审核', '学校审批']);
    expect(verifyChain(book.events)).toEqual([]);
    expect(checkChangeLog(book.entries, book.events)).toEqual([]);
  });

  it('does not export a key-field change before the 国务院学位办 document number is recorded', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 1, { XM: '李晓虹' });
    book.apply(requestChange(book, edited.records, { row: 3 }, reason, actor('张经办'), book.now()));
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now()));
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'school', decision: 'agree' }, actor('钱处长'), book.now()));
    const blockers = changesBlockingExport(book, edited.records);
    expect(blockers.map((b) => b.kind)).toEqual(['documentMissing']);
    expect(blockers[0].message).toMatch(/国务院学位办.*\/ .*approval document/);

    book.apply(
      decideRequest(book, edited.records, { id: 'C1', level: 'school', decision: 'agree', document: '学位办〔2026〕45号' }, actor('钱处长'), book.now()),
    );
    expect(changesBlockingExport(book, edited.records)).toEqual([]);
    const overview = reviewChanges(book, edited.records);
    expect(overview.changes[0]).toMatchObject({ status: 'approved', approvalDocument: '学位办〔2026〕45号', needsStateApproval: true, cleared: true });
    expect(verifyChain(book.events)).toEqual([]);
  });

  it('accepts the document number with the school approval itself', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 1, { XB: '男', XBM: '1' });
    book.apply(requestChange(book, edited.records, { row: 3 }, reason, actor('张经办'), book.now()));
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now()));
    book.apply(
      decideRequest(book, edited.records, { id: 'C1', level: 'school', decision: 'agree', document: '学位办〔2026〕46号' }, actor('钱处长'), book.now()),
    );
    expect(changesBlockingExport(book, edited.records)).toEqual([]);
  });

  it('binds approvals to the values: an edit after the request needs a new request', () => {
    const { batch, book } = reported();
    const first = edit(batch, 0, { LWTM: '题目甲' });
    book.apply(requestChange(book, first.records, { row: 2 }, reason, actor('张经办'), book.now()));
    const second = edit(batch, 0, { LWTM: '题目乙' });
    expect(changesBlockingExport(book, second.records).map((b) => b.kind)).toEqual(['stale']);
    const refused = decideRequest(book, second.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now());
    expect(refused).toMatchObject({ ok: false, reason: 'stale' });
    const renewed = book.apply(requestChange(book, second.records, { row: 2 }, reason, actor('张经办'), book.now()));
    expect(renewed.id).toBe('C2');
    expect(changesBlockingExport(book, second.records).map((b) => b.kind)).toEqual(['awaitingReview']);
  });

  it('keeps the applicant, the college reviewer and the school approver apart', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 0, { LWTM: '题目丙' });
    book.apply(requestChange(book, edited.records, { row: 2 }, reason, actor('张经办'), book.now()));
    expect(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('张经办'))).toMatchObject({
      ok: false,
      reason: 'sameAsApplicant',
    });
    expect(decideRequest(book, edited.records, { id: 'C1', level: 'school', decision: 'agree' }, actor('钱处长'))).toMatchObject({
      ok: false,
      reason: 'notReviewed',
    });
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now()));
    expect(decideRequest(book, edited.records, { id: 'C1', level: 'school', decision: 'agree' }, actor('赵院长'))).toMatchObject({
      ok: false,
      reason: 'sameAsReviewer',
    });
  });

  it('records a rejection, which keeps blocking until the reported values are restored', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 0, { LWTM: '题目丁' });
    book.apply(requestChange(book, edited.records, { row: 2 }, reason, actor('张经办'), book.now()));
    expect(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'reject' }, actor('赵院长'))).toMatchObject({ ok: false, reason: 'noNote' });
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'reject', note: '证明材料不足' }, actor('赵院长'), book.now()));
    expect(foldRequests(book.entries)[0].status).toBe('rejected');
    expect(book.events.at(-1)!.meaning).toMatch(/不同意/);
    expect(changesBlockingExport(book, edited.records).map((b) => b.kind)).toEqual(['rejected']);
    expect(changesBlockingExport(book, batch.records)).toEqual([]);
  });

  it('asks for the sheet when several 二级学院 sheets have the row', () => {
    const batch = batchOfSheets({ 外国语学院: [validRecord(0, 'G3')], 商学院: [validRecord(1, 'G3')] });
    const book = new Book();
    book.setBaseline(batch);
    const edited = edit(batch, 1, { LWTM: '新题目' });
    expect(requestChange(book, edited.records, { row: 2 }, reason, actor('张经办'))).toMatchObject({ ok: false, reason: 'ambiguousSheet' });
    expect(requestChange(book, edited.records, { sheet: '外国语学院', row: 2 }, reason, actor('张经办'))).toMatchObject({ ok: false, reason: 'noChange' });
    const entry = book.apply(requestChange(book, edited.records, { sheet: '商学院', row: 2 }, reason, actor('张经办'), book.now()));
    expect(entry).toMatchObject({ sheet: '商学院', baselineRef: '商学院!2' });
    expect(book.events.at(-1)!.scope).toBe('商学院!2');
  });

  it('refuses requests that make no sense', () => {
    const { batch, book } = reported();
    expect(requestChange(book, batch.records, { row: 2 }, reason, actor('张经办'))).toMatchObject({ ok: false, reason: 'noChange' });
    expect(requestChange(book, batch.records, { row: 99 }, reason, actor('张经办'))).toMatchObject({ ok: false, reason: 'noRecord' });
    expect(requestChange(book, edit(batch, 0, { LWTM: 'x' }).records, { row: 2 }, { reason: ' ' }, actor('张经办'))).toMatchObject({
      ok: false,
      reason: 'noReason',
    });
    const added = batchOf([...recordsOf(3), validRecord(7, 'G3')]);
    expect(requestChange(book, added.records, { row: 5 }, reason, actor('张经办'))).toMatchObject({ ok: false, reason: 'notReported' });
    expect(requestChange(new Book(), batch.records, { row: 2 }, reason, actor('张经办'))).toMatchObject({ ok: false, reason: 'noBaseline' });
  });

  it('writes no values or reasons into the audit log, only into the change log', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 1, { XM: '李晓虹' });
    book.apply(requestChange(book, edited.records, { row: 3 }, reason, actor('张经办'), book.now()));
    const log = JSON.stringify(book.events);
    expect(log).not.toContain('李晓虹');
    expect(log).not.toContain(batch.records[1].values.XM);
    expect(log).not.toContain(reason.reason);
    expect(book.events.at(-1)!.note).toMatch(/C1.*XM/);
  });

  it('notices a change-log row edited or removed after it was written', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 0, { LWTM: '题目戊' });
    book.apply(requestChange(book, edited.records, { row: 2 }, reason, actor('张经办'), book.now()));
    const forged = { ...book.entries[0], reason: '改写的原因' };
    expect(checkChangeLog([forged], book.events).map((p) => p.kind)).toEqual(['entryAltered']);
    expect(checkChangeLog([], book.events).map((p) => p.kind)).toEqual(['eventWithoutEntry']);
    expect(changesBlockingExport({ ...book, entries: [forged] }, edited.records).map((b) => b.kind)).toContain('changeLogAltered');
  });

  it('stores change-log rows that read back to the same entries and digests', () => {
    const { batch, book } = reported();
    const edited = edit(batch, 1, { XM: '李晓虹' });
    book.apply(requestChange(book, edited.records, { row: 3 }, reason, actor('张经办'), book.now()));
    book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now()));
    // A sheet hands numbers back as text or the other way round; the digest must not care.
    const rows = [[...CHANGE_COLUMNS], ...book.entries.map((e) => changeRowOf(e).map((c) => (typeof c === 'number' ? String(c) : c)))];
    const back = changesFromRows(rows);
    expect(back.unreadable).toEqual([]);
    expect(back.entries).toEqual(book.entries);
    expect(checkChangeLog(back.entries, book.events)).toEqual([]);
  });
});
