/** @jest-environment jsdom */
import './testing/jsdom';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { loadPinyin } from '../core/rules/pinyinPort';
import { gridFromRecords, validRecord } from '../core/testing/fixtures';
import { validateWorkbook } from '../core/validate';
import { App, type AppProps } from './App';
import { MemoryPanePorts } from './testing/memoryPanePorts';
import { MemoryPort } from './testing/memoryPort';
import { createInlineRunner } from './validation/runner';

const TODAY = '20260701';


function defectiveGrid() {
  const records = Array.from({ length: 30 }, (_, i) => validRecord(i));
  records[2] = { ...records[2], ZJHM: records[2].ZJHM.slice(0, 17) + (records[2].ZJHM.endsWith('1') ? '2' : '1') };
  records[4] = { ...records[4], CSRQ: '20011340' };
  records[6] = { ...records[6], XM: '' };
  records[8] = { ...records[8], XBM: '9' };
  return gridFromRecords('G2', records);
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

/** The App over a MemoryPort, with in-memory ports for the later steps. */
function TestApp(props: Omit<AppProps, 'port' | 'ports'> & { port: MemoryPort }) {
  const [ports] = React.useState(() => new MemoryPanePorts(props.port));
  return <App {...props} ports={ports} />;
}

async function runValidation() {
  fireEvent.click(screen.getByRole('button', { name: '开始校验' }));
  await waitFor(() => expect(screen.getByTestId('count-error')).toBeTruthy(), { timeout: 20_000 });
}

describe('the task pane', () => {
  const grid = defectiveGrid();
  let expected: ReturnType<typeof validateWorkbook>;
  beforeAll(async () => {
    expected = validateWorkbook([grid], { today: TODAY, pinyin: await loadPinyin() });
  });

  it('shows the five steps, all enabled, each described for screen readers', () => {
    render(<TestApp port={new MemoryPort([grid])} runner={createInlineRunner()} today={TODAY} />);
    const tabs = ['校验', '学籍比对', '签核', '导出', '记录'].map((name) => screen.getByRole('tab', { name }));
    const disabled = (tab: HTMLElement) => tab.hasAttribute('disabled') || tab.getAttribute('aria-disabled') === 'true';
    expect(tabs.map(disabled)).toEqual([false, false, false, false, false]);
    const description = document.getElementById(tabs[1].getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('学信网学籍数据');
    expect(screen.getByTestId('profile').textContent).toContain('12608 重庆外语外事学院');
  });

  it('validates, shows the counts the engine reports, and selects a clicked issue', async () => {
    const port = new MemoryPort([grid]);
    render(<TestApp port={port} runner={createInlineRunner()} today={TODAY} />);
    await runValidation();
    if (!expected.ok) throw new Error('expected a report');
    for (const severity of ['error', 'warning', 'info'] as const) {
      expect(screen.getByTestId(`count-${severity}`).querySelector('[data-count]')!.getAttribute('data-count')).toBe(
        String(expected.report.counts[severity]),
      );
    }
    expect(screen.getByTestId('sheets').textContent).toContain('学位授予信息：30 行数据，表头在第 1 行');
    // The first group is open; clicking its first example selects the cell.
    const first = within(screen.getByTestId('groups')).getAllByRole('option')[0];
    fireEvent.click(first);
    const issue = expected.report.issues.find(
      (i) => i.sheet === first.dataset.sheet && String(i.row) === first.dataset.row && (i.column ?? undefined) === first.dataset.column,
    )!;
    expect(port.selection).toEqual({ sheet: issue.sheet, row: issue.row, column: issue.column });
    // The quality strip lists the fields.
    expect(screen.getByText('各列数据质量')).toBeTruthy();
  });

  it('marks, clears and writes through the port, each on a click', async () => {
    const port = new MemoryPort([grid]);
    render(<TestApp port={port} runner={createInlineRunner()} today={TODAY} />);
    await runValidation();
    expect(port.calls.map((c) => c.method)).toEqual(['readTemplateSheets']);
    fireEvent.click(screen.getByRole('button', { name: '标记问题单元格' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已标记 \d+ 个单元格/));
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已清除标记/));
    expect(port.marked.size).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '写入问题清单' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('问题清单'));
    expect(port.calls.map((c) => c.method)).toEqual(['readTemplateSheets', 'applyMarks', 'clearMarks', 'writeIssuesSheet']);
  });

  it('filters by severity and field', async () => {
    render(<TestApp port={new MemoryPort([grid])} runner={createInlineRunner()} today={TODAY} />);
    await runValidation();
    if (!expected.ok) throw new Error('expected a report');
    const total = expected.report.issues.length;
    expect(screen.getByTestId('showing').textContent).toBe(`显示 ${total} / ${total} 条问题`);
    fireEvent.click(screen.getByTestId('filter-error'));
    const withoutErrors = total - expected.report.counts.error;
    expect(screen.getByTestId('showing').textContent).toBe(`显示 ${withoutErrors} / ${total} 条问题`);
    fireEvent.click(screen.getByTestId('filter-error'));
    fireEvent.change(screen.getByTestId('filter-field'), { target: { value: 'CSRQ' } });
    const csrq = expected.report.issues.filter((i) => i.field === 'CSRQ').length;
    expect(screen.getByTestId('showing').textContent).toBe(`显示 ${csrq} / ${total} 条问题`);
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(screen.getByTestId('showing').textContent).toBe(`显示 ${total} / ${total} 条问题`);
  });

  it('switches to English, validates again in English and remembers the choice', async () => {
    const storage = memoryStorage();
    render(<TestApp port={new MemoryPort([grid])} runner={createInlineRunner()} today={TODAY} storage={storage} />);
    await runValidation();
    fireEvent.click(screen.getByTestId('language'));
    expect(screen.getByRole('tab', { name: 'Validate' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Validate again' })).toBeTruthy(), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByTestId('showing').textContent).toMatch(/^Showing/));
    expect(storage.map.get('degree-data.pane.locale')).toBe('en-US');
  });

  it('re-validates with an overridden category', async () => {
    render(<TestApp port={new MemoryPort([grid])} runner={createInlineRunner()} today={TODAY} />);
    await runValidation();
    const select = screen.getByRole('combobox', { name: '学位类别' });
    expect((select as HTMLSelectElement).options[0].text).toBe('自动识别（普通本科）');
    fireEvent.change(select, { target: { value: '成人' } });
    await waitFor(() => expect(screen.getByTestId('sheets').textContent).toContain('成人本科'), { timeout: 20_000 });
  });

  it('explains a workbook without a template sheet and the gateway findings', async () => {
    const port = new MemoryPort([{ name: 'Sheet1', startRow: 1, startColumn: 0, values: [['成绩单']] }]);
    render(<TestApp port={port} runner={createInlineRunner()} today={TODAY} />);
    fireEvent.click(screen.getByRole('button', { name: '开始校验' }));
    await waitFor(() => expect(screen.getByTestId('findings').textContent).toContain('没有找到学位授予信息表'));
    expect(screen.getByTestId('findings').textContent).toContain('已查看的工作表：Sheet1');

    const flagged = new MemoryPort(
      [grid],
      [
        { kind: 'protected', sheet: '学位授予信息' },
        { kind: 'formulas', sheet: '学位授予信息', count: 3, address: 'C5' },
        { kind: 'filtered', sheet: '学位授予信息' },
      ],
    );
    render(<TestApp port={flagged} runner={createInlineRunner()} today={TODAY} />);
    fireEvent.click(screen.getAllByRole('button', { name: '开始校验' })[1]);
    await waitFor(() => expect(screen.getAllByTestId('findings')[1].querySelectorAll('[data-finding]')).toHaveLength(3));
  });

  it('cancels a run without touching the workbook', async () => {
    const port = new MemoryPort([grid]);
    port.hold();
    render(<TestApp port={port} runner={createInlineRunner()} today={TODAY} />);
    fireEvent.click(screen.getByRole('button', { name: '开始校验' }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await act(async () => port.open());
    expect(screen.getByTestId('cancelled').textContent).toContain('已取消校验');
    expect(screen.queryByTestId('count-error')).toBeNull();
    expect(port.calls.map((c) => c.method)).toEqual(['readTemplateSheets']);
  });

  it('opens every later step and prints the sign-off slip through its print layout', async () => {
    const onPrint = jest.fn();
    const clean = gridFromRecords('G2', Array.from({ length: 5 }, (_, i) => validRecord(i)));
    render(<TestApp port={new MemoryPort([clean])} runner={createInlineRunner()} today={TODAY} onPrint={onPrint} />);
    await runValidation();
    fireEvent.click(screen.getByRole('tab', { name: '签核' }));
    expect(screen.getByTestId('signer-note').textContent).toContain('由本人填写');
    fireEvent.change(screen.getByTestId('signer-name'), { target: { value: '李采集' } });
    await waitFor(() => expect((screen.getByTestId('sign') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('sign'));
    await waitFor(() => expect(screen.getByTestId('signoff-notice').textContent).toContain('已签核：采集人'));
    await waitFor(() => expect(screen.getByTestId('signoff-status').querySelector('[data-sheet-status]')?.getAttribute('data-sheet-status')).toBe('collected'));
    fireEvent.click(screen.getByTestId('print-slip'));
    expect(onPrint).toHaveBeenCalledTimes(1);
    const slip = screen.getByTestId('print-root');
    expect(slip.textContent).toContain('学位授予信息签核单');
    expect(slip.textContent).toContain('李采集');
    expect(screen.getByTestId('slip-head').textContent!.replace(/\s/g, '')).toBe(screen.getByTestId('chain-head').textContent);

    fireEvent.click(screen.getByRole('tab', { name: '学籍比对' }));
    expect(await screen.findByText('本工作簿中没有学籍表（表头含姓名、身份证号及入学日期、学籍状态等列的工作表）。请载入学信网导出的文件。')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    await waitFor(() => expect(screen.getByTestId('gate-reasons').textContent).toContain('校核通过'));
    fireEvent.click(screen.getByRole('tab', { name: '记录' }));
    await waitFor(() => expect(screen.getByTestId('chain-status').getAttribute('data-ok')).toBe('true'));
    expect(screen.getByTestId('audit-log').querySelectorAll('li[data-action]')).toHaveLength(1);
    expect(screen.getByTestId('changes').textContent).toContain('尚未上报');
  });

  it('says so when opened outside Office', () => {
    render(<TestApp port={new MemoryPort([grid])} runner={createInlineRunner()} outsideOffice />);
    expect(screen.getByTestId('outside-office').textContent).toContain('npm run demo');
  });

  it('follows a dark Office theme', () => {
    const { container } = render(
      <TestApp
        port={new MemoryPort([grid])}
        runner={createInlineRunner()}
        theme={{ current: () => ({ bodyBackgroundColor: '#262626' }) }}
      />,
    );
    const provider = container.querySelector('.fui-FluentProvider') as HTMLElement;
    expect(provider).toBeTruthy();
    // webDarkTheme's neutral background 1 is #292929 (the provider inserts its variables as a CSS rule).
    const rules = [...document.querySelectorAll('style')].flatMap((style) => [...(style.sheet?.cssRules ?? [])].map((r) => r.cssText));
    expect(rules.join('\n')).toMatch(/--colorNeutralBackground1: #292929/);
  });
});
