import * as React from 'react';
import type { Issue, Severity } from '../../core/model/types';
import { isUnfiltered, NO_FILTER, viewOf, type Facet, type IssueFilter, type IssueIndex, type RuleGroupModel } from '../view/issueView';

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

/**
 * The results view's state: filters by severity, rule and field, and the filtered issues grouped by rule.
 * `index` (built while the issues arrived) spares the unfiltered view a pass over every issue.
 */
export function useIssueView(issues: readonly Issue[], index?: IssueIndex): IssueView {
  const [filter, setFilter] = React.useState<IssueFilter>(NO_FILTER);
  const model = React.useMemo(() => viewOf(issues, filter, index), [issues, filter, index]);
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
    filtered: model.filtered,
    groups: model.groups,
    ruleOptions: model.rules,
    fieldOptions: model.fields,
    isFiltered: !isUnfiltered(filter),
  };
}
