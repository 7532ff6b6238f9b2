import { makeStyles, mergeClasses, Tab, TabList, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { usePaneStyles } from './paneStyles.styles';

export type StepId = 'validate' | 'reconcile' | 'signoff' | 'export' | 'records';

interface StepDefinition {
  id: StepId;
  enabled: boolean;
  purpose?: MessageKey;
  prepare?: MessageKey;
}

/** The product's workflow; this release implements 校验, the others explain what they will need. */
export const STEPS: readonly StepDefinition[] = [
  { id: 'validate', enabled: true },
  { id: 'reconcile', enabled: false, purpose: 'steps.reconcile.purpose', prepare: 'steps.reconcile.prepare' },
  { id: 'signoff', enabled: false, purpose: 'steps.signoff.purpose', prepare: 'steps.signoff.prepare' },
  { id: 'export', enabled: false, purpose: 'steps.export.purpose', prepare: 'steps.export.prepare' },
  { id: 'records', enabled: false, purpose: 'steps.records.purpose', prepare: 'steps.records.prepare' },
];

const useStyles = makeStyles({
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  steps: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  stepName: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  stepText: { margin: 0 },
});

export function StepTabs(props: { selected: StepId; onSelect: (step: StepId) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const describedBy = React.useId();
  return (
    <>
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={props.selected}
      onTabSelect={(_, data) => props.onSelect(data.value as StepId)}
      aria-label={t('steps.label')}
    >
      {STEPS.map((step) => (
        <Tab
          key={step.id}
          value={step.id}
          disabled={!step.enabled}
          aria-describedby={step.enabled ? undefined : `${describedBy}-${step.id}`}
          title={step.purpose ? t(step.purpose) : undefined}
          data-step={step.id}
        >
          {t(`steps.${step.id}`)}
        </Tab>
      ))}
    </TabList>
      {/* Descriptions for the disabled tabs, read by screen readers with the tab. */}
      <span hidden>
        {STEPS.filter((step) => !step.enabled).map((step) => (
          <span key={step.id} id={`${describedBy}-${step.id}`}>
            {step.purpose ? t(step.purpose) : ''} {step.prepare ? t(step.prepare) : ''}
          </span>
        ))}
      </span>
    </>
  );
}

/** What the other steps do and what to prepare for them — their tabs stay disabled in this version. */
export function OtherSteps() {
  const { t } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const headingId = React.useId();
  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.subHeading}>
        {t('steps.other')}
      </h2>
      <p className={mergeClasses(pane.muted, styles.stepText)}>{t('steps.other.note')}</p>
      <dl className={styles.steps}>
        {STEPS.filter((step) => !step.enabled).map((step) => (
          <div key={step.id} className={pane.card} data-step-info={step.id}>
            <dt className={styles.stepName}>{t(`steps.${step.id}`)}</dt>
            <dd className={styles.stepText}>{step.purpose && t(step.purpose)}</dd>
            <dd className={mergeClasses(styles.stepText, pane.muted)}>
              {step.prepare && t(step.prepare)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
