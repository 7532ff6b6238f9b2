import * as React from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { fieldLabel } from '../../view/describe';
import type { FieldQuality } from '../../validation/quality';
import { QUALITY_PARTS, type QualityPart, type QualityStripProps, type QualityStripState } from './QualityStrip.types';

/** Shares in percent; an empty field (no data rows) is all "empty". */
export function qualityShares(quality: FieldQuality): Record<QualityPart, number> {
  if (quality.cells === 0) return { valid: 0, warning: 0, error: 0, empty: 100 };
  const share = (n: number) => (n / quality.cells) * 100;
  return { valid: share(quality.valid), warning: share(quality.warning), error: share(quality.error), empty: share(quality.empty) };
}

/** Floors to one decimal below 100 so that a field with one bad cell never shows 100%. */
export function shareText(percent: number): string {
  if (percent >= 100) return '100%';
  if (percent <= 0) return '0%';
  const floored = Math.floor(percent * 10) / 10;
  return `${floored >= 10 ? Math.floor(floored) : floored}%`;
}

export function useQualityStrip_unstable(props: QualityStripProps): Omit<QualityStripState, 'classes'> {
  const { quality, onSelectField, activeField = null } = props;
  const { locale, t } = useI18n();
  const id = React.useId();
  const rows = quality.map((q) => {
    const label = fieldLabel(q.field, locale);
    const shares = qualityShares(q);
    return {
      field: q.field,
      label,
      shares,
      validText: shareText(shares.valid),
      description: t('quality.row', { field: label, valid: q.valid, warning: q.warning, error: q.error, empty: q.empty, cells: q.cells }),
      active: q.field === activeField,
      filterLabel: t('quality.filter', { field: label }),
    };
  });
  return {
    heading: t('quality.heading'),
    headingId: `${id}-heading`,
    legend: QUALITY_PARTS.map((part) => ({ part, label: t(`quality.legend.${part}`) })),
    rows,
    interactive: onSelectField !== undefined,
    onSelect: (field) => onSelectField?.(field === activeField ? null : field),
  };
}
