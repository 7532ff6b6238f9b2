import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import * as React from 'react';
import { parseProfile, type SchoolProfile } from '../../core/profile/profile';
import { useI18n } from '../i18n/I18nContext';
import { usePaneStyles } from './paneStyles.styles';

export interface ProfileDialogProps {
  open: boolean;
  profile: SchoolProfile;
  onClose: () => void;
  /** A parsed profile, or undefined to restore the default. */
  onApply: (profile: SchoolProfile | undefined) => void;
}

/** Edits the school profile as JSON (the CLI's --profile file); problems are listed and nothing is applied. */
export function ProfileDialog(props: ProfileDialogProps) {
  const { open, profile, onClose, onApply } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const [text, setText] = React.useState('');
  const [problems, setProblems] = React.useState<string[]>([]);

  React.useEffect(() => {
    if (open) {
      setText(JSON.stringify(profile, null, 2));
      setProblems([]);
    }
  }, [open, profile]);

  const apply = () => {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      setProblems([t('profile.notJson', { message: (error as Error).message })]);
      return;
    }
    const result = parseProfile(input);
    if (result.ok) onApply(result.profile);
    else setProblems(result.problems);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setProblems([]);
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('profile.dialogTitle')}</DialogTitle>
          <DialogContent className={pane.section}>
            <p className={pane.muted}>{t('profile.dialogHint')}</p>
            <Field label={t('profile.file')}>
              <input type="file" accept=".json,application/json" onChange={(event) => void readFile(event.target.files?.[0])} />
            </Field>
            <Field label={t('profile.text')}>
              <Textarea value={text} onChange={(_, data) => setText(data.value)} rows={12} resize="vertical" spellCheck={false} />
            </Field>
            {problems.length > 0 && (
              <MessageBar intent="error">
                <MessageBarBody>
                  {t('profile.invalid')}
                  <ul className={pane.list}>
                    {problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={apply}>
              {t('profile.apply')}
            </Button>
            <Button onClick={() => onApply(undefined)}>{t('profile.reset')}</Button>
            <Button onClick={onClose}>{t('profile.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
