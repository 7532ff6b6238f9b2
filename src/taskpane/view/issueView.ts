import type { Issue, Severity } from '../../core/model/types';
import { SEVERITIES } from '../../core/model/types';

/** What the user filters the issues by; null means "all". */
export interface IssueFilter {
  severities: ReadonlySet<Severity>;
  rule: string | null;
  field: string | null;
}

export const NO_FILTER: IssueFilter = { severities: new Set(SEVERITIES), rule: null, field: null };

export function isUnfiltered(filter: IssueFilter): boolean {
  return filter.severities.size === SEVERITIES.length && filter.rule === null && filter.field === null;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function filterIssues(issues: readonly Issue[], filter: IssueFilter): Issue[] {
  if (isUnfiltered(filter)) return issues as Issue[];
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

export interface Facet {
  key: string;
  count: number;
}

/**
 * Groups by rule, built chunk by chunk as issues arrive from the worker, so that 100,000 issues never cost one
 * long task on the pane's thread. The unfiltered view is read from it without another pass.
 */
export class IssueIndex {
  private readonly groups = new Map<string, RuleGroupModel>();
  private readonly fields = new Map<string, number>();
  count = 0;

  add(issues: readonly Issue[]): this {
    for (const issue of issues) {
      let group = this.groups.get(issue.rule);
      if (!group) {
        group = { rule: issue.rule, severity: issue.severity, issues: [] };
        this.groups.set(issue.rule, group);
      }
      if (RANK[issue.severity] > RANK[group.severity]) group.severity = issue.severity;
      group.issues.push(issue);
      if (issue.field !== null) this.fields.set(issue.field, (this.fields.get(issue.field) ?? 0) + 1);
    }
    this.count += issues.length;
    return this;
  }

  /** Errors first, then warnings, then notes; within a severity the largest group first. */
  sortedGroups(): RuleGroupModel[] {
    return [...this.groups.values()].sort(
      (a, b) => RANK[b.severity] - RANK[a.severity] || b.issues.length - a.issues.length || a.rule.localeCompare(b.rule),
    );
  }

  ruleFacets(): Facet[] {
    return sortFacets(new Map([...this.groups].map(([rule, group]) => [rule, group.issues.length])));
  }

  fieldFacets(): Facet[] {
    return sortFacets(this.fields);
  }
}

function sortFacets(map: ReadonlyMap<string, number>): Facet[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function groupByRule(issues: readonly Issue[]): RuleGroupModel[] {
  return new IssueIndex().add(issues).sortedGroups();
}

/**
 * Options for the rule and field filters with counts: each facet counts the issues that pass the other filters,
 * so picking a rule shows which fields it touches and the other way round.
 */
export function facets(issues: readonly Issue[], filter: IssueFilter): { rules: Facet[]; fields: Facet[] } {
  return viewOf(issues, filter);
}

export interface IssueViewModel {
  filtered: readonly Issue[];
  groups: readonly RuleGroupModel[];
  rules: Facet[];
  fields: Facet[];
}

/** The filtered issues, their groups and both facets in one pass (or straight from the index when unfiltered). */
export function viewOf(issues: readonly Issue[], filter: IssueFilter, index?: IssueIndex): IssueViewModel {
  if (isUnfiltered(filter)) {
    const all = index && index.count === issues.length ? index : new IssueIndex().add(issues);
    return { filtered: issues, groups: all.sortedGroups(), rules: all.ruleFacets(), fields: all.fieldFacets() };
  }
  const filtered: Issue[] = [];
  const groups = new IssueIndex();
  const rules = new Map<string, number>();
  const fields = new Map<string, number>();
  for (const issue of issues) {
    if (!filter.severities.has(issue.severity)) continue;
    const ruleMatches = filter.rule === null || issue.rule === filter.rule;
    const fieldMatches = filter.field === null || issue.field === filter.field;
    if (fieldMatches) rules.set(issue.rule, (rules.get(issue.rule) ?? 0) + 1);
    if (ruleMatches && issue.field !== null) fields.set(issue.field, (fields.get(issue.field) ?? 0) + 1);
    if (ruleMatches && fieldMatches) filtered.push(issue);
  }
  groups.add(filtered);
  // Keep the selected option listed even when the other filters leave it with no issue.
  if (filter.rule !== null && !rules.has(filter.rule)) rules.set(filter.rule, 0);
  if (filter.field !== null && !fields.has(filter.field)) fields.set(filter.field, 0);
  return { filtered, groups: groups.sortedGroups(), rules: sortFacets(rules), fields: sortFacets(fields) };
}
