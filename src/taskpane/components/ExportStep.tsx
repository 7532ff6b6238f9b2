import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import { renderManifestHtml, renderPublicityHtml, type PhotoPreset, type PhotoProblemKind } from '../../core/export';
import { useI18n } from '../i18n/I18nContext';
import type { ExportView } from '../state/useExport';
import type { LedgerActions, LedgerState } from '../state/useLedger';
import type { Signer } from '../state/useSigner';
import type { SessionState } from '../state/useValidationSession';
import { usePaneStyles } from './paneStyles.styles';
import { CoreHtml, usePrint } from './Print';
import { SignerFields } from './SignerFields';
import { StepNotice, StoreNotices } from './StepNotice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  file: { maxWidth: '100%' },
  problems: { maxHeight: '200px', overflowY: 'auto' },
});

/** `YYYYMMDD` → `YYYY-MM-DD` for a date input. */
const dateInput = (value: string) => (/^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : '');

const PROBLEM_KINDS: readonly PhotoProblemKind[] = ['missing', 'extra', 'unreadable', 'wrongSize', 'oversized', 'duplicate'];

const directoryPicker = { webkitdirectory: '', directory: '' } as unknown as React.InputHTMLAttributes<HTMLInputElement>;

/** The 导出 step: the gate, the decision and its deadline, the file, photos, publicity list, and the export itself. */
export function ExportStep(props: { view: ExportView; session: SessionState; ledger: LedgerState; ledgerActions: LedgerActions; signer: Signer }) {
  const { view, session, ledger, ledgerActions, signer } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const { print } = usePrint();
  const ids = { gate: React.useId(), decision: React.useId(), file: React.useId(), photos: React.useId(), publicity: React.useId(), run: React.useId() };
  const check = view.photos.check;
  const zh = locale === 'zh-CN';

  return (
    <div className={styles.root}>
      <StoreNotices notices={ledger.notices} onDismiss={ledgerActions.dismissNotices} />
      <section className={pane.section} aria-labelledby={ids.gate} data-testid="export-gate">
        <h2 id={ids.gate} className={pane.sectionHeading}>
          {t('export.gateHeading')}
        </h2>
        {!session.report ? (
          <p className={pane.muted}>{t('export.needValidation')}</p>
        ) : !view.gate ? (
          <Spinner size="tiny" label={t('export.checking')} />
        ) : view.gate.ok ? (
          <MessageBar intent="success" layout="multiline" data-gate="ok">
            <MessageBarBody>
              {t('export.gateOk', { collector: view.gate.collected.actor, checker: view.gate.checked.actor })}
              {view.gate.late && <div>{t('export.gateLate')}</div>}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning" layout="multiline" data-gate="refused">
            <MessageBarBody>
              <MessageBarTitle>{t('export.gateRefused', { count: view.reasons.length })}</MessageBarTitle>
              <ul className={pane.list} data-testid="gate-reasons">
                {view.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {view.exportIssues.length > 0 && (
          <div className={pane.muted} data-testid="export-issues">
            {view.exportIssues.slice(0, 10).map((issue, index) => (
              <div key={index}>
                {issue.sheet}!{issue.column ?? ''}
                {issue.row}：{issue.message}
              </div>
            ))}
          </div>
        )}
      </section>

      <section className={pane.section} aria-labelledby={ids.decision}>
        <h2 id={ids.decision} className={pane.subHeading}>
          {t('export.decisionHeading')}
        </h2>
        <div className={pane.twoColumns}>
          <Field label={t('export.decisionNumber')}>
            <Input className={pane.fill} value={view.decisionNumber} onChange={(_, d) => view.setDecisionNumber(d.value)} placeholder="重外学位〔2026〕3号" data-testid="decision-number" />
          </Field>
          <Field label={t('export.decisionDate')}>
            <Input className={pane.fill} type="date" value={dateInput(view.decisionDate)} onChange={(_, d) => view.setDecisionDate(d.value)} data-testid="decision-date" />
          </Field>
        </div>
        {view.deadlineText && (
          <div role="status" data-testid="deadline" data-days-left={view.deadline?.daysLeft} className={view.deadline?.late ? undefined : pane.muted}>
            {view.deadlineText}
          </div>
        )}
        {view.deadlineError && <div role="alert">{view.deadlineError}</div>}
        {!view.deadline && !view.deadlineError && <div className={pane.muted}>{t('export.decisionHint')}</div>}
        {view.deadline?.late && (
          <Field label={t('export.lateReason')} required validationState={view.lateReason.trim() ? 'none' : 'warning'} validationMessage={view.lateReason.trim() ? undefined : t('export.lateReasonNeeded')}>
            <Textarea value={view.lateReason} onChange={(_, d) => view.setLateReason(d.value)} rows={2} data-testid="late-reason" />
          </Field>
        )}
      </section>

      <section className={pane.section} aria-labelledby={ids.file}>
        <h2 id={ids.file} className={pane.subHeading}>
          {t('export.fileHeading')}
        </h2>
        <Field label={t('export.format')}>
          <RadioGroup layout="horizontal" value={view.format} onChange={(_, d) => view.setFormat(d.value as 'xlsx' | 'dbf')}>
            <Radio value="xlsx" label={t('export.formatXlsx')} />
            <Radio value="dbf" label={t('export.formatDbf')} disabled={!view.dbfAllowed} />
          </RadioGroup>
        </Field>
        <Field label={t('export.header')}>
          <RadioGroup layout="horizontal" value={view.format === 'dbf' ? 'code' : view.headerStyle} onChange={(_, d) => view.setHeaderStyle(d.value as 'code' | 'label')} data-testid="header-style">
            <Radio value="code" label={t('export.headerCode')} />
            <Radio value="label" label={t('export.headerLabel')} disabled={view.format === 'dbf'} />
          </RadioGroup>
        </Field>
        <Field label={t('export.pattern')} hint={t('export.patternHint')} validationMessage={view.patternError} validationState={view.patternError ? 'error' : 'none'}>
          <Input className={pane.fill} value={view.pattern} onChange={(_, d) => view.setPattern(d.value)} />
        </Field>
        {view.fileNames.length > 0 && (
          <div className={pane.muted} data-testid="file-names">
            {t('export.fileNames', { names: view.fileNames.join('、') })}
          </div>
        )}
        <Checkbox checked={view.requireApproval} onChange={(_, d) => view.setRequireApproval(d.checked === true)} label={t('export.requireApproval')} />
      </section>

      <section className={pane.section} aria-labelledby={ids.photos} data-testid="photos">
        <h2 id={ids.photos} className={pane.subHeading}>
          {t('photos.heading')}
        </h2>
        <p className={pane.muted}>{t('photos.intro')}</p>
        <Field label={t('photos.preset')}>
          <Select className={pane.fill} value={view.photos.preset} onChange={(_, d) => view.photos.setPreset(d.value as PhotoPreset)}>
            <option value="legacy">{t('photos.legacy')}</option>
            <option value="xuexin">{t('photos.xuexin')}</option>
          </Select>
        </Field>
        <div className={pane.twoColumns}>
          <Field label={t('photos.folder')}>
            <input
              className={styles.file}
              type="file"
              multiple
              {...directoryPicker}
              onChange={(event) => {
                if (event.target.files?.length) view.photos.loadFolder(event.target.files);
                event.target.value = '';
              }}
              data-testid="photo-folder"
            />
          </Field>
          <Field label={t('photos.zip')}>
            <input
              className={styles.file}
              type="file"
              accept=".zip,application/zip"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) view.photos.loadZip(file);
                event.target.value = '';
              }}
              data-testid="photo-zip"
            />
          </Field>
        </div>
        {view.photos.loading && <Spinner size="tiny" label={t('photos.loading')} />}
        {view.photos.error && <div role="alert">{t('photos.failed', { message: view.photos.error })}</div>}
        {check && (
          <div className={pane.section} role="status" data-testid="photo-check" data-ok={check.ok}>
            <div>
              {t('photos.summary', { source: view.photos.source ?? '', files: check.counts.files, records: check.counts.records, accepted: check.counts.accepted })}
            </div>
            {check.ok ? (
              <div>{t('photos.ok')}</div>
            ) : (
              <>
                <div className={pane.row}>
                  {PROBLEM_KINDS.map((kind) => {
                    const count = check.problems.filter((p) => p.kind === kind).length;
                    return count > 0 ? (
                      <span key={kind} data-photo-problem={kind}>
                        {t(`photos.kind.${kind}`, { count })}
                      </span>
                    ) : null;
                  })}
                </div>
                <ul className={mergeClasses(pane.list, styles.problems)}>
                  {check.problems.slice(0, 50).map((problem, index) => (
                    <li key={index}>{zh ? problem.zh : problem.en}</li>
                  ))}
                </ul>
              </>
            )}
            <div className={pane.row}>
              <Checkbox checked={view.photos.includeInExport} onChange={(_, d) => view.photos.setIncludeInExport(d.checked === true)} label={t('photos.include')} />
              <Button size="small" disabled={check.accepted.length === 0} onClick={view.photos.savePackage}>
                {t('photos.savePackage', { count: check.accepted.length })}
              </Button>
            </div>
          </div>
        )}
      </section>

      <section className={pane.section} aria-labelledby={ids.publicity} data-testid="publicity">
        <h2 id={ids.publicity} className={pane.subHeading}>
          {t('publicity.heading')}
        </h2>
        <p className={pane.muted}>{t('publicity.intro')}</p>
        <div className={pane.twoColumns}>
          <Field label={t('publicity.start')}>
            <Input className={pane.fill} type="date" value={dateInput(view.publicity.start)} onChange={(_, d) => view.publicity.setStart(d.value)} />
          </Field>
          <Field label={t('publicity.days')}>
            <Input
              className={pane.fill}
              type="number"
              min={1}
              max={60}
              value={String(view.publicity.days)}
              onChange={(_, d) => view.publicity.setDays(Math.max(1, Math.min(60, Number(d.value) || 1)))}
            />
          </Field>
        </div>
        <div className={pane.row}>
          <Checkbox checked={view.publicity.includeCollege} onChange={(_, d) => view.publicity.setIncludeCollege(d.checked === true)} label={t('publicity.college')} />
          <Checkbox checked={view.publicity.includeMajor} onChange={(_, d) => view.publicity.setIncludeMajor(d.checked === true)} label={t('publicity.major')} />
        </div>
        {view.publicity.list && (
          <div className={pane.muted} data-testid="publicity-period">
            {t('publicity.period', {
              from: dateInput(view.publicity.list.period.from),
              to: dateInput(view.publicity.list.period.to),
              days: view.publicity.list.period.days,
              count: view.publicity.list.entries.length,
            })}
          </div>
        )}
        {view.publicity.error && <div role="alert">{view.publicity.error}</div>}
        <div className={pane.row}>
          <Button size="small" disabled={!view.publicity.list} onClick={() => view.publicity.list && print(<CoreHtml html={renderPublicityHtml(view.publicity.list)} />, view.publicity.list.title)}>
            {t('publicity.print')}
          </Button>
          <Button size="small" disabled={!view.publicity.list} onClick={view.publicity.save}>
            {t('publicity.save')}
          </Button>
          <Button size="small" disabled={!view.publicity.list} onClick={view.publicity.toSheet}>
            {t('publicity.toSheet')}
          </Button>
        </div>
      </section>

      <section className={pane.section} aria-labelledby={ids.run}>
        <h2 id={ids.run} className={pane.sectionHeading}>
          {t('export.runHeading')}
        </h2>
        <SignerFields signer={signer} compact />
        <div className={pane.row}>
          <Button appearance="primary" disabled={!view.canExport} onClick={view.exportNow} icon={view.busy ? <Spinner size="extra-tiny" /> : undefined} data-testid="export">
            {t('export.run')}
          </Button>
        </div>
        <div className={pane.muted}>{t('export.runNote')}</div>
        <StepNotice notice={view.notice} onDismiss={view.dismissNotice} testId="export-notice" />
        {view.result && (
          <div className={pane.section} data-testid="export-result">
            <ul className={pane.list}>
              {view.result.saved.map((file) => (
                <li key={file.name} data-file={file.name} data-method={file.method}>
                  {t(`export.saved.${file.method}`, { name: file.name })}
                  {file.rows !== undefined && ` · ${t('export.rows', { rows: file.rows })}`}
                  <div className={styles.hash}>SHA-256 {file.sha256}</div>
                </li>
              ))}
            </ul>
            <div className={pane.muted}>
              {t('signoff.head')} <span className={styles.hash}>{view.result.plan.head}</span>
            </div>
            <div className={pane.row}>
              <Button size="small" onClick={() => print(<>{view.result!.plan.manifests.map((m) => <CoreHtml key={m.file.name} html={renderManifestHtml(m)} />)}</>, t('export.manifestTitle'))} data-testid="print-manifest">
                {t('export.printManifest')}
              </Button>
              <Button size="small" disabled={view.busy} onClick={view.writeToSheet} data-testid="export-to-sheet">
                {t('export.toSheet')}
              </Button>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
