import {
  Badge,
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import { chinaTime, ROLE_NAMES, type AuditEvent, type Role } from '../../core/audit/events';
import type { SheetStatus } from '../../core/audit/signing';
import type { SchoolProfile } from '../../core/profile/profile';
import { useI18n } from '../i18n/I18nContext';
import type { LedgerActions, LedgerState } from '../state/useLedger';
import type { Signer } from '../state/useSigner';
import type { SignOffView } from '../state/useSignOff';
import type { SessionState } from '../state/useValidationSession';
import { groupedHash, shownTime } from '../view/signoffView';
import { usePaneStyles } from './paneStyles.styles';
import { usePrint } from './Print';
import { SignerFields } from './SignerFields';
import { LedgerNotices, StepNotice } from './StepNotice';

const ROLES: readonly Role[] = ['collector', 'checker', 'office'];

const STATUS_COLOR: Record<SheetStatus, 'informative' | 'brand' | 'success' | 'warning' | 'danger'> = {
  notSigned: 'informative',
  collected: 'brand',
  checked: 'success',
  approved: 'success',
  changedAfterSigning: 'danger',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  signers: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The 签核 step: who signs, in which role, the status of each sheet, and the printable sign-off slip. */
export function SignOffStep(props: {
  view: SignOffView;
  session: SessionState;
  ledger: LedgerState;
  ledgerActions: LedgerActions;
  signer: Signer;
  profile: SchoolProfile;
}) {
  const { view, session, ledger, ledgerActions, signer, profile } = props;
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const styles = useStyles();
  const { print } = usePrint();
  const statusHeading = React.useId();
  const signHeading = React.useId();
  const roleLabel = React.useId();
  const report = session.report;
  const overview = view.overview;

  const printSlip = () =>
    print(
      <SignOffSlip
        view={view}
        session={session}
        profile={profile}
      />,
      t('slip.title'),
    );

  return (
    <div className={styles.root}>
      <LedgerNotices ledger={ledger} onDismiss={ledgerActions.dismissNotices} />
      <section className={pane.section} aria-labelledby={statusHeading} data-testid="signoff-status">
        <h2 id={statusHeading} className={pane.sectionHeading}>
          {t('signoff.statusHeading')}
        </h2>
        {!overview ? (
          <p className={pane.muted}>{t('signoff.needValidation')}</p>
        ) : (
          <>
            <ul className={pane.list}>
              {overview.sheets.map((sheet) => (
                <li key={sheet.sheet} className={styles.sheet} data-sheet-status={sheet.status} data-sheet={sheet.sheet}>
                  <span>
                    {sheet.sheet}{' '}
                    <Badge appearance="tint" color={STATUS_COLOR[sheet.status]}>
                      {t(`status.${sheet.status}`)}
                    </Badge>
                  </span>
                  {sheet.changedRows.length > 0 && (
                    <span className={pane.muted} data-testid="changed-rows">
                      {t('signoff.changedRows', { rows: rowList(sheet.changedRows, locale) })}
                    </span>
                  )}
                  {sheet.deletedRows > 0 && <span className={pane.muted}>{t('signoff.deletedRows', { count: sheet.deletedRows })}</span>}
                </li>
              ))}
            </ul>
            <ul className={styles.signers} data-testid="current-signers">
              {ROLES.map((role) => {
                const event = overview.current[role];
                return (
                  <li key={role}>
                    {event
                      ? t('signoff.signedBy', { role: ROLE_NAMES[role][locale], actor: event.actor, time: shownTime(event.time), seq: event.seq })
                      : t('signoff.notYet', { role: ROLE_NAMES[role][locale] })}
                  </li>
                );
              })}
            </ul>
            <div className={pane.muted}>
              {t('signoff.digest')} <span className={styles.hash} data-testid="data-digest">{session.digest?.digest}</span>
            </div>
            <div className={pane.muted}>
              {t('signoff.head')} <span className={styles.hash} data-testid="chain-head">{view.head}</span>
            </div>
          </>
        )}
      </section>

      <section className={pane.section} aria-labelledby={signHeading}>
        <h2 id={signHeading} className={pane.sectionHeading}>
          {t('signoff.signHeading')}
        </h2>
        <SignerFields signer={signer} />
        <Field label={t('signoff.role')} id={roleLabel}>
          <RadioGroup
            layout="horizontal"
            value={view.role}
            onChange={(_, data) => view.setRole(data.value as Role)}
            aria-labelledby={roleLabel}
            data-testid="signoff-role"
          >
            {ROLES.map((role) => (
              <Radio key={role} value={role} label={ROLE_NAMES[role][locale]} data-role={role} />
            ))}
          </RadioGroup>
        </Field>
        <div className={pane.muted}>{t(`signoff.meaning.${view.role}`)}</div>
        <Field
          label={t('signoff.note')}
          hint={report && report.counts.warning > 0 ? t('signoff.noteWarnings', { count: report.counts.warning }) : t('signoff.noteHint')}
          validationState={view.blocker?.key === 'signoff.needNote' ? 'warning' : 'none'}
        >
          <Textarea value={view.note} onChange={(_, data) => view.setNote(data.value)} resize="vertical" rows={2} data-testid="signoff-note" />
        </Field>
        {view.blocker && (
          <div className={pane.muted} role="status" data-testid="signoff-blocker">
            {t(view.blocker.key as 'signoff.errors', view.blocker.params)}
          </div>
        )}
        <div className={pane.row}>
          <Button
            appearance="primary"
            disabled={!view.canSign}
            onClick={view.sign}
            icon={view.busy ? <Spinner size="extra-tiny" /> : undefined}
            data-testid="sign"
          >
            {t('signoff.sign', { role: ROLE_NAMES[view.role][locale] })}
          </Button>
          {view.role !== 'collector' && (
            <Button disabled={view.busy || !report || !signer.ready} onClick={view.returnData} data-testid="return">
              {t('signoff.return')}
            </Button>
          )}
          <Button disabled={!overview} onClick={printSlip} data-testid="print-slip">
            {t('signoff.print')}
          </Button>
        </div>
        <StepNotice notice={view.notice} onDismiss={view.dismissNotice} testId="signoff-notice" />
      </section>
    </div>
  );
}

export function rowList(rows: readonly number[], locale: string): string {
  const shown = rows.slice(0, 30).join(locale === 'zh-CN' ? '、' : ', ');
  return rows.length > 30 ? `${shown}…` : shown;
}

/** The printable sign-off slip (签核单): the data, its digest, the chain head and every sign-off with signature lines. */
export function SignOffSlip(props: { view: SignOffView; session: SessionState; profile: SchoolProfile }) {
  const { view, session, profile } = props;
  const report = session.report;
  const signOffs: AuditEvent[] = view.signOffs;
  const printed = shownTime(chinaTime(new Date()));
  const status = view.overview?.status ?? 'notSigned';
  const STATUS_ZH: Record<SheetStatus, string> = { notSigned: '未签核', collected: '已采集', checked: '已校核', approved: '学位办已审核', changedAfterSigning: '签核后已修改' };
  return (
    <section className="page" data-testid="slip">
      <h1>学位授予信息签核单</h1>
      <div className="meta">
        <span>
          学位授予单位：{profile.unitCode} {profile.unitName}
        </span>
        <span>打印时间：{printed}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>工作表</th>
            <td>{(report?.sheets ?? []).map((s) => `${s.sheet}（${s.rows} 行，${s.template}，${s.category}）`).join('；')}</td>
          </tr>
          <tr>
            <th>记录数</th>
            <td>{report?.rows ?? 0}</td>
          </tr>
          <tr>
            <th>校验结果</th>
            <td>
              错误 {report?.counts.error ?? 0}，警告 {report?.counts.warning ?? 0}，提示 {report?.counts.info ?? 0}
            </td>
          </tr>
          <tr>
            <th>签核状态</th>
            <td>{STATUS_ZH[status]}</td>
          </tr>
          <tr>
            <th>数据摘要</th>
            <td className="hash" data-testid="slip-digest">
              {groupedHash(session.digest?.digest ?? '')}
            </td>
          </tr>
          <tr>
            <th>审计链末端哈希</th>
            <td className="hash" data-testid="slip-head">
              {groupedHash(view.head)}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>签核记录</h2>
      <table className="list">
        <thead>
          <tr>
            <th>序号</th>
            <th>角色</th>
            <th>签核</th>
            <th>姓名</th>
            <th>工号</th>
            <th>时间</th>
            <th>备注</th>
          </tr>
        </thead>
        <tbody>
          {signOffs.length === 0 ? (
            <tr>
              <td colSpan={7}>当前数据尚无签核</td>
            </tr>
          ) : (
            signOffs.map((event) => (
              <tr key={event.seq}>
                <td>{event.seq}</td>
                <td className="nowrap">{ROLE_NAMES[event.role]['zh-CN']}</td>
                <td className="nowrap">{event.action}</td>
                <td className="nowrap">{event.actor}</td>
                <td>{event.actorId}</td>
                <td className="nowrap">{shownTime(event.time)}</td>
                <td>{event.note}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table className="signatures">
        <tbody>
          <tr>
            {ROLES.map((role) => (
              <td key={role}>
                <div className="sign-title">{ROLE_NAMES[role]['zh-CN']}</div>
                <div className="line">签名：______________</div>
                <div className="line">日期：______年____月____日</div>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="note">
        签核人姓名与工号由本人填写，未经系统认证。数据摘要是签核时全部记录的 SHA-256；审计链末端哈希可用 degree-data audit verify --head
        在工作簿之外核对审计记录是否被整体替换。
      </p>
      <p className="note">
        The signers’ names and staff numbers are self-declared. The data digest is the SHA-256 of every record at sign-off; check the chain
        head with degree-data audit verify --head outside the workbook.
      </p>
    </section>
  );
}
