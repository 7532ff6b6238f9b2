import type { FieldQuality } from '../../validation/quality';

export interface QualityStripProps {
  quality: readonly FieldQuality[];
  /** Clicking a field filters the issues by it; clicking the active field again clears the filter. */
  onSelectField?: (field: string | null) => void;
  activeField?: string | null;
}

export type QualityPart = 'valid' | 'warning' | 'error' | 'empty';
export const QUALITY_PARTS: readonly QualityPart[] = ['valid', 'warning', 'error', 'empty'];

export interface QualityStripRow {
  field: string;
  label: string;
  /** Percentages 0..100 of the field's cells, summing to 100. */
  shares: Record<QualityPart, number>;
  /** The share shown beside the bar: valid cells, rounded down so 99.6% never reads as 100%. */
  validText: string;
  description: string;
  active: boolean;
  filterLabel: string;
}

export interface QualityStripState {
  heading: string;
  headingId: string;
  legend: { part: QualityPart; label: string }[];
  rows: QualityStripRow[];
  interactive: boolean;
  onSelect: (field: string) => void;
  classes: QualityStripClasses;
}

export interface QualityStripClasses {
  root: string;
  heading: string;
  legend: string;
  legendItem: string;
  swatch: string;
  list: string;
  row: string;
  activeRow: string;
  label: string;
  bar: string;
  segment: Record<QualityPart, string>;
  share: string;
}
