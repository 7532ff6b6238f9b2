/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ruleText } from '../../../core/rules/catalogue';
import { manyIssues } from '../../testing/issues';
import { groupByRule } from '../../view/issueView';
import { RuleGroup } from './RuleGroup';

describe('RuleGroup', () => {
  const [group] = groupByRule(manyIssues(50_000, 'id.checksum'));
  const text = ruleText('id.checksum', 'zh-CN')!;

  it('shows the rule, its count, why and fix, and the first 20 examples', () => {
    render(<RuleGroup group={group} onSelectIssue={() => undefined} defaultExpanded />);
    const header = screen.getByRole('button', { expanded: true });
    expect(header.textContent).toContain(text.title);
    expect(header.textContent).toContain('50,000 处');
    expect(screen.getByText(text.why)).toBeTruthy();
    expect(screen.getByText(text.fix)).toBeTruthy();
    expect(screen.getByText('前 20 例')).toBeTruthy();
    expect(screen.getByRole('listbox').getAttribute('data-count')).toBe('20');
  });

  it('shows all 50,000 in the windowed list and back', () => {
    render(<RuleGroup group={group} onSelectIssue={() => undefined} defaultExpanded />);
    fireEvent.click(screen.getByRole('button', { name: '显示全部 50,000 条' }));
    const list = screen.getByRole('listbox');
    expect(list.getAttribute('data-count')).toBe('50000');
    expect(within(list).getAllByRole('option').length).toBeLessThan(30);
    fireEvent.click(screen.getByRole('button', { name: '只显示前 20 例' }));
    expect(screen.getByRole('listbox').getAttribute('data-count')).toBe('20');
  });

  it('collapses and expands from its header', () => {
    render(<RuleGroup group={group} onSelectIssue={() => undefined} />);
    const header = screen.getByRole('button', { expanded: false });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.click(header);
    expect(header.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listbox')).toBeTruthy();
  });
});
