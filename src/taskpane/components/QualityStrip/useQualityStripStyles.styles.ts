import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { QualityStripClasses, QualityStripState } from './QualityStrip.types';

export const qualityStripClassNames = { root: 'dd-QualityStrip' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: tokens.borderRadiusSmall },
  list: { display: 'flex', flexDirection: 'column', margin: 0, paddingLeft: 0, listStyleType: 'none' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5.5em, 38%) 1fr 3.2em',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    minHeight: '22px',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    ...shorthands.border(0),
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'start',
    borderRadius: tokens.borderRadiusSmall,
  },
  interactive: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { ...shorthands.outline(tokens.strokeWidthThick, 'solid', tokens.colorStrokeFocus2) },
  },
  activeRow: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  bar: {
    display: 'flex',
    height: '10px',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
  },
  valid: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  warning: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  empty: { backgroundColor: tokens.colorNeutralBackground5, ...shorthands.border(tokens.strokeWidthThin, 'dashed', tokens.colorNeutralStroke1), boxSizing: 'border-box' },
  share: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
});

export function useQualityStripStyles_unstable(state: Omit<QualityStripState, 'classes'>): QualityStripClasses {
  const styles = useStyles();
  return {
    root: mergeClasses(qualityStripClassNames.root, styles.root),
    heading: styles.heading,
    legend: styles.legend,
    legendItem: styles.legendItem,
    swatch: styles.swatch,
    list: styles.list,
    row: mergeClasses(styles.row, state.interactive && styles.interactive),
    activeRow: styles.activeRow,
    label: styles.label,
    bar: styles.bar,
    segment: { valid: styles.valid, warning: styles.warning, error: styles.error, empty: styles.empty },
    share: styles.share,
  };
}
