/** @jest-environment jsdom */
import '../testing/jsdom';
import { act, waitFor } from '@testing-library/react';
import { validRecord } from '../../core/testing/fixtures';
import { editCell, reportedPane, signedPane, type RenderedPane } from '../testing/paneHarness';

const records = Array.from({ length: 6 }, (_, i) => validRecord(i));

async function as(pane: RenderedPane, name: string, work: () => void) {
  act(() => pane.current().signer.setName(name));
  const before = pane.ports.events.length;
  act(work);
  await waitFor(() => expect(pane.current().records.notice).toBeDefined());
  await waitFor(() => expect(pane.current().ledger.busy).toBe(false));
  return pane.ports.events.slice(before);
}

const change = (pane: RenderedPane) => pane.current().records.overview!.changes[0];

describe('useRecords (记录)', () => {
  it('shows every event verified, the chain head, and the rows changed since the last sign-off', async () => {
    const pane = await signedPane(records);
    const verification = pane.current().records.verification!;
    expect(verification.ok).toBe(true);
    expect(verification.rows.map((r) => [r.event.action, r.marks])).toEqual([
      ['采集完成', []],
      ['校核通过', []],
    ]);
    expect(verification.head).toBe(pane.ports.events[1].entryHash);
    expect(verification.dataChanged).toBe(false);

    await editCell(pane, 4, 'BZ', '签核后改的');
    expect(pane.current().records.verification).toMatchObject({ dataChanged: true, changedRows: [6] });

    // Someone edits an event in the hidden sheet: the chain shows which one.
    pane.ports.events[0] = { ...pane.ports.events[0], note: '改过的备注' };
    await act(() => pane.current().ledgerActions.reload());
    const tampered = pane.current().records.verification!;
    expect(tampered.ok).toBe(false);
    expect(tampered.rows.map((r) => r.marks)).toEqual([['edited'], []]);
  });

  it('turns an edit of a reported record into a change request, reviewed by the college and approved by the school', async () => {
    const pane = await reportedPane(records);
    expect(pane.current().records.overview?.baseline).toMatchObject({ rows: 6 });
    await editCell(pane, 3, 'ZYMC', '商务英语');
    expect(change(pane)).toMatchObject({ status: 'unrequested', needsStateApproval: false, fields: [{ field: 'ZYMC', old: records[3].ZYMC, new: '商务英语', key: false }] });
    expect(pane.current().records.overview!.blockers.map((b) => b.kind)).toEqual(['unrequested']);

    // No reason: refused, nothing written.
    let written = await as(pane, '李采集', () => pane.current().records.request(change(pane).baselineRef));
    expect(written).toEqual([]);
    expect(pane.current().records.notice).toMatchObject({ key: 'records.refused' });

    act(() => pane.current().records.setReason(change(pane).baselineRef, '专业名称录入错误'));
    written = await as(pane, '李采集', () => pane.current().records.request(change(pane).baselineRef));
    expect(written.map((e) => e.action)).toEqual(['更正申请']);
    expect(pane.ports.entries.at(-1)).toMatchObject({ kind: 'request', id: 'C1', reason: '专业名称录入错误' });
    expect(change(pane).status).toBe('pending');

    // The applicant does not review their own request.
    written = await as(pane, '李采集', () => pane.current().records.decide('C1', 'college', 'agree'));
    expect(written).toEqual([]);
    expect(pane.current().records.notice?.params?.reason).toContain('申请人不能审核自己的更正申请');

    written = await as(pane, '王院长', () => pane.current().records.decide('C1', 'college', 'agree'));
    expect(written.map((e) => e.action)).toEqual(['二级学院审核']);
    written = await as(pane, '赵学位办', () => pane.current().records.decide('C1', 'school', 'agree'));
    expect(written.map((e) => e.action)).toEqual(['学校审批']);
    expect(change(pane)).toMatchObject({ status: 'approved', cleared: true });
    expect(pane.current().records.overview!.blockers).toEqual([]);

    const form = pane.current().records.changeForm()!;
    expect(form.html).toContain('学位授予信息更正申请表');
    expect(form.html).toContain('专业名称录入错误');
    act(() => pane.current().records.saveForm(form));
    await waitFor(() => expect(pane.ports.saved.at(-1)?.name).toBe(form.fileName));
  });

  it('needs the 国务院学位办 document number for a key field before the change is cleared', async () => {
    const pane = await reportedPane(records);
    await editCell(pane, 1, 'XM', '王晓红');
    expect(change(pane)).toMatchObject({ needsStateApproval: true });
    act(() => pane.current().records.setReason(change(pane).baselineRef, '依公安机关户籍证明更名'));
    await as(pane, '李采集', () => pane.current().records.request(change(pane).baselineRef));
    await as(pane, '王院长', () => pane.current().records.decide('C1', 'college', 'agree'));
    await as(pane, '赵学位办', () => pane.current().records.decide('C1', 'school', 'agree'));
    expect(change(pane)).toMatchObject({ status: 'approved', cleared: false });
    expect(pane.current().records.overview!.blockers.map((b) => b.kind)).toEqual(['documentMissing']);

    act(() => pane.current().records.setDocument('C1', '学位办〔2026〕12号'));
    const written = await as(pane, '赵学位办', () => pane.current().records.recordDocument('C1'));
    expect(written.map((e) => e.action)).toEqual(['学校审批']);
    expect(change(pane)).toMatchObject({ cleared: true, approvalDocument: '学位办〔2026〕12号' });
  });

  it('records a revocation with its 10-working-day deadline, its filing, and a deletion with the report and file', async () => {
    const pane = await reportedPane(records);
    const view = () => pane.current().records;
    expect(view().targets.slice(0, 2).map((t) => t.key)).toEqual(['cur:学位授予信息:2', 'cur:学位授予信息:3']);
    act(() => {
      view().withdrawal.setKind('revocation');
      view().withdrawal.setTarget('cur:学位授予信息:3');
      view().withdrawal.setDecisionNo('重外学位〔2026〕9号');
      view().withdrawal.setDecisionDate('2026-06-26');
      view().withdrawal.setReason('学位论文存在抄袭');
    });
    const written = await as(pane, '赵学位办', () => view().withdrawal.submit());
    expect(written.map((e) => e.action)).toEqual(['撤销学位']);
    const revocation = view().overview!.revocations[0];
    // 2026-06-26 (Friday) + 10 working days = 2026-07-10; on 2026-07-01 eight working days are left including today.
    expect(revocation).toMatchObject({ id: 'R1', decisionNo: '重外学位〔2026〕9号', present: true });
    expect(revocation.deadline).toMatchObject({ deadline: '20260710', overdue: false, workingDays: 8 });
    expect(view().overview!.blockers.map((b) => b.kind)).toEqual(['withdrawnStillPresent']);

    act(() => view().setFiledDate('R1', '2026-07-01'));
    await as(pane, '赵学位办', () => view().markFiled('R1'));
    expect(view().overview!.revocations[0].filed?.date).toBe('20260701');

    act(() => {
      view().withdrawal.setKind('deletion');
      view().withdrawal.setTarget('cur:学位授予信息:5');
      view().withdrawal.setReason('重复上报');
    });
    await as(pane, '赵学位办', () => view().withdrawal.submit());
    expect(view().overview!.deletions.map((d) => d.id)).toEqual(['D1']);

    const report = view().withdrawalForm('revocation')!;
    expect(report.html).toContain('撤销学位授予信息报告');
    expect(report.html).not.toContain(records[1].ZJHM);
    act(() => view().saveWithdrawalFile('deletion'));
    await waitFor(() => expect(pane.ports.saved.at(-1)?.name).toBe('12608_20260701_删除学位信息.xlsx'));
  });
});
