import { Button, Field, Select, ToggleButton } from '@fluentui/react-components';
import * as React from 'react';
import { SEVERITIES, type SeverityCounts } from '../../core/model/types';
import { useI18n } from '../i18n/I18nContext';
import type { IssueView } from '../state/useIssueView';
import { fieldLabel, ruleTitle } from '../view/describe';
import { usePaneStyles } from './paneStyles.styles';

const ALL = '';

/** Filters by severity (toggles with counts), rule and field, and how many issues pass. */
export function IssueFilters(props: { view: IssueView; counts: SeverityCounts; total: number }) {
  const { view, counts, total } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const headingId = React.useId();
  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.subHeading}>
        {t('filters.heading')}
      </h2>
      <div role="group" aria-label={t('filters.severity')} className={pane.row}>
        {SEVERITIES.map((severity) => (
          <ToggleButton
            key={severity}
            size="small"
            checked={view.filter.severities.has(severity)}
            onClick={() => view.toggleSeverity(severity)}
            data-testid={`filter-${severity}`}
          >
            {t('summary.count', { label: t(`severity.${severity}`), count: counts[severity] })}
          </ToggleButton>
        ))}
      </div>
      <div className={pane.twoColumns}>
        <Field label={t('filters.rule')}>
          <Select className={pane.fill} value={view.filter.rule ?? ALL} onChange={(_, data) => view.setRule(data.value || null)} data-testid="filter-rule">
            <option value={ALL}>{t('filters.allRules')}</option>
            {view.ruleOptions.map((option) => (
              <option key={option.key} value={option.key}>
                {t('filters.option', { label: ruleTitle(option.key, locale), count: option.count })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filters.field')}>
          <Select className={pane.fill} value={view.filter.field ?? ALL} onChange={(_, data) => view.setField(data.value || null)} data-testid="filter-field">
            <option value={ALL}>{t('filters.allFields')}</option>
            {view.fieldOptions.map((option) => (
              <option key={option.key} value={option.key}>
                {t('filters.option', { label: fieldLabel(option.key, locale), count: option.count })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={pane.row}>
        <span className={pane.grow} aria-live="polite" data-testid="showing">
          {t('filters.showing', { shown: view.filtered.length, total })}
        </span>
        {view.isFiltered && (
          <Button size="small" appearance="subtle" onClick={view.reset}>
            {t('filters.reset')}
          </Button>
        )}
      </div>
    </section>
  );
}
