import * as React from 'react';
import type { Locale } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import type { XuejiSheet } from '../../core/xueji/sheet';
import type { IdentityPort } from '../identity';
import type { PanePorts } from '../ports';
import type { ValidationRunner } from '../validation/runner';
import type { WorkbookPort } from '../workbookPort';
import { useExport, type ExportView } from './useExport';
import { useLedger, type LedgerActions, type LedgerState } from './useLedger';
import { useReconcile, type ReconcileView } from './useReconcile';
import { useRecords, type RecordsView } from './useRecords';
import { useSigner, type Signer } from './useSigner';
import { useSignOff, type SignOffView } from './useSignOff';
import { useValidationSession, type Overrides, type SessionActions, type SessionState } from './useValidationSession';

export interface PaneInput {
  port: WorkbookPort;
  runner: ValidationRunner;
  ports: PanePorts;
  identity: IdentityPort;
  locale: Locale;
  profile: SchoolProfile;
  today?: string;
}

/** The state of every step, kept while the user switches tabs. */
export interface PaneState {
  session: SessionState;
  sessionActions: SessionActions;
  overrides: Overrides;
  setOverrides(overrides: Overrides): void;
  signer: Signer;
  ledger: LedgerState;
  ledgerActions: LedgerActions;
  reconcile: ReconcileView;
  signOff: SignOffView;
  exporter: ExportView;
  records: RecordsView;
}

/**
 * The pane's state in one hook: the validation session (with the 学籍 data the 学籍比对 step chose), the signer, the
 * workbook's audit trail and change log, and each step's view. The App renders it; the tests drive it directly.
 */
export function usePane(input: PaneInput): PaneState {
  const { port, runner, ports, identity, locale, profile, today } = input;
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [xueji, setXueji] = React.useState<readonly XuejiSheet[]>();
  const [session, sessionActions] = useValidationSession({ port, runner, locale, profile, overrides, today, xueji });
  const signer = useSigner(identity);
  const [ledger, ledgerActions] = useLedger(ports, locale);
  const reconcile = useReconcile({ session, sessionActions, port: ports.xueji, xueji, setXueji, signer, ledger: ledgerActions, locale });
  const signOff = useSignOff({ session, ledger, ledgerActions, signer, locale });
  const exporter = useExport({ session, ledger, ledgerActions, signer, files: ports.files, profile, locale, today });
  const records = useRecords({ session, ledger, ledgerActions, signer, files: ports.files, profile, locale, today });
  return { session, sessionActions, overrides, setOverrides, signer, ledger, ledgerActions, reconcile, signOff, exporter, records };
}
