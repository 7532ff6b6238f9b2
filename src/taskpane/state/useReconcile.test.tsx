/** @jest-environment jsdom */
import '../testing/jsdom';
import { act, waitFor } from '@testing-library/react';
import { gridFromRecords, validRecord } from '../../core/testing/fixtures';
import { xuejiGrid, xuejiRow } from '../../core/testing/xuejiFixtures';
import { renderPane, settled } from '../testing/paneHarness';

const records = Array.from({ length: 6 }, (_, i) => validRecord(i));
const otherMajor = validRecord(1).ZYMC === records[0].ZYMC ? validRecord(2).ZYMC : validRecord(1).ZYMC;

/** 学籍: record 0 has another 专业名称, records 2 and 3 another 学制, record 4 another 姓名; one student has no degree row. */
function workbook() {
  const unreported = validRecord(40);
  return [
    gridFromRecords('G2', records),
    xuejiGrid([
      xuejiRow(records[0], { ZYMC: otherMajor }),
      xuejiRow(records[1]),
      xuejiRow(records[2], { XZ: '5' }),
      xuejiRow(records[3], { XZ: '5.0' }),
      xuejiRow(records[4], { XM: '王小明' }),
      xuejiRow(records[5]),
      xuejiRow(unreported),
    ]),
  ];
}

