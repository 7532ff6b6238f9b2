/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { manyIssues } from '../../testing/issues';
import { IssueList } from './IssueList';
import { ISSUE_ROW_HEIGHT } from './useIssueList';

describe('IssueList', () => {
  const issues = manyIssues(50_000);

  it('renders a window of rows, not 50,000', () => {
    const start = performance.now();
    render(<IssueList issues={issues} onSelectIssue={() => undefined} aria-label="问题" visibleRows={10} />);
    const elapsed = performance.now() - start;
    const list = screen.getByRole('listbox', { name: '问题' });
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThanOrEqual(10 + 1 + 6);
    expect(options[0].getAttribute('aria-setsize')).toBe('50000');
    expect(list.style.height).toBe(`${10 * ISSUE_ROW_HEIGHT}px`);
    expect((list.firstChild as HTMLElement).style.height).toBe(`${50_000 * ISSUE_ROW_HEIGHT}px`);
    expect(elapsed).toBeLessThan(200);
  });

  it('renders the rows at the scroll position', () => {
    render(<IssueList issues={issues} onSelectIssue={() => undefined} aria-label="问题" visibleRows={10} />);
    const list = screen.getByRole('listbox');
    fireEvent.scroll(list, { target: { scrollTop: 30_000 * ISSUE_ROW_HEIGHT } });
    const positions = screen.getAllByRole('option').map((option) => Number(option.getAttribute('aria-posinset')));
    expect(positions).toContain(30_001);
    expect(positions.every((p) => p > 29_990 && p < 30_020)).toBe(true);
    expect(screen.getAllByRole('option').length).toBeLessThanOrEqual(23);
  });

  it('moves the active row with the keyboard and selects with Enter', () => {
    const onSelect = jest.fn();
    render(<IssueList issues={issues} onSelectIssue={onSelect} aria-label="问题" visibleRows={10} />);
    const list = screen.getByRole('listbox');
    act(() => list.focus());
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1].id);
    fireEvent.keyDown(list, { key: 'End' });
    const last = screen.getByRole('option', { selected: true });
    expect(last.getAttribute('aria-posinset')).toBe('50000');
    expect(list.getAttribute('aria-activedescendant')).toBe(last.id);
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(issues[49_999]);
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith(issues[0]);
  });

  it('selects a clicked issue and shows its location and message', () => {
    const onSelect = jest.fn();
    render(<IssueList issues={issues.slice(0, 3)} onSelectIssue={onSelect} aria-label="问题" />);
    expect(screen.getByRole('listbox').style.height).toBe(`${3 * ISSUE_ROW_HEIGHT}px`);
    fireEvent.click(screen.getByText('第 2 个问题'));
    expect(onSelect).toHaveBeenCalledWith(issues[1]);
    expect(screen.getByText('B3')).toBeTruthy();
  });
});
