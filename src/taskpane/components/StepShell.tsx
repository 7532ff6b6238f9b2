import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';

export type StepId = 'validate' | 'reconcile' | 'signoff' | 'export' | 'records';

interface StepDefinition {
  id: StepId;
  purpose: MessageKey;
}

/** The product's workflow, in order: 校验 · 学籍比对 · 签核 · 导出 · 记录. */
export const STEPS: readonly StepDefinition[] = [
  { id: 'validate', purpose: 'steps.validate.purpose' },
  { id: 'reconcile', purpose: 'steps.reconcile.purpose' },
  { id: 'signoff', purpose: 'steps.signoff.purpose' },
  { id: 'export', purpose: 'steps.export.purpose' },
  { id: 'records', purpose: 'steps.records.purpose' },
];

const useStyles = makeStyles({
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export function StepTabs(props: { selected: StepId; onSelect: (step: StepId) => void; panelId?: string }) {
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
            id={`step-tab-${step.id}`}
            aria-controls={props.panelId}
            aria-describedby={`${describedBy}-${step.id}`}
            title={t(step.purpose)}
            data-step={step.id}
          >
            {t(`steps.${step.id}`)}
          </Tab>
        ))}
      </TabList>
      {/* What each step does, read by screen readers with its tab. */}
      <span hidden>
        {STEPS.map((step) => (
          <span key={step.id} id={`${describedBy}-${step.id}`}>
            {t(step.purpose)}
          </span>
        ))}
      </span>
    </>
  );
}
