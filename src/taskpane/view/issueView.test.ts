import type { Issue, Severity } from '../../core/model/types';
import { facets, filterIssues, groupByRule, IssueIndex, NO_FILTER, viewOf } from './issueView';

const issue = (rule: string, severity: Severity, row: number, field: string | null = 'ZJHM'): Issue => ({
  rule,
  severity,
  sheet: 'S',
  row,
  column: 'A',
  field,
  value: 'x',
  message: `${rule} at ${row}`,
});

const ISSUES: Issue[] = [
  issue('id.checksum', 'error', 2),
  issue('pinyin.mismatch', 'warning', 2, 'XMPY'),
  issue('id.checksum', 'error', 3),
  issue('date.invalid', 'error', 4, 'CSRQ'),
  issue('row.blank', 'info', 5, null),
  issue('id.checksum', 'error', 6),
  issue('pinyin.mismatch', 'warning', 7, 'XMPY'),
  issue('pinyin.mismatch', 'warning', 8, 'XMPY'),
  issue('pinyin.mismatch', 'warning', 9, 'XMPY'),
];

describe('grouping issues by rule', () => {
  it('puts errors first, then warnings, then notes, the larger group first within a severity', () => {
    const groups = groupByRule(ISSUES);
    expect(groups.map((g) => [g.rule, g.issues.length])).toEqual([
      ['id.checksum', 3],
      ['date.invalid', 1],
      ['pinyin.mismatch', 4],
      ['row.blank', 1],
    ]);
  });

  it('keeps report order inside a group and takes the worst severity for the group', () => {
    const mixed = [issue('x', 'warning', 1), issue('x', 'error', 2), issue('x', 'info', 3)];
    const [group] = groupByRule(mixed);
    expect(group.severity).toBe('error');
    expect(group.issues.map((i) => i.row)).toEqual([1, 2, 3]);
  });
});

describe('filters', () => {
  it('returns the same array when nothing is filtered', () => {
    expect(filterIssues(ISSUES, NO_FILTER)).toBe(ISSUES);
  });

  it('filters by severity, rule and field together', () => {
    expect(filterIssues(ISSUES, { ...NO_FILTER, severities: new Set<Severity>(['warning']) })).toHaveLength(4);
    expect(filterIssues(ISSUES, { ...NO_FILTER, rule: 'id.checksum' })).toHaveLength(3);
    expect(filterIssues(ISSUES, { ...NO_FILTER, field: 'CSRQ' }).map((i) => i.rule)).toEqual(['date.invalid']);
    expect(filterIssues(ISSUES, { severities: new Set<Severity>(['warning']), rule: 'id.checksum', field: null })).toEqual([]);
  });

  it('counts each facet under the other filters and keeps a selected option listed', () => {
    const byField = facets(ISSUES, { ...NO_FILTER, field: 'XMPY' });
    expect(byField.rules).toEqual([{ key: 'pinyin.mismatch', count: 4 }]);
    expect(byField.fields.map((f) => f.key)).toEqual(['XMPY', 'ZJHM', 'CSRQ']);
    const none = facets(ISSUES, { severities: new Set<Severity>(['info']), rule: 'id.checksum', field: null });
    expect(none.rules).toContainEqual({ key: 'id.checksum', count: 0 });
  });
});

describe('the incremental index', () => {
  it('built chunk by chunk gives the same unfiltered view as one pass', () => {
    const index = new IssueIndex().add(ISSUES.slice(0, 4)).add(ISSUES.slice(4));
    const fromIndex = viewOf(ISSUES, NO_FILTER, index);
    const onePass = viewOf(ISSUES, NO_FILTER);
    expect(fromIndex).toEqual(onePass);
    expect(fromIndex.filtered).toBe(ISSUES);
    expect(fromIndex.rules).toEqual(facets(ISSUES, NO_FILTER).rules);
  });

  it('is ignored when it does not cover the issues', () => {
    const stale = new IssueIndex().add(ISSUES.slice(0, 2));
    expect(viewOf(ISSUES, NO_FILTER, stale).groups).toEqual(groupByRule(ISSUES));
  });
});