describe('useReconcile (学籍比对)', () => {
  it('finds the 学籍 sheet, reconciles, and shows the degree and 学籍 values side by side', async () => {
    const { current } = renderPane(workbook());
    act(() => current().sessionActions.start());
    await settled(current);
    expect(current().reconcile.reconciled).toBe(false);

    act(() => current().reconcile.detect());
    await waitFor(() => expect(current().reconcile.summary).toBeDefined(), { timeout: 20_000 });
    const view = current().reconcile;
    expect(view.detected?.map((s) => s.name)).toEqual(['学籍']);
    expect(view.source).toEqual({ kind: 'sheets', names: ['学籍'] });
    expect(view.sourceRecords).toBe(7);
    expect(view.summary).toMatchObject({ matched: 6, notFound: 0, ambiguous: 0, missingDegree: 1 });
    expect(view.issues.every((issue) => issue.rule.startsWith('xueji.'))).toBe(true);
    expect(view.issues.map((issue) => issue.rule).sort()).toEqual(['xueji.length', 'xueji.length', 'xueji.majorName', 'xueji.name', 'xueji.noDegreeRow']);
    // The 校验 step's report has them too: they are marked like the other issues.
    expect(current().session.report!.issues.filter((i) => i.rule.startsWith('xueji.'))).toHaveLength(5);

    const major = view.issues.find((issue) => issue.rule === 'xueji.majorName')!;
    act(() => current().reconcile.select(major));
    const pair = current().reconcile.pair!;
    const row = pair.rows.find((r) => r.field === 'ZYMC')!;
    expect(row).toMatchObject({ degree: records[0].ZYMC, xueji: otherMajor, current: true, differs: true });
    expect(pair.rows.find((r) => r.field === 'XM')).toMatchObject({ degree: records[0].XM, xueji: records[0].XM, differs: false });
    expect(current().reconcile.adoption).toMatchObject({ kind: 'adoptable', value: otherMajor });

    // A key field is never changed by one click.
    const name = view.issues.find((issue) => issue.rule === 'xueji.name')!;
    act(() => current().reconcile.select(name));
    expect(current().reconcile.adoption).toEqual({ kind: 'key' });
    expect(current().reconcile.pair!.rows.find((r) => r.field === 'XM')).toMatchObject({ xueji: '王小明', current: true });
  });

  it('loads a 学籍 .csv file picked by the user (GBK or UTF-8)', async () => {
    const { current } = renderPane([gridFromRecords('G2', records)]);
    const header = 'XM,SFZH,XH,KSH,ZYMC,RXRQ,YJBYRQ,ZCZT';
    const lines = records.map((r, i) => [i === 2 ? '张冠李' : r.XM, r.ZJHM, r.XH, r.KSH, r.ZYMC, `${r.RXNY}01`, `${r.BYNY}30`, '注册学籍'].join(','));
    const file = new File([[header, ...lines].join('\r\n')], '学籍导出.csv', { type: 'text/csv' });
    act(() => current().reconcile.loadFile(file));
    await waitFor(() => expect(current().reconcile.summary?.matched).toBe(6), { timeout: 20_000 });
    expect(current().reconcile.source).toEqual({ kind: 'file', name: '学籍导出.csv' });
    expect(current().reconcile.issues.map((i) => i.rule)).toEqual(['xueji.name']);

    act(() => current().reconcile.loadFile(new File(['a,b\n1,2'], 'other.csv')));
    // The gateway says why in its own words: no sheet of the file looks like a 学信网 export.
    await waitFor(() => expect(current().reconcile.notice?.key).toBe('reconcile.fileFailed'));
    expect(current().reconcile.notice?.params?.file).toBe('other.csv');
    expect(current().reconcile.source).toEqual({ kind: 'file', name: '学籍导出.csv' });
  });

  it('adopts a 学籍 value into the cell, records 采用学籍值, and validates again', async () => {
    const { current, ports } = renderPane(workbook());
    act(() => current().reconcile.detect());
    await waitFor(() => expect(current().reconcile.summary).toBeDefined(), { timeout: 20_000 });
    await settled(current);
    const major = current().reconcile.issues.find((issue) => issue.rule === 'xueji.majorName')!;

    // Nobody named: nothing is written.
    act(() => current().reconcile.apply(major));
    expect(current().reconcile.notice?.key).toBe('reconcile.needSigner');
    expect(ports.fixes).toEqual([]);

    act(() => current().signer.setName('李采集'));
    act(() => current().reconcile.apply(major));
    await waitFor(() => expect(current().reconcile.notice?.key).toBe('reconcile.applied'));
    await settled(current);
    expect(ports.fixes.map((fix) => [fix.issue.field, fix.value])).toEqual([['ZYMC', otherMajor]]);
    expect(ports.events.map((event) => [event.action, event.actor, event.scope])).toEqual([['采用学籍值', '李采集', `学位授予信息!${major.row}`]]);
    expect(ports.events[0].note).not.toContain(otherMajor);
    await waitFor(() => expect(current().reconcile.issues.some((issue) => issue.rule === 'xueji.majorName')).toBe(false));
  });

  it('applies every fix of a rule after a confirmation, as one audit event', async () => {
    const { current, ports } = renderPane(workbook());
    act(() => current().signer.setName('李采集'));
    act(() => current().reconcile.detect());
    await waitFor(() => expect(current().reconcile.summary).toBeDefined(), { timeout: 20_000 });
    await settled(current);
    const length = current().reconcile.issues.find((issue) => issue.rule === 'xueji.length')!;
    expect(current().reconcile.adoptableByRule.get('xueji.length')?.count).toBe(2);
    expect(current().reconcile.adoptableByRule.has('xueji.name')).toBe(false);

    act(() => current().reconcile.select(length));
    act(() => current().reconcile.askApplyRule('xueji.length'));
    expect(current().reconcile.confirmation).toMatchObject({ rule: 'xueji.length', count: 2 });
    act(() => current().reconcile.cancelApply());
    expect(current().reconcile.confirmation).toBeUndefined();
    expect(ports.fixes).toEqual([]);

    act(() => current().reconcile.askApplyRule('xueji.length'));
    act(() => current().reconcile.confirmApply());
    await waitFor(() => expect(current().reconcile.notice?.key).toBe('reconcile.applied'));
    expect(ports.fixes.map((fix) => fix.value)).toEqual(['5', '5']);
    expect(ports.events).toHaveLength(1);
    expect(ports.events[0].scope).toBe('学位授予信息!4,5');
    await waitFor(() => expect(current().reconcile.issues.filter((issue) => issue.rule === 'xueji.length')).toHaveLength(0), { timeout: 20_000 });
  });
});
