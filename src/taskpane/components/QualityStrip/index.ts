export { QualityStrip } from './QualityStrip';
export type { QualityStripProps, QualityStripState } from './QualityStrip.types';
export { qualityShares, shareText, useQualityStrip_unstable } from './useQualityStrip';
export { qualityStripClassNames, useQualityStripStyles_unstable } from './useQualityStripStyles.styles';
export { renderQualityStrip_unstable } from './renderQualityStrip';
