import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import * as React from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import type { SessionActions, SessionState, WorkbookAction } from '../state/useValidationSession';
import { usePaneStyles } from './paneStyles.styles';

/** 标记问题单元格 · 清除标记 · 写入问题清单: the only things that change the workbook, each on the user's click. */
export function WorkbookActions(props: { state: SessionState; actions: SessionActions }) {
  const { state, actions } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const headingId = React.useId();
  const busy = state.busyAction !== undefined || state.status === 'running';
  const hasIssues = (state.report?.issues.length ?? 0) > 0;
  const button = (action: WorkbookAction, label: MessageKey, onClick: () => void, enabled: boolean) => (
    <Button
      size="small"
      disabled={busy || !enabled}
      onClick={onClick}
      icon={state.busyAction === action ? <Spinner size="extra-tiny" /> : undefined}
      data-testid={`action-${action}`}
    >
      {t(label)}
    </Button>
  );
  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.subHeading}>
        {t('marks.heading')}
      </h2>
      <div className={pane.row}>
        {button('mark', 'marks.apply', actions.mark, hasIssues)}
        {button('clear', 'marks.clear', actions.clear, true)}
        {button('write', 'marks.write', actions.write, hasIssues)}
      </div>
      {state.notice && (
        <MessageBar intent={state.notice.ok ? 'success' : 'error'} layout="multiline" data-testid="notice">
          <MessageBarBody>
            {state.notice.lines.map((line, index) => (
              <div key={index}>{t(line.key as MessageKey, line.params)}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
