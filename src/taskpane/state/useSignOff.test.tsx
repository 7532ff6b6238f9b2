/** @jest-environment jsdom */
import '../testing/jsdom';
import { act, waitFor } from '@testing-library/react';
import { verifyChain } from '../../core/audit/chain';
import { gridFromRecords, validRecord } from '../../core/testing/fixtures';
import { memoryIdentity, renderPane, settled } from '../testing/paneHarness';

const records = Array.from({ length: 6 }, (_, i) => validRecord(i));

async function validated(grids = [gridFromRecords('G2', records)], identity = memoryIdentity()) {
  const pane = renderPane(grids, { identity });
  act(() => pane.current().sessionActions.start());
  await settled(pane.current);
  await act(() => pane.current().ledgerActions.reload());
  return pane;
}

function as(pane: Awaited<ReturnType<typeof validated>>, name: string, staffId: string, role: 'collector' | 'checker' | 'office') {
  act(() => {
    pane.current().signer.setName(name);
    pane.current().signer.setStaffId(staffId);
    pane.current().signOff.setRole(role);
  });
}

async function sign(pane: Awaited<ReturnType<typeof validated>>) {
  const before = pane.ports.events.length;
  act(() => pane.current().signOff.sign());
  await waitFor(() => expect(pane.current().signOff.notice).toBeDefined());
  await waitFor(() => expect(pane.current().ledger.busy).toBe(false));
  return pane.ports.events.slice(before);
}

describe('useSignOff (签核)', () => {
  it('signs as collector, refuses and logs the same person as checker, then accepts another checker and the degree office', async () => {
    const pane = await validated();
    expect(pane.current().signOff.blocker?.key).toBe('signoff.needName');
    expect(pane.current().signOff.overview?.status).toBe('notSigned');

    as(pane, '李采集', 'T001', 'collector');
    expect(pane.current().signOff.canSign).toBe(true);
    const [collected] = await sign(pane);
    expect(collected).toMatchObject({ action: '采集完成', actor: '李采集', actorId: 'T001', role: 'collector', datasetDigest: pane.current().session.digest!.digest });
    expect(pane.ports.signed).toEqual({ seq: collected.seq, rows: pane.current().session.digest!.rows });
    expect(pane.current().signOff.overview?.status).toBe('collected');
    expect(pane.current().signOff.overview?.sheets).toEqual([{ sheet: '学位授予信息', status: 'collected', changedRows: [], deletedRows: 0 }]);

    // The same staff number as checker: refused by the rules, and the refusal is logged.
    as(pane, '李采集', 'T001', 'checker');
    const [refusal] = await sign(pane);
    expect(refusal).toMatchObject({ action: '签核被拒绝', actor: '李采集' });
    expect(refusal.note).toContain('校核与采集须由不同人员完成');
    expect(pane.current().signOff.notice).toMatchObject({ intent: 'error', key: 'signoff.refusedLogged' });
    expect(pane.current().signOff.overview?.status).toBe('collected');

    as(pane, '王校核', 'T002', 'checker');
    const [checked] = await sign(pane);
    expect(checked).toMatchObject({ action: '校核通过', actor: '王校核' });
    expect(pane.current().signOff.overview?.status).toBe('checked');

    as(pane, '赵学位办', 'T003', 'office');
    const [approved] = await sign(pane);
    expect(approved.action).toBe('审核通过');
    expect(pane.current().signOff.overview?.status).toBe('approved');
    expect(pane.current().signOff.signOffs.map((e) => e.action)).toEqual(['采集完成', '校核通过', '审核通过']);
    expect(verifyChain(pane.ports.events)).toEqual([]);
    expect(pane.current().signOff.head).toBe(approved.entryHash);
  });

  it('names the rows changed after signing, sheet by sheet', async () => {
    const pane = await validated([gridFromRecords('G2', records, { name: '学院甲' }), gridFromRecords('G2', [validRecord(10)], { name: '学院乙' })]);
    as(pane, '李采集', '', 'collector');
    await sign(pane);
    // Someone edits row 4 of 学院甲 after the sign-off.
    const grid = pane.port.grids[0];
    const xm = (grid.values[0] as string[]).indexOf('BZ');
    grid.values[3][xm] = '签核后补充的备注';
    act(() => pane.current().sessionActions.start());
    await settled(pane.current);
    await act(() => pane.current().ledgerActions.reload());
    const overview = pane.current().signOff.overview!;
    expect(overview.status).toBe('changedAfterSigning');
    expect(overview.sheets).toEqual([
      { sheet: '学院甲', status: 'changedAfterSigning', changedRows: [4], deletedRows: 0 },
      { sheet: '学院乙', status: 'collected', changedRows: [], deletedRows: 0 },
    ]);
  });

  it('blocks on errors, asks for a note with warnings, and needs a reason to return the data', async () => {
    const broken = records.map((r, i) => (i === 2 ? { ...r, CSRQ: '20011340' } : r));
    const pane = await validated([gridFromRecords('G2', broken)], memoryIdentity({ name: '李采集', staffId: '' }));
    await waitFor(() => expect(pane.current().signer.identity.name).toBe('李采集'));
    expect(pane.current().signOff.blocker).toMatchObject({ key: 'signoff.errors' });
    expect(pane.current().signOff.canSign).toBe(false);
    act(() => pane.current().signOff.sign());
    expect(pane.ports.events).toEqual([]);

    const warned = await validated([gridFromRecords('G2', records.map((r, i) => (i === 1 ? { ...r, XZ: '5' } : r)))], memoryIdentity({ name: '李采集', staffId: '' }));
    await waitFor(() => expect(warned.current().signer.identity.name).toBe('李采集'));
    const warnings = warned.current().session.report!.counts.warning;
    expect(warnings).toBeGreaterThan(0);
    expect(warned.current().signOff.blocker).toEqual({ key: 'signoff.needNote', params: { count: warnings } });
    act(() => warned.current().signOff.setNote('已逐条核对警告'));
    expect(warned.current().signOff.blocker).toBeUndefined();
    const [event] = await sign(warned);
    expect(event).toMatchObject({ action: '采集完成', note: '已逐条核对警告' });

    act(() => warned.current().signOff.setRole('checker'));
    act(() => warned.current().signer.setName('王校核'));
    act(() => warned.current().signOff.returnData());
    expect(warned.current().signOff.notice?.key).toBe('signoff.returnNeedsReason');
    act(() => warned.current().signOff.setNote('第 3 行专业与决议不符'));
    act(() => warned.current().signOff.returnData());
    await waitFor(() => expect(warned.ports.events.at(-1)?.action).toBe('退回'));
    expect(warned.ports.events.at(-1)?.note).toBe('第 3 行专业与决议不符');
  });

  it('passes on what the gateway says about its hidden sheets (protect refused with AccessDenied) until read', async () => {
    const pane = await validated();
    pane.ports.protectionFails = true;
    as(pane, '李采集', '', 'collector');
    await sign(pane);
    expect(pane.current().ledger.notices.map((n) => n.kind)).toEqual(['protectFailed']);
    expect(pane.current().ledger.notices[0].message?.['zh-CN']).toContain('AccessDenied');
    act(() => pane.current().ledgerActions.dismissNotices());
    expect(pane.current().ledger.notices).toEqual([]);
  });

  it('remembers the signer on this computer once they sign', async () => {
    const identity = memoryIdentity();
    const pane = await validated(undefined, identity);
    as(pane, '李采集', 'T001', 'collector');
    expect(identity.remembered).toBeUndefined();
    await sign(pane);
    expect(identity.remembered).toEqual({ name: '李采集', staffId: 'T001' });
  });
});
