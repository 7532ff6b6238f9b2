import type { Issue, Severity } from '../../../core/model/types';
import type { RuleGroupModel } from '../../view/issueView';

export interface RuleGroupProps {
  group: RuleGroupModel;
  onSelectIssue: (issue: Issue) => void;
  /** Prefix locations with the sheet's name (several template sheets). */
  showSheet?: boolean;
  defaultExpanded?: boolean;
  /** How many examples show before "show all"; 20 by default. */
  examples?: number;
}

export interface RuleGroupState {
  rule: string;
  severity: Severity;
  severityLabel: string;
  title: string;
  why: string;
  fix: string;
  count: number;
  countLabel: string;
  expanded: boolean;
  toggle: () => void;
  showAll: boolean;
  toggleShowAll: () => void;
  /** The examples, or every issue of the group when showAll. */
  visible: readonly Issue[];
  listLabel: string;
  examplesCaption: string;
  showAllLabel: string | undefined;
  headingId: string;
  bodyId: string;
  whyLabel: string;
  fixLabel: string;
  showSheet: boolean;
  onSelectIssue: (issue: Issue) => void;
  classes: RuleGroupClasses;
}

export interface RuleGroupClasses {
  root: string;
  heading: string;
  header: string;
  title: string;
  chevron: string;
  body: string;
  explanation: string;
  term: string;
  definition: string;
  caption: string;
  footer: string;
}
