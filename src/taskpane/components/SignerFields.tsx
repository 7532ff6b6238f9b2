import { Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import * as React from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { Signer } from '../state/useSigner';
import { usePaneStyles } from './paneStyles.styles';

/**
 * 姓名 and 工号 of the person who signs or records. The pane says plainly that the identity is self-declared (typed
 * here, remembered on this computer, not verified); a verified sign-in shows the account read-only.
 */
export function SignerFields(props: { signer: Signer; compact?: boolean }) {
  const { signer, compact } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const id = React.useId();
  return (
    <div className={pane.section} data-testid="signer">
      <div className={pane.twoColumns}>
        <Field label={t('signer.name')} required>
          <Input
            className={pane.fill}
            value={signer.identity.name}
            readOnly={!signer.editable}
            onChange={(_, data) => signer.setName(data.value)}
            aria-describedby={`${id}-note`}
            autoComplete="name"
            data-testid="signer-name"
          />
        </Field>
        <Field label={t('signer.staffId')}>
          <Input
            className={pane.fill}
            value={signer.identity.staffId}
            readOnly={!signer.editable}
            onChange={(_, data) => signer.setStaffId(data.value)}
            aria-describedby={`${id}-note`}
            data-testid="signer-staff"
          />
        </Field>
      </div>
      {compact ? (
        <div id={`${id}-note`} className={pane.muted}>
          {signer.kind === 'selfDeclared' ? t('signer.selfDeclared.short') : t('signer.verified')}
        </div>
      ) : (
        <MessageBar intent={signer.kind === 'selfDeclared' ? 'info' : 'success'} layout="multiline" data-testid="signer-note">
          <MessageBarBody id={`${id}-note`}>{signer.kind === 'selfDeclared' ? t('signer.selfDeclared') : t('signer.verified')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
