import { mergeClasses } from '@fluentui/react-components';
import * as React from 'react';
import { SEVERITIES, type SeverityCounts } from '../../core/model/types';
import { useI18n } from '../i18n/I18nContext';
import { usePaneStyles } from './paneStyles.styles';

/** Counts by severity, announced when a run finishes. */
export function SeveritySummary(props: { counts: SeverityCounts; rows: number; sheets: number }) {
  const { counts, rows, sheets } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const headingId = React.useId();
  const tone = { error: pane.countError, warning: pane.countWarning, info: pane.countInfo };
  return (
    <section className={pane.section} aria-labelledby={headingId} role="status" aria-live="polite">
      <h2 id={headingId} className={pane.visuallyHidden}>
        {t('summary.label')}
      </h2>
      <div className={pane.muted}>
        {t('run.done', { rows, sheets })} {counts.error === 0 ? t('summary.ok') : ''}
      </div>
      <div className={pane.counts}>
        {SEVERITIES.map((severity) => (
          <div key={severity} className={mergeClasses(pane.count, tone[severity])} data-severity={severity} data-testid={`count-${severity}`}>
            <span className={pane.countNumber} data-count={counts[severity]}>
              {counts[severity].toLocaleString()}
            </span>
            <span className={pane.countLabel}>{t(`severity.${severity}`)}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
