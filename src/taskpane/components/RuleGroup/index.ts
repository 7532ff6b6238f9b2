export { RuleGroup } from './RuleGroup';
export type { RuleGroupProps, RuleGroupState } from './RuleGroup.types';
export { EXAMPLES, useRuleGroup_unstable } from './useRuleGroup';
export { ruleGroupClassNames, useRuleGroupStyles_unstable } from './useRuleGroupStyles.styles';
export { renderRuleGroup_unstable } from './renderRuleGroup';
