import * as React from 'react';
import type { Issue, Severity } from '../../core/model/types';
import { facets, filterIssues, groupByRule, NO_FILTER, type Facet, type IssueFilter, type RuleGroupModel } from '../view/issueView';

export interface IssueView {
  filter: IssueFilter;
  toggleSeverity(severity: Severity): void;
  setRule(rule: string | null): void;
  setField(field: string | null): void;
  reset(): void;
  filtered: readonly Issue[];
  groups: readonly RuleGroupModel[];
  ruleOptions: readonly Facet[];
  fieldOptions: readonly Facet[];
  isFiltered: boolean;
}

/** The results view's state: filters by severity, rule and field, and the filtered issues grouped by rule. */
export function useIssueView(issues: readonly Issue[]): IssueView {
  const [filter, setFilter] = React.useState<IssueFilter>(NO_FILTER);
  const filtered = React.useMemo(() => filterIssues(issues, filter), [issues, filter]);
  const groups = React.useMemo(() => groupByRule(filtered), [filtered]);
  const options = React.useMemo(() => facets(issues, filter), [issues, filter]);
  return {
    filter,
    toggleSeverity: (severity) =>
      setFilter((current) => {
        const severities = new Set(current.severities);
        if (severities.has(severity)) severities.delete(severity);
        else severities.add(severity);
        return { ...current, severities };
      }),
    setRule: (rule) => setFilter((current) => ({ ...current, rule })),
    setField: (field) => setFilter((current) => ({ ...current, field })),
    reset: () => setFilter(NO_FILTER),
    filtered,
    groups,
    ruleOptions: options.rules,
    fieldOptions: options.fields,
    isFiltered: filter !== NO_FILTER && (filter.severities.size !== NO_FILTER.severities.size || filter.rule !== null || filter.field !== null),
  };
}
