import * as React from 'react';
import type { RuleGroupProps } from './RuleGroup.types';
import { renderRuleGroup_unstable } from './renderRuleGroup';
import { useRuleGroup_unstable } from './useRuleGroup';
import { useRuleGroupStyles_unstable } from './useRuleGroupStyles.styles';

/** The issues of one rule: count, why it matters, how to fix, the first examples and a windowed "show all". */
export const RuleGroup: React.FC<RuleGroupProps> = (props) => {
  const state = useRuleGroup_unstable(props);
  const classes = useRuleGroupStyles_unstable(state);
  return renderRuleGroup_unstable({ ...state, classes });
};
RuleGroup.displayName = 'RuleGroup';
