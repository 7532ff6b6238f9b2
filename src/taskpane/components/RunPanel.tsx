import { Button, Field, ProgressBar } from '@fluentui/react-components';
import * as React from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { SessionState } from '../state/useValidationSession';
import { usePaneStyles } from './paneStyles.styles';

export interface RunPanelProps {
  state: SessionState;
  onStart: () => void;
  onCancel: () => void;
}

/** 开始校验 / 取消 with a progress bar whose label says what is happening (announced politely). */
export function RunPanel(props: RunPanelProps) {
  const { state, onStart, onCancel } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const running = state.status === 'running';
  const progress = state.progress;
  let label = '';
  if (progress) {
    if (progress.phase === 'reading')
      label = progress.total ? t('run.phase.reading', { done: progress.done ?? 0, total: progress.total }) : t('run.phase.sending');
    else if (progress.phase === 'validating') label = t('run.phase.validating', { rows: state.rows ?? 0 });
    else label = t(`run.phase.${progress.phase}`);
  }
  const startRef = React.useRef<HTMLButtonElement>(null);
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  // Keep keyboard focus on the button that replaces the one just pressed.
  const wasRunning = React.useRef(running);
  React.useEffect(() => {
    if (wasRunning.current !== running) {
      const focused = typeof document !== 'undefined' ? document.activeElement : null;
      if (running && focused === startRef.current) cancelRef.current?.focus();
      if (!running && (focused === cancelRef.current || focused === document.body)) startRef.current?.focus();
      wasRunning.current = running;
    }
  }, [running]);

  return (
    <div className={pane.section}>
      <div className={pane.row}>
        {running ? (
          <Button ref={cancelRef} onClick={onCancel} data-testid="cancel">
            {t('run.cancel')}
          </Button>
        ) : (
          <Button ref={startRef} appearance="primary" onClick={onStart} data-testid="start">
            {state.report ? t('run.again') : t('run.start')}
          </Button>
        )}
      </div>
      {running && (
        <Field validationMessage={label} validationState="none" aria-live="polite">
          <ProgressBar
            value={progress?.fraction}
            max={1}
            thickness="large"
            aria-label={t('run.progress')}
            aria-valuetext={label}
          />
        </Field>
      )}
    </div>
  );
}
