import * as React from 'react';
import type { QualityStripProps } from './QualityStrip.types';
import { renderQualityStrip_unstable } from './renderQualityStrip';
import { useQualityStrip_unstable } from './useQualityStrip';
import { useQualityStripStyles_unstable } from './useQualityStripStyles.styles';

/** One bar per field: the share of valid, warned, erroneous and empty cells. */
export const QualityStrip: React.FC<QualityStripProps> = (props) => {
  const state = useQualityStrip_unstable(props);
  const classes = useQualityStripStyles_unstable(state);
  return renderQualityStrip_unstable({ ...state, classes });
};
QualityStrip.displayName = 'QualityStrip';
