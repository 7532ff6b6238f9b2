import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { IssueListClasses, IssueListState } from './IssueList.types';

export const issueListClassNames = { root: 'dd-IssueList', row: 'dd-IssueList__row' };

const useStyles = makeStyles({
  root: {
    position: 'relative',
    overflowY: 'auto',
    overflowX: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  spacer: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalS,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke3),
    ...shorthands.borderLeft(tokens.strokeWidthThickest, 'solid', 'transparent'),
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  activeRow: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...shorthands.outline(tokens.strokeWidthThick, 'solid', tokens.colorStrokeFocus2),
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  rowTop: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  location: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, flexShrink: 0 },
  field: { overflow: 'hidden', textOverflow: 'ellipsis' },
  message: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  hint: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Tokens only: the list follows the Fluent theme (light, dark, high contrast). */
export function useIssueListStyles_unstable(state: Omit<IssueListState, 'classes'>): IssueListClasses {
  const styles = useStyles();
  return {
    root: mergeClasses(issueListClassNames.root, styles.root, state.className),
    spacer: styles.spacer,
    row: mergeClasses(issueListClassNames.row, styles.row),
    activeRow: styles.activeRow,
    rowTop: styles.rowTop,
    location: styles.location,
    field: styles.field,
    message: styles.message,
    severity: { error: styles.error, warning: styles.warning, info: styles.info },
    hint: styles.hint,
  };
}
