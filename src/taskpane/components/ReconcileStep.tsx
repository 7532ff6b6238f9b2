import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Select,
  shorthands,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Issue } from '../../core/model/types';
import { useI18n } from '../i18n/I18nContext';
import { useIssueView } from '../state/useIssueView';
import type { ReconcileView } from '../state/useReconcile';
import type { Signer } from '../state/useSigner';
import type { SessionActions, SessionState } from '../state/useValidationSession';
import { fieldLabel, issueLocation, ruleTitle } from '../view/describe';
import { IssueFilters } from './IssueFilters';
import { usePaneStyles } from './paneStyles.styles';
import { RuleGroup } from './RuleGroup';
import { SignerFields } from './SignerFields';
import { StepNotice } from './StepNotice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  groups: { display: 'flex', flexDirection: 'column' },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(80px, 1fr))', gap: tokens.spacingHorizontalS },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    ...shorthands.padding(tokens.spacingVerticalXXS, tokens.spacingHorizontalXS),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    overflowWrap: 'anywhere',
  },
  head: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  current: { backgroundColor: tokens.colorPaletteYellowBackground1, fontWeight: tokens.fontWeightSemibold },
  differs: { color: tokens.colorPaletteRedForeground1 },
  file: { maxWidth: '100%' },
});

/** The 学籍比对 step: 学籍 data, summary, mismatches like the 校验 issues, side-by-side view and 采用学籍值. */
export function ReconcileStep(props: { view: ReconcileView; session: SessionState; sessionActions: SessionActions; signer: Signer }) {
  const { view, session, sessionActions, signer } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const issueView = useIssueView(view.issues);
  const sourceHeading = React.useId();
  const summaryHeading = React.useId();
  const pairHeading = React.useId();
  const groupsHeading = React.useId();
  const fileId = React.useId();
  const { detect, detected } = view;

  // Look for 学籍 sheets in this workbook when the step opens.
  React.useEffect(() => {
    if (detected === undefined) detect();
  }, [detected, detect]);

  const summary = view.summary;
  const running = session.status === 'running';
  const count = (key: string, value: number, testId: string) => (
    <div className={pane.count} data-testid={testId}>
      <span className={pane.countNumber} data-count={value}>
        {value.toLocaleString()}
      </span>
      <span className={pane.countLabel}>{t(key as 'reconcile.matched')}</span>
    </div>
  );

  return (
    <div className={styles.root}>
      <section className={pane.section} aria-labelledby={sourceHeading}>
        <h2 id={sourceHeading} className={pane.sectionHeading}>
          {t('reconcile.source')}
        </h2>
        <p className={pane.muted}>{t('reconcile.intro')}</p>
        <div className={pane.row}>
          <Button size="small" onClick={detect} disabled={view.detecting || running} icon={view.detecting ? <Spinner size="extra-tiny" /> : undefined} data-testid="xueji-detect">
            {t('reconcile.detect')}
          </Button>
        </div>
        {detected && detected.length > 0 && (
          <Field label={t('reconcile.sheet')}>
            <Select
              className={pane.fill}
              value={view.source?.kind === 'sheets' ? view.source.names.join('\u0000') : ''}
              disabled={running}
              onChange={(_, data) => data.value && view.useSheets(data.value.split('\u0000'))}
              data-testid="xueji-sheet"
            >
              <option value="">{t('reconcile.sheetChoose')}</option>
              {detected.length > 1 && <option value={detected.map((s) => s.name).join('\u0000')}>{t('reconcile.sheetAll', { count: detected.length })}</option>}
              {detected.map((sheet) => (
                <option key={sheet.name} value={sheet.name}>
                  {t('reconcile.sheetOption', { sheet: sheet.name, kind: sheet.kind, count: sheet.records.length })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t('reconcile.file')} hint={t('reconcile.fileHint')}>
          <input
            id={fileId}
            className={styles.file}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={view.loadingFile || running}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) view.loadFile(file);
              event.target.value = '';
            }}
            data-testid="xueji-file"
          />
        </Field>
        {view.loadingFile && <Spinner size="tiny" label={t('reconcile.loadingFile')} />}
        {view.source && (
          <div className={pane.row} data-testid="xueji-source">
            <span className={pane.grow}>
              {view.source.kind === 'file'
                ? t('reconcile.usingFile', { file: view.source.name, count: view.sourceRecords })
                : t('reconcile.usingSheets', { sheets: view.source.names.join('、'), count: view.sourceRecords })}
            </span>
            <Button size="small" appearance="subtle" onClick={view.clearSource} disabled={running}>
              {t('reconcile.stop')}
            </Button>
          </div>
        )}
        <StepNotice notice={view.notice} onDismiss={view.dismissNotice} testId="reconcile-notice" />
      </section>

      {view.source && running && <Spinner size="tiny" label={t('reconcile.running')} data-testid="reconcile-running" />}
      {view.source && !session.report && !running && <p className={pane.muted}>{t('reconcile.validateFirst')}</p>}

      {view.source && summary && (
        <section className={pane.section} aria-labelledby={summaryHeading} role="status" aria-live="polite" data-testid="reconcile-summary">
          <h2 id={summaryHeading} className={pane.subHeading}>
            {t('reconcile.summary', { records: summary.xuejiRecords, rows: session.report?.rows ?? 0 })}
          </h2>
          <div className={styles.counts}>
            {count('reconcile.matched', summary.matched, 'xueji-matched')}
            {count('reconcile.notFound', summary.notFound, 'xueji-notFound')}
            {count('reconcile.ambiguous', summary.ambiguous, 'xueji-ambiguous')}
            {count('reconcile.missing', summary.missingDegree, 'xueji-missing')}
          </div>
          <div className={pane.muted}>
            {view.issues.length === 0 ? t('reconcile.clean') : t('reconcile.issueCount', { count: view.issues.length })}
          </div>
          {view.issues.length > 0 && (
            <div className={pane.row}>
              <Button size="small" disabled={session.busyAction !== undefined} onClick={() => sessionActions.markIssues(view.issues)} data-testid="xueji-mark">
                {t('reconcile.mark')}
              </Button>
              <Button size="small" disabled={session.busyAction !== undefined} onClick={sessionActions.clear}>
                {t('marks.clear')}
              </Button>
            </div>
          )}
          {session.notice && session.notice.action !== 'select' && (
            <MessageBar intent={session.notice.ok ? 'success' : 'error'} layout="multiline" data-testid="xueji-marks-notice">
              <MessageBarBody>
                {session.notice.lines.map((line, index) => (
                  <div key={index}>{t(line.key as 'marks.applied', line.params)}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      {view.selected && (
        <PairPanel view={view} headingId={pairHeading} signer={signer} />
      )}

      {view.source && summary && view.issues.length > 0 && (
        <>
          <IssueFilters view={issueView} counts={countsOf(view.issues)} total={view.issues.length} />
          <section className={pane.section} aria-labelledby={groupsHeading}>
            <h2 id={groupsHeading} className={pane.visuallyHidden}>
              {t('reconcile.groups')}
            </h2>
            {issueView.groups.length === 0 ? (
              <p className={pane.muted}>{t('filters.none')}</p>
            ) : (
              <div className={styles.groups} data-testid="xueji-groups">
                {issueView.groups.map((group, index) => (
                  <RuleGroup
                    key={group.rule}
                    group={group}
                    onSelectIssue={view.select}
                    showSheet={(session.report?.sheets.length ?? 0) > 1}
                    defaultExpanded={index === 0}
                  />
                ))}
              </div>
            )}
          </section>
        </>
      )}

      <ApplyDialog view={view} />
      {view.selected === undefined && view.issues.length > 0 && <p className={pane.muted}>{t('reconcile.selectHint')}</p>}
    </div>
  );
}

function countsOf(issues: readonly Issue[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

/** The selected mismatch: degree value | 学籍 value for the person, and 采用学籍值 or why not. */
function PairPanel(props: { view: ReconcileView; headingId: string; signer: Signer }) {
  const { view, headingId, signer } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const issue = view.selected!;
  const pair = view.pair;
  const adoption = view.adoption;
  const ruleEntry = view.adoptableByRule.get(issue.rule);
  return (
    <section className={mergeClasses(pane.section, pane.card)} aria-labelledby={headingId} data-testid="xueji-pair">
      <h2 id={headingId} className={pane.subHeading}>
        {t('reconcile.pairHeading', { where: issueLocation(issue, locale, true), rule: ruleTitle(issue.rule, locale) })}
      </h2>
      <div>{issue.message}</div>
      {pair && pair.rows.length > 0 ? (
        <table className={styles.table} aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {t('reconcile.pairField')}
              </th>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {t('reconcile.pairDegree')}
              </th>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {t('reconcile.pairXueji')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pair.rows.map((row) => (
              <tr key={row.field} className={row.current ? styles.current : undefined} data-field={row.field} data-current={row.current || undefined}>
                <th scope="row" className={mergeClasses(styles.cell, styles.head)}>
                  {fieldLabel(row.field, locale)}
                  {row.differs && <span className={styles.differs}>{' ≠'}</span>}
                </th>
                <td className={mergeClasses(styles.cell, row.differs && styles.differs)} data-side="degree">
                  {row.degree || '—'}
                </td>
                <td className={mergeClasses(styles.cell, row.differs && styles.differs)} data-side="xueji">
                  {row.xueji || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={pane.muted}>{pair?.record ? t('reconcile.pairNoXueji') : t('reconcile.pairNoRecord')}</p>
      )}
      {pair?.xuejiRecord && (
        <div className={pane.muted}>{t('reconcile.pairSource', { sheet: pair.xuejiRecord.sheet, row: String(pair.xuejiRecord.excelRow) })}</div>
      )}
      {adoption?.kind === 'key' && (
        <MessageBar intent="warning" layout="multiline" data-testid="xueji-key">
          <MessageBarBody>{t('reconcile.keyField', { field: issue.field ? fieldLabel(issue.field, locale) : '' })}</MessageBarBody>
        </MessageBar>
      )}
      {adoption?.kind === 'none' && <p className={pane.muted}>{t('reconcile.noAdoption')}</p>}
      {adoption?.kind === 'adoptable' && (
        <>
          {!signer.ready && <SignerFields signer={signer} compact />}
          <div className={pane.row}>
            <Button
              appearance="primary"
              size="small"
              disabled={view.busy || !signer.ready}
              onClick={() => view.apply(issue)}
              icon={view.busy ? <Spinner size="extra-tiny" /> : undefined}
              data-testid="xueji-apply"
            >
              {t('reconcile.apply', { field: fieldLabel(issue.field ?? '', locale), value: adoption.value })}
            </Button>
            {ruleEntry && ruleEntry.count > 1 && (
              <Button size="small" disabled={view.busy || !signer.ready} onClick={() => view.askApplyRule(issue.rule)} data-testid="xueji-apply-rule">
                {t('reconcile.applyRule', { count: ruleEntry.count })}
              </Button>
            )}
          </div>
          <div className={pane.muted}>{t('reconcile.applyNote')}</div>
        </>
      )}
    </section>
  );
}

function ApplyDialog(props: { view: ReconcileView }) {
  const { view } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const confirmation = view.confirmation;
  return (
    <Dialog open={confirmation !== undefined} onOpenChange={(_, data) => !data.open && view.cancelApply()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('reconcile.confirmTitle')}</DialogTitle>
          <DialogContent className={pane.section}>
            {confirmation && (
              <>
                <p>{t('reconcile.confirmText', { count: confirmation.count, rule: ruleTitle(confirmation.rule, locale) })}</p>
                <p className={pane.muted}>{t('reconcile.applyNote')}</p>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={view.confirmApply} data-testid="xueji-confirm">
              {t('reconcile.confirm')}
            </Button>
            <Button onClick={view.cancelApply}>{t('reconcile.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
