import { makeResidentId } from '../util/residentId';
import { changeRequestForm, withdrawalReport } from './forms';
import { decideRequest, foldRequests, requestChange } from './requests';
import { foldWithdrawals, recordDeletion, recordRevocation } from './revocation';
import { actor, batchOf, Book, edit, recordsOf } from './testing';

const unit = { code: '12608', name: '重庆外语外事学院' };

function approvedChange(values: Record<string, string>) {
  const batch = batchOf(recordsOf(3));
  const book = new Book();
  const baseline = book.setBaseline(batch);
  const edited = edit(batch, 1, values);
  book.apply(requestChange(book, edited.records, { row: 3 }, { reason: '依据户籍证明更正' }, actor('张经办'), book.now()));
  book.apply(decideRequest(book, edited.records, { id: 'C1', level: 'college', decision: 'agree' }, actor('赵院长'), book.now()));
  const [request] = foldRequests(book.entries);
  return { batch, request, record: baseline.rows[1].values };
}

describe('the change application form (更正申请表)', () => {
  it('lists the record, the fields old → new and the reason, with the three signature lines', () => {
    const { request, record } = approvedChange({ XM: '李晓虹' });
    const html = changeRequestForm([{ request, record }], { unit });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('学位授予信息更正申请表');
    expect(html).toContain(record.XM);
    expect(html).toContain('李晓虹');
    expect(html).toContain(record.XWZSBH);
    expect(html).toContain('依据户籍证明更正');
    for (const line of ['申请人（二级学院经办人）', '二级学院负责人审核意见', '学校审批意见']) expect(html).toContain(line);
    // Recorded steps print as electronic signatures; the school has not approved yet.
    expect(html).toContain('电子签名：张经办');
    expect(html).toContain('电子签名：赵院长');
    // A key field: the 国务院学位办 approval document line.
    expect(html).toContain('国务院学位委员会办公室同意文号');
    expect(html).not.toContain(record.ZJHM);
  });

  it('prints the 证件号码 only when it is the field being corrected', () => {
    const corrected = makeResidentId('500101', '20010202', 17);
    const { request, record } = approvedChange({ ZJHM: corrected });
    const html = changeRequestForm([{ request, record }], { unit });
    expect(html).toContain(record.ZJHM);
    expect(html).toContain(corrected);
  });

  it('has no state approval line for other fields, and escapes what users typed', () => {
    const { request, record } = approvedChange({ LWTM: '<script>alert(1)</script>' });
    const html = changeRequestForm([{ request, record }], { unit });
    expect(html).not.toContain('国务院学位委员会办公室同意文号');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('the revocation and deletion reports', () => {
  function withdrawn() {
    const batch = batchOf(recordsOf(3));
    const book = new Book();
    book.setBaseline(batch);
    book.apply(
      recordRevocation(
        book,
        batch.records,
        batch.sheets,
        { row: 3 },
        { decisionNo: '重外学位〔2026〕12号', decisionDate: '20261127', reason: '学位论文存在抄袭' },
        actor('钱处长'),
        book.now(),
      ),
    );
    book.apply(recordDeletion(book, batch.records, batch.sheets, { row: 2 }, { reason: '重复上报' }, actor('张经办'), book.now()));
    const { revocations, deletions } = foldWithdrawals(book.entries);
    return { batch, revocations, deletions };
  }

  it('reports a revocation to the offices 第十六条 names, with the decision, deadline and signatures, without full ID numbers', () => {
    const { batch, revocations } = withdrawn();
    const html = withdrawalReport(revocations, 'revocation', { unit, today: '20261201' });
    expect(html).toContain('撤销学位授予信息报告');
    expect(html).toContain('国务院学位委员会办公室、重庆市学位委员会办公室');
    expect(html).toContain('教育部学位与研究生教育发展中心');
    expect(html).toContain(batch.records[1].values.XM);
    expect(html).toContain(batch.records[1].values.XWZSBH);
    expect(html).toContain('重外学位〔2026〕12号');
    expect(html).toContain('报送截止：2026年12月11日（剩 9 个工作日）');
    expect(html).toContain('学位评定委员会撤销学位决议');
    for (const line of ['经办人', '学位办负责人', '签名（盖章）']) expect(html).toContain(line);
    for (const record of batch.records) expect(html).not.toContain(record.values.ZJHM);
    expect(html).toContain(batch.records[1].values.ZJHM.slice(0, 6));
  });

  it('reports a deletion with its application signatures', () => {
    const { batch, deletions } = withdrawn();
    const html = withdrawalReport(deletions, 'deletion', { unit, today: '20261201' });
    expect(html).toContain('删除学位授予信息报告');
    expect(html).toContain('重复上报');
    expect(html).toContain(batch.records[0].values.XM);
    for (const line of ['申请人（二级学院经办人）', '二级学院负责人', '学校审批']) expect(html).toContain(line);
    for (const record of batch.records) expect(html).not.toContain(record.values.ZJHM);
  });
});
