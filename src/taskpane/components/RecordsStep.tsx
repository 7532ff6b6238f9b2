import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Radio,
  RadioGroup,
  Select,
  shorthands,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { ChainProblemKind } from '../../core/audit/chain';
import { ROLE_NAMES } from '../../core/audit/events';
import type { ChangeItem } from '../../core/changes';
import { useI18n } from '../i18n/I18nContext';
import type { LedgerActions, LedgerState } from '../state/useLedger';
import type { RecordsView, WithdrawalKind } from '../state/useRecords';
import type { Signer } from '../state/useSigner';
import { fieldLabel } from '../view/describe';
import { shownTime } from '../view/signoffView';
import { usePaneStyles } from './paneStyles.styles';
import { CoreHtml, usePrint } from './Print';
import { rowList } from './SignOffStep';
import { SignerFields } from './SignerFields';
import { LedgerNotices, StepNotice } from './StepNotice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  log: {
    display: 'flex',
    flexDirection: 'column',
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '360px',
    overflowY: 'auto',
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  event: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke3),
    ...shorthands.borderLeft(tokens.strokeWidthThickest, 'solid', tokens.colorPaletteGreenBorder2),
  },
  eventBad: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  eventHead: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', fontSize: tokens.fontSizeBase200 },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  fields: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

const MARK_COLOR: Record<ChainProblemKind, 'danger' | 'warning'> = {
  edited: 'danger',
  deleted: 'danger',
  inserted: 'danger',
  reordered: 'danger',
  fork: 'warning',
  headMismatch: 'danger',
  unreadable: 'danger',
  unhidden: 'warning',
  digestsAltered: 'danger',
  notSigned: 'warning',
};

