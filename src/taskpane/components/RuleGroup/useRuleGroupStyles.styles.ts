import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { RuleGroupClasses, RuleGroupState } from './RuleGroup.types';

export const ruleGroupClassNames = { root: 'dd-RuleGroup' };

const useStyles = makeStyles({
  root: {
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  heading: { margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    ...shorthands.border(0),
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      ...shorthands.outline(tokens.strokeWidthThick, 'solid', tokens.colorStrokeFocus2),
    },
  },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  chevron: { color: tokens.colorNeutralForeground3, width: '1em', flexShrink: 0, textAlign: 'center' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  explanation: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  definition: { margin: 0, color: tokens.colorNeutralForeground1 },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  footer: { display: 'flex', justifyContent: 'flex-start' },
});

export function useRuleGroupStyles_unstable(_state: Omit<RuleGroupState, 'classes'>): RuleGroupClasses {
  const styles = useStyles();
  return {
    root: mergeClasses(ruleGroupClassNames.root, styles.root),
    heading: styles.heading,
    header: styles.header,
    title: styles.title,
    chevron: styles.chevron,
    body: styles.body,
    explanation: styles.explanation,
    term: styles.term,
    definition: styles.definition,
    caption: styles.caption,
    footer: styles.footer,
  };
}
