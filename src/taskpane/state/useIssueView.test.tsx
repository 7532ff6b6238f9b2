/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import type { Issue, Severity } from '../../core/model/types';
import { IssueIndex } from '../view/issueView';
import { useIssueView } from './useIssueView';

const issue = (rule: string, severity: Severity, row: number, field: string): Issue => ({
  rule,
  severity,
  sheet: 'S',
  row,
  column: 'A',
  field,
  value: null,
  message: '',
});

const ISSUES = [
  issue('id.checksum', 'error', 2, 'ZJHM'),
  issue('date.invalid', 'error', 3, 'CSRQ'),
  issue('pinyin.mismatch', 'warning', 4, 'XMPY'),
  issue('id.checksum', 'error', 5, 'ZJHM'),
];

describe('useIssueView', () => {
  it('starts unfiltered, grouped by rule, using the index built while the issues arrived', () => {
    const index = new IssueIndex().add(ISSUES.slice(0, 2)).add(ISSUES.slice(2));
    const { result } = renderHook(() => useIssueView(ISSUES, index));
    expect(result.current.isFiltered).toBe(false);
    expect(result.current.filtered).toBe(ISSUES);
    expect(result.current.groups.map((g) => [g.rule, g.issues.length])).toEqual([
      ['id.checksum', 2],
      ['date.invalid', 1],
      ['pinyin.mismatch', 1],
    ]);
    expect(result.current.fieldOptions[0]).toEqual({ key: 'ZJHM', count: 2 });
  });

  it('filters by severity, rule and field and resets', () => {
    const { result } = renderHook(() => useIssueView(ISSUES));
    act(() => result.current.toggleSeverity('error'));
    expect(result.current.filtered.map((i) => i.rule)).toEqual(['pinyin.mismatch']);
    expect(result.current.isFiltered).toBe(true);
    act(() => result.current.toggleSeverity('error'));
    act(() => result.current.setField('ZJHM'));
    expect(result.current.groups).toHaveLength(1);
    expect(result.current.ruleOptions).toEqual([{ key: 'id.checksum', count: 2 }]);
    act(() => result.current.setRule('date.invalid'));
    expect(result.current.filtered).toEqual([]);
    act(() => result.current.reset());
    expect(result.current.filtered).toBe(ISSUES);
  });
});
