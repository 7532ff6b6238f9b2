import * as React from 'react';
import { ruleText } from '../../../core/rules/catalogue';
import { useI18n } from '../../i18n/I18nContext';
import type { RuleGroupProps, RuleGroupState } from './RuleGroup.types';

export const EXAMPLES = 20;

/** Props → state: the rule's texts in the pane's language, expansion, and the examples / all switch. */
export function useRuleGroup_unstable(props: RuleGroupProps): Omit<RuleGroupState, 'classes'> {
  const { group, onSelectIssue, showSheet = false, defaultExpanded = false, examples = EXAMPLES } = props;
  const { locale, t } = useI18n();
  const [expanded, setExpanded] = React.useState(defaultExpanded);
  const [showAll, setShowAll] = React.useState(false);
  const id = React.useId();
  const text = ruleText(group.rule, locale);
  const title = text?.title ?? group.rule;
  const count = group.issues.length;
  const visible = React.useMemo(
    () => (showAll ? group.issues : group.issues.slice(0, examples)),
    [showAll, group.issues, examples],
  );
  return {
    rule: group.rule,
    severity: group.severity,
    severityLabel: t(`badge.${group.severity}`),
    title,
    why: text?.why ?? '',
    fix: text?.fix ?? '',
    count,
    countLabel: t('group.count', { count }),
    expanded,
    toggle: () => setExpanded((value) => !value),
    showAll,
    toggleShowAll: () => setShowAll((value) => !value),
    visible,
    listLabel: showAll ? t('group.allLabel', { title, count }) : t('group.examplesLabel', { title }),
    examplesCaption: showAll ? t('group.allLabel', { title, count }) : t('group.examples', { count: Math.min(count, examples) }),
    showAllLabel: count > examples ? (showAll ? t('group.showFewer', { count: examples }) : t('group.showAll', { count })) : undefined,
    headingId: `${id}-heading`,
    bodyId: `${id}-body`,
    whyLabel: t('group.why'),
    fixLabel: t('group.fix'),
    showSheet,
    onSelectIssue,
  };
}