/** The 记录 step: the verified audit log, and changes, revocations and deletions after reporting. */
export function RecordsStep(props: { view: RecordsView; ledger: LedgerState; ledgerActions: LedgerActions; signer: Signer }) {
  const { view, ledger, ledgerActions, signer } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const { print } = usePrint();
  const ids = { log: React.useId(), changes: React.useId(), withdrawals: React.useId() };
  const verification = view.verification;
  const overview = view.overview;
  const baseline = overview?.baseline;
  const printForm = (form: ReturnType<RecordsView['changeForm']>) => form && print(<CoreHtml html={form.html} />, form.title);

  return (
    <div className={styles.root}>
      <LedgerNotices ledger={ledger} onDismiss={ledgerActions.dismissNotices} />
      <section className={pane.section} aria-labelledby={ids.log} data-testid="audit-log">
        <h2 id={ids.log} className={pane.sectionHeading}>
          {t('records.logHeading')}
        </h2>
        {!verification ? (
          <p className={pane.muted}>{t('records.loading')}</p>
        ) : (
          <>
            <MessageBar intent={verification.ok ? 'success' : 'error'} layout="multiline" data-testid="chain-status" data-ok={verification.ok}>
              <MessageBarBody>
                {verification.rows.length === 0
                  ? t('records.empty')
                  : verification.ok
                    ? t('records.verified', { count: verification.rows.length })
                    : t('records.broken', { count: verification.problems.length })}
                {!verification.ok && (
                  <ul className={pane.list}>
                    {verification.problems.map((problem, index) => (
                      <li key={index}>{problem.message.split(' / ')[locale === 'zh-CN' ? 0 : 1] ?? problem.message}</li>
                    ))}
                    {verification.digestsAltered && <li>{t('records.digestsAltered')}</li>}
                  </ul>
                )}
              </MessageBarBody>
            </MessageBar>
            <div className={pane.muted}>
              {t('signoff.head')} <span className={styles.hash} data-testid="records-head">{verification.head}</span>
            </div>
            {verification.lastSignOff && (
              <div data-testid="since-signoff" role="status">
                {!verification.dataChanged
                  ? t('records.unchanged', { seq: verification.lastSignOff.seq })
                  : verification.changedRows.length > 0
                    ? t('signoff.changedRows', { rows: rowList(verification.changedRows, locale) })
                    : t('records.changedUnknown')}
                {verification.deletedRows > 0 && ` ${t('signoff.deletedRows', { count: verification.deletedRows })}`}
              </div>
            )}
            {verification.rows.length > 0 && (
              <ol className={styles.log} aria-label={t('records.logHeading')} tabIndex={0}>
                {[...verification.rows].reverse().map(({ index, event, marks }) => (
                  <li
                    key={index}
                    className={mergeClasses(styles.event, marks.length > 0 && styles.eventBad)}
                    data-seq={event.seq}
                    data-action={event.action}
                    data-marks={marks.join(' ') || undefined}
                  >
                    <div className={styles.eventHead}>
                      <strong>#{event.seq}</strong>
                      <span>{event.action}</span>
                      <span>
                        {event.actor}
                        {event.actorId && (locale === 'zh-CN' ? `（${event.actorId}）` : ` (${event.actorId})`)} · {ROLE_NAMES[event.role]?.[locale] ?? event.role}
                      </span>
                      <span className={pane.muted}>{shownTime(event.time)}</span>
                      {marks.length === 0 ? (
                        <Badge appearance="tint" color="success" size="small" aria-label={t('records.mark.ok')}>
                          ✓
                        </Badge>
                      ) : (
                        marks.map((mark) => (
                          <Badge key={mark} appearance="filled" color={MARK_COLOR[mark]} size="small" data-mark={mark}>
                            {t(`records.mark.${mark}` as 'records.mark.ok')}
                          </Badge>
                        ))
                      )}
                    </div>
                    {event.note && <div className={styles.note}>{event.note}</div>}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </section>

      <section className={pane.section} aria-labelledby={ids.changes} data-testid="changes">
        <h2 id={ids.changes} className={pane.sectionHeading}>
          {t('records.changesHeading')}
        </h2>
        {!overview ? (
          <p className={pane.muted}>{t('signoff.needValidation')}</p>
        ) : !baseline ? (
          <p className={pane.muted}>{t('records.noBaseline')}</p>
        ) : (
          <>
            <div className={pane.muted} data-testid="baseline">
              {t('records.baseline', { seq: baseline.seq, rows: baseline.rows, changed: overview.changes.length, added: overview.added.length, removed: overview.removed.length })}
            </div>
            {baseline.problems.map((problem, index) => (
              <MessageBar key={index} intent="error">
                <MessageBarBody>{problem.message}</MessageBarBody>
              </MessageBar>
            ))}
            {overview.changes.length === 0 && <p className={pane.muted}>{t('records.noChanges')}</p>}
            {overview.changes.length > 0 && <SignerFields signer={signer} compact />}
            {overview.changes.map((item) => (
              <ChangeCard key={item.baselineRef} item={item} view={view} onPrint={(id) => printForm(view.changeForm([id]))} />
            ))}
            {overview.added.length > 0 && <div className={pane.muted}>{t('records.added', { rows: overview.added.map((a) => `${a.sheet}!${a.row}`).join('、') })}</div>}
            {overview.blockers.length > 0 && (
              <MessageBar intent="warning" layout="multiline" data-testid="change-blockers">
                <MessageBarBody>
                  {t('records.blockers', { count: overview.blockers.length })}
                  <ul className={pane.list}>
                    {overview.blockers.map((blocker, index) => (
                      <li key={index}>{blocker.message.split(' / ')[locale === 'zh-CN' ? 0 : 1] ?? blocker.message}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={pane.row}>
              <Button size="small" onClick={() => printForm(view.changeForm())} disabled={!view.hasChangeForms} data-testid="print-change-forms">
                {t('records.printForms')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  const form = view.changeForm();
                  if (form) view.saveForm(form);
                }}
                disabled={!view.hasChangeForms}
              >
                {t('records.saveForms')}
              </Button>
            </div>
          </>
        )}
      </section>

      <WithdrawalSection view={view} headingId={ids.withdrawals} signer={signer} onPrint={printForm} />
      <StepNotice notice={view.notice} onDismiss={view.dismissNotice} testId="records-notice" />
    </div>
  );
}

function ChangeCard(props: { item: ChangeItem; view: RecordsView; onPrint: (id: string) => void }) {
  const { item, view, onPrint } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const request = item.request;
  const id = request?.id ?? '';
  const needsRequest = item.status === 'unrequested' || item.status === 'rejected' || !item.upToDate;
  const status = !item.upToDate && request ? 'stale' : item.status;
  return (
    <div className={pane.card} data-change={item.baselineRef} data-status={status}>
      <div className={pane.row}>
        <strong className={pane.grow}>
          {item.sheet} · {t('issue.row', { row: String(item.row) })} · {item.XM}
        </strong>
        <Badge appearance="tint" color={item.cleared ? 'success' : 'warning'}>
          {request ? `${request.id} ` : ''}
          {t(`records.status.${status}` as 'records.status.pending')}
        </Badge>
      </div>
      <ul className={styles.fields}>
        {item.fields.map((field) => (
          <li key={field.field} data-field={field.field}>
            {t('records.fieldChange', { field: fieldLabel(field.field, locale), old: field.old, new: field.new })} {field.key && <strong>{t('records.keyField')}</strong>}
          </li>
        ))}
      </ul>
      {item.needsStateApproval && <div className={pane.muted}>{t('records.needsState')}</div>}
      {needsRequest && (
        <>
          <Field label={t('records.reason')} required>
            <Textarea value={view.reasons[item.baselineRef] ?? ''} onChange={(_, d) => view.setReason(item.baselineRef, d.value)} rows={2} data-testid="change-reason" />
          </Field>
          <div className={pane.row}>
            <Button size="small" appearance="primary" disabled={view.busy} onClick={() => view.request(item.baselineRef)} data-testid="change-request">
              {t('records.request')}
            </Button>
          </div>
        </>
      )}
      {!needsRequest && request && (item.status === 'pending' || item.status === 'reviewed') && (
        <>
          <Field label={t('records.decisionNote')}>
            <Input value={view.notes[id] ?? ''} onChange={(_, d) => view.setNote(id, d.value)} />
          </Field>
          {item.status === 'reviewed' && item.needsStateApproval && (
            <Field label={t('records.document')} hint={t('records.documentHint')}>
              <Input value={view.documents[id] ?? ''} onChange={(_, d) => view.setDocument(id, d.value)} data-testid="change-document" />
            </Field>
          )}
          <div className={pane.row}>
            <Button size="small" appearance="primary" disabled={view.busy} onClick={() => view.decide(id, item.status === 'pending' ? 'college' : 'school', 'agree')} data-testid="change-agree">
              {item.status === 'pending' ? t('records.collegeAgree') : t('records.schoolAgree')}
            </Button>
            <Button size="small" disabled={view.busy} onClick={() => view.decide(id, item.status === 'pending' ? 'college' : 'school', 'reject')}>
              {t('records.reject')}
            </Button>
          </div>
        </>
      )}
      {!needsRequest && request && item.status === 'approved' && item.needsStateApproval && !item.approvalDocument && (
        <div className={pane.row}>
          <Field label={t('records.document')} className={pane.grow}>
            <Input value={view.documents[id] ?? ''} onChange={(_, d) => view.setDocument(id, d.value)} />
          </Field>
          <Button size="small" disabled={view.busy} onClick={() => view.recordDocument(id)}>
            {t('records.recordDocument')}
          </Button>
        </div>
      )}
      {item.approvalDocument && <div className={pane.muted}>{t('records.documentShown', { document: item.approvalDocument })}</div>}
      {request && (
        <div className={pane.row}>
          <Button size="small" appearance="subtle" onClick={() => onPrint(request.id)}>
            {t('records.printForm', { id: request.id })}
          </Button>
        </div>
      )}
    </div>
  );
}

function WithdrawalSection(props: { view: RecordsView; headingId: string; signer: Signer; onPrint: (form: ReturnType<RecordsView['withdrawalForm']>) => void }) {
  const { view, headingId, signer, onPrint } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const w = view.withdrawal;
  const overview = view.overview;
  const list = (kind: WithdrawalKind) => (kind === 'revocation' ? overview?.revocations ?? [] : overview?.deletions ?? []);
  return (
    <section className={pane.section} aria-labelledby={headingId} data-testid="withdrawals">
      <h2 id={headingId} className={pane.sectionHeading}>
        {t('records.withdrawalsHeading')}
      </h2>
      <p className={pane.muted}>{t('records.withdrawalsIntro')}</p>
      <RadioGroup layout="horizontal" value={w.kind} onChange={(_, d) => w.setKind(d.value as WithdrawalKind)} aria-label={t('records.withdrawalKind')}>
        <Radio value="revocation" label={t('records.revocation')} />
        <Radio value="deletion" label={t('records.deletion')} />
      </RadioGroup>
      <Field label={t('records.target')}>
        <Select className={pane.fill} value={w.target} onChange={(_, d) => w.setTarget(d.value)} data-testid="withdrawal-target">
          <option value="">{t('records.chooseRecord')}</option>
          {view.targets
            .filter((option) => w.kind === 'revocation' || option.reported)
            .map((option) => (
              <option key={option.key} value={option.key}>
                {option.removed ? t('records.targetRemoved', { sheet: option.sheet, row: String(option.row), name: option.name }) : t('records.targetOption', { sheet: option.sheet, row: String(option.row), name: option.name })}
              </option>
            ))}
        </Select>
      </Field>
      {w.kind === 'revocation' && (
        <div className={pane.twoColumns}>
          <Field label={t('records.decisionNo')}>
            <Input className={pane.fill} value={w.decisionNo} onChange={(_, d) => w.setDecisionNo(d.value)} />
          </Field>
          <Field label={t('records.decisionDate')}>
            <Input
              className={pane.fill}
              type="date"
              value={/^\d{8}$/.test(w.decisionDate) ? `${w.decisionDate.slice(0, 4)}-${w.decisionDate.slice(4, 6)}-${w.decisionDate.slice(6)}` : ''}
              onChange={(_, d) => w.setDecisionDate(d.value)}
            />
          </Field>
        </div>
      )}
      <Field label={t('records.withdrawalReason')} required>
        <Textarea value={w.reason} onChange={(_, d) => w.setReason(d.value)} rows={2} />
      </Field>
      <SignerFields signer={signer} compact />
      <div className={pane.row}>
        <Button size="small" appearance="primary" disabled={view.busy || !w.target} onClick={w.submit} data-testid="withdrawal-submit">
          {w.kind === 'revocation' ? t('records.recordRevocation') : t('records.recordDeletion')}
        </Button>
      </div>
      {(['revocation', 'deletion'] as const).map((kind) =>
        list(kind).length === 0 ? null : (
          <div key={kind} className={pane.section} data-testid={`${kind}-list`}>
            <h3 className={pane.subHeading}>{kind === 'revocation' ? t('records.revocations') : t('records.deletions')}</h3>
            {list(kind).map((item) => (
              <div key={item.id} className={pane.card} data-withdrawal={item.id}>
                <div>
                  <strong>{item.id}</strong> · {item.label.XM} · {item.sheet} {t('issue.row', { row: String(item.row) })}
                  {item.kind === 'revocation' && ` · ${item.decisionNo}`}
                </div>
                {item.kind === 'revocation' && 'deadline' in item && (
                  <div role="status" data-testid="revocation-deadline" data-days-left={item.deadline.workingDays}>
                    {item.filed
                      ? t('records.filedOn', { date: item.filed.date })
                      : item.deadline.overdue
                        ? t('records.overdue', { deadline: item.deadline.deadline, days: -item.deadline.calendarDays })
                        : t('records.daysLeft', { deadline: item.deadline.deadline, working: item.deadline.workingDays, calendar: item.deadline.calendarDays })}
                  </div>
                )}
                {item.kind === 'deletion' && item.filed && <div>{t('records.filedOn', { date: item.filed.date })}</div>}
                {item.present && <div className={pane.muted}>{t('records.stillPresent')}</div>}
                {!item.filed && (
                  <div className={pane.row}>
                    <Input type="date" aria-label={t('records.filedDate')} onChange={(_, d) => view.setFiledDate(item.id, d.value)} />
                    <Button size="small" disabled={view.busy} onClick={() => view.markFiled(item.id)}>
                      {t('records.markFiled')}
                    </Button>
                  </div>
                )}
              </div>
            ))}
            <div className={pane.row}>
              <Button size="small" onClick={() => onPrint(view.withdrawalForm(kind))}>
                {t('records.printReport')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  const form = view.withdrawalForm(kind);
                  if (form) view.saveForm(form);
                }}
              >
                {t('records.saveReport')}
              </Button>
              <Button size="small" onClick={() => view.saveWithdrawalFile(kind)}>
                {t('records.saveFile')}
              </Button>
            </div>
          </div>
        ),
      )}
    </section>
  );
}
