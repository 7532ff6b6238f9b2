import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Issue } from '../../core/model/types';
import { useI18n } from '../i18n/I18nContext';
import { useIssueView } from '../state/useIssueView';
import type { SessionActions, SessionState } from '../state/useValidationSession';
import { FindingsBar } from './FindingsBar';
import { IssueFilters } from './IssueFilters';
import { usePaneStyles } from './paneStyles.styles';
import { QualityStrip } from './QualityStrip';
import { RuleGroup } from './RuleGroup';
import { RunPanel } from './RunPanel';
import { SeveritySummary } from './SeveritySummary';
import { WorkbookActions } from './WorkbookActions';
import { WorkbookPanel, type WorkbookPanelProps } from './WorkbookPanel';

const NO_ISSUES: Issue[] = [];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  groups: { display: 'flex', flexDirection: 'column' },
});

export interface ValidateStepProps extends Omit<WorkbookPanelProps, 'report' | 'disabled'> {
  state: SessionState;
  actions: SessionActions;
}

/** The 校验 step: workbook and settings, run, counts, workbook actions, filters, groups, quality strip. */
export function ValidateStep(props: ValidateStepProps) {
  const { state, actions, ...settings } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const report = state.report;
  const view = useIssueView(report?.issues ?? NO_ISSUES, state.index);
  const showSheet = (report?.sheets.length ?? 0) > 1;
  const groupsHeading = React.useId();

  return (
    <div className={styles.root}>
      <FindingsBar findings={state.findings} noTemplate={state.status === 'noTemplate'} />
      <WorkbookPanel {...settings} report={report} disabled={state.status === 'running'} />
      <RunPanel state={state} onStart={actions.start} onCancel={actions.cancel} />
      {state.status === 'cancelled' && (
        <MessageBar intent="info" data-testid="cancelled">
          <MessageBarBody>{t('run.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('run.failed', { message: state.error ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice?.action === 'select' && !state.notice.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(state.notice.lines[0].key as 'select.failed', state.notice.lines[0].params)}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <SeveritySummary counts={report.counts} rows={report.rows} sheets={report.sheets.length} />
          <WorkbookActions state={state} actions={actions} />
          {report.issues.length > 0 && (
            <>
              <IssueFilters view={view} counts={report.counts} total={report.issues.length} />
              <section className={pane.section} aria-labelledby={groupsHeading}>
                <h2 id={groupsHeading} className={pane.visuallyHidden}>
                  {t('groups.label')}
                </h2>
                {view.groups.length === 0 ? (
                  <p className={pane.muted}>{t('filters.none')}</p>
                ) : (
                  <div className={styles.groups} data-testid="groups">
                    {view.groups.map((group, index) => (
                      <RuleGroup
                        key={group.rule}
                        group={group}
                        onSelectIssue={actions.select}
                        showSheet={showSheet}
                        defaultExpanded={index === 0}
                      />
                    ))}
                  </div>
                )}
              </section>
            </>
          )}
          {state.quality && state.quality.length > 0 && (
            <QualityStrip quality={state.quality} onSelectField={view.setField} activeField={view.filter.field} />
          )}
        </>
      )}
    </div>
  );
}
