import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import type { StoreNoticeView } from '../ports';
import type { Notice } from '../state/notice';
import type { LedgerState } from '../state/useLedger';
import { usePaneStyles } from './paneStyles.styles';

/** One result message of a step, announced to screen readers, dismissible. */
export function StepNotice(props: { notice: Notice | undefined; onDismiss?: () => void; testId?: string }) {
  const { notice, onDismiss, testId } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId ?? 'step-notice'} data-intent={notice.intent}>
      <MessageBarBody>
        <div role={notice.intent === 'error' ? 'alert' : 'status'}>{t(notice.key as MessageKey, notice.params)}</div>
        {notice.lines && notice.lines.length > 0 && (
          <ul className={pane.list}>
            {notice.lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss} aria-label={t('notice.dismiss')}>
            ×
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** What the gateway said about its hidden sheets (re-hidden, protection failed with AccessDenied …), in its words. */
export function StoreNotices(props: { notices: readonly StoreNoticeView[]; onDismiss?: () => void }) {
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  if (props.notices.length === 0) return null;
  return (
    <div data-testid="store-notices" className={pane.section}>
      {props.notices.map((notice) => (
        <MessageBar
          key={`${notice.kind}|${notice.sheet ?? ''}`}
          intent={notice.blocking ? 'error' : notice.kind === 'undoCleared' ? 'info' : 'warning'}
          layout="multiline"
          data-store-notice={notice.kind}
        >
          <MessageBarBody>{notice.message?.[locale] ?? t('store.notice', { kind: notice.kind, sheet: notice.sheet ?? '' })}</MessageBarBody>
        </MessageBar>
      ))}
      {props.onDismiss && (
        <div>
          <Button size="small" appearance="subtle" onClick={props.onDismiss} data-testid="store-notices-dismiss">
            {t('store.dismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The record sheets' state above a step that works on them: the gateway's notices, and a failure to read them. */
export function LedgerNotices(props: { ledger: LedgerState; onDismiss: () => void }) {
  const { ledger, onDismiss } = props;
  const { t } = useI18n();
  return (
    <>
      <StoreNotices notices={ledger.notices} onDismiss={onDismiss} />
      {ledger.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('ledger.failed', { message: ledger.error ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
