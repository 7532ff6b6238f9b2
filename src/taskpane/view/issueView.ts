import type { Issue, Severity } from '../../core/model/types';
import { SEVERITIES } from '../../core/model/types';

/** What the user filters the issues by; null means "all". */
export interface IssueFilter {
  severities: ReadonlySet<Severity>;
  rule: string | null;
  field: string | null;
}

export const NO_FILTER: IssueFilter = { severities: new Set(SEVERITIES), rule: null, field: null };

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function filterIssues(issues: readonly Issue[], filter: IssueFilter): Issue[] {
  const all = filter.severities.size === SEVERITIES.length && filter.rule === null && filter.field === null;
  if (all) return issues as Issue[];
  return issues.filter(
    (issue) =>
      filter.severities.has(issue.severity) &&
      (filter.rule === null || issue.rule === filter.rule) &&
      (filter.field === null || issue.field === filter.field),
  );
}

/** The issues of one rule, in report order (sheet, row, column). */
export interface RuleGroupModel {
  rule: string;
  /** The worst severity among the group's issues (a profile may change a rule's severity). */
  severity: Severity;
  issues: Issue[];
}

/** Groups by rule: errors first, then warnings, then notes; within a severity the largest group first. */
export function groupByRule(issues: readonly Issue[]): RuleGroupModel[] {
  const groups = new Map<string, RuleGroupModel>();
  for (const issue of issues) {
    let group = groups.get(issue.rule);
    if (!group) {
      group = { rule: issue.rule, severity: issue.severity, issues: [] };
      groups.set(issue.rule, group);
    }
    if (RANK[issue.severity] > RANK[group.severity]) group.severity = issue.severity;
    group.issues.push(issue);
  }
  return [...groups.values()].sort(
    (a, b) => RANK[b.severity] - RANK[a.severity] || b.issues.length - a.issues.length || a.rule.localeCompare(b.rule),
  );
}

export interface Facet {
  key: string;
  count: number;
}

/**
 * Options for the rule and field filters with counts: each facet counts the issues that pass the other filters,
 * so picking a rule shows which fields it touches and the other way round.
 */
export function facets(issues: readonly Issue[], filter: IssueFilter): { rules: Facet[]; fields: Facet[] } {
  const rules = new Map<string, number>();
  const fields = new Map<string, number>();
  for (const issue of issues) {
    if (!filter.severities.has(issue.severity)) continue;
    if (filter.field === null || issue.field === filter.field) rules.set(issue.rule, (rules.get(issue.rule) ?? 0) + 1);
    if (issue.field !== null && (filter.rule === null || issue.rule === filter.rule))
      fields.set(issue.field, (fields.get(issue.field) ?? 0) + 1);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  // Keep the selected option listed even when the other filters leave it with no issue.
  if (filter.rule !== null && !rules.has(filter.rule)) rules.set(filter.rule, 0);
  if (filter.field !== null && !fields.has(filter.field)) fields.set(filter.field, 0);
  return { rules: sorted(rules), fields: sorted(fields) };
}
