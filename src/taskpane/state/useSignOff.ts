import * as React from 'react';
import { headOf, nextEvent, verifyChain } from '../../core/audit/chain';
import { ROLE_NAMES, type AuditEvent, type Role } from '../../core/audit/events';
import { decideSignOff, type SignDecision } from '../../core/audit/signing';
import type { Locale } from '../../core/model/types';
import { describePortError } from '../ports';
import { ADDIN_VERSION, RULES_VERSION } from '../version';
import { signOffOverview, signOffsOn, type SignOffOverview } from '../view/signoffView';
import type { LedgerActions, LedgerState } from './useLedger';
import type { Signer } from './useSigner';
import type { SessionState } from './useValidationSession';
import type { Notice } from './notice';

export type SignNotice = Notice;

/** Refusals that are attempts against the separation of duties: logged as 签核被拒绝, as the CLI does. */
const LOGGED_REFUSALS: ReadonlySet<string> = new Set(['sameAsCollector', 'notCollected', 'notChecked']);

export interface SignOffView {
  role: Role;
  setRole(role: Role): void;
  note: string;
  setNote(note: string): void;
  /** What would block signing now, before the rules that depend on the trail (errors, a missing note or name). */
  blocker?: { key: string; params?: Record<string, string | number> };
  overview?: SignOffOverview;
  /** The chain head hash (the genesis hash before the first event). */
  head: string;
  /** Problems verifyChain finds: signing after a broken chain is refused. */
  chainBroken: boolean;
  canSign: boolean;
  busy: boolean;
  notice?: SignNotice;
  /** The sign-offs of the current data, for the slip. */
  signOffs: AuditEvent[];
  sign(): void;
  /** 退回 with a reason (the note): the checker or the degree office sends the data back. */
  returnData(): void;
  dismissNotice(): void;
}

export interface SignOffInput {
  session: SessionState;
  ledger: LedgerState;
  ledgerActions: LedgerActions;
  signer: Signer;
  locale: Locale;
}

function scopeOf(session: SessionState): string {
  return (session.report?.sheets ?? []).map((s) => `${s.sheet}!${s.headerRow + 1}:${s.headerRow + s.rows}`).join(', ');
}

/**
 * The 签核 step: sign the current data as 采集人, 校核人 or 学位办审核. decideSignOff decides (no setting switches
 * its rules off); a refusal against the separation of duties is itself logged as 签核被拒绝. A sign-off stores the
 * row digests so that later edits can be pinpointed.
 */
export function useSignOff(input: SignOffInput): SignOffView {
  const { session, ledger, ledgerActions, signer, locale } = input;
  const [role, setRole] = React.useState<Role>('collector');
  const [note, setNote] = React.useState('');
  const [notice, setNotice] = React.useState<SignNotice>();
  const localeRef = React.useRef(locale);
  localeRef.current = locale;

  const events = React.useMemo(() => ledger.trail?.events ?? [], [ledger.trail]);
  const report = session.report;
  const digest = session.digest;
  const sheets = React.useMemo(() => (report?.sheets ?? []).map((s) => s.sheet), [report]);
  const overview = React.useMemo(
    () => (digest ? signOffOverview(events, digest, ledger.trail?.signed, sheets) : undefined),
    [events, digest, ledger.trail?.signed, sheets],
  );
  const chainBroken = React.useMemo(() => verifyChain(events).length > 0 || (ledger.trail?.unreadable.length ?? 0) > 0, [events, ledger.trail]);

  let blocker: SignOffView['blocker'];
  if (!report || !digest) blocker = { key: 'signoff.needValidation' };
  else if (session.status === 'running') blocker = { key: 'signoff.validating' };
  else if (report.counts.error > 0) blocker = { key: 'signoff.errors', params: { count: report.counts.error } };
  else if (chainBroken) blocker = { key: 'signoff.chainBroken' };
  else if (!signer.ready) blocker = { key: 'signoff.needName' };
  else if (report.counts.warning > 0 && !note.trim()) blocker = { key: 'signoff.needNote', params: { count: report.counts.warning } };

  const busy = ledger.busy || session.status === 'running';

  const record = React.useCallback(
    (build: (trail: AuditEvent[]) => { event: AuditEvent; decision: SignDecision; signed: boolean }) => {
      if (!report || !digest) return;
      signer.remember();
      let outcome: { event: AuditEvent; decision: SignDecision } | undefined;
      ledgerActions
        .write((trail) => {
          if (verifyChain(trail.events).length > 0 || trail.unreadable.length > 0) {
            outcome = undefined;
            setNotice({ intent: 'error', key: 'signoff.chainBroken' });
            return undefined;
          }
          const built = build(trail.events);
          outcome = built;
          if (!built.decision.ok && !LOGGED_REFUSALS.has(built.decision.reason)) return undefined;
          return { events: [built.event], ...(built.signed ? { signed: { seq: built.event.seq, rows: digest.rows } } : {}) };
        })
        .then(
          () => {
            if (!outcome) return;
            const { decision, event } = outcome;
            if (decision.ok) {
              setNotice({
                intent: 'success',
                key: event.action === '退回' ? 'signoff.returned' : 'signoff.signed',
                params: { action: event.action, role: ROLE_NAMES[event.role][localeRef.current], seq: event.seq },
              });
              setNote('');
            } else {
              const [zh, en = zh] = decision.message.split(' / ');
              setNotice({
                intent: 'error',
                key: LOGGED_REFUSALS.has(decision.reason) ? 'signoff.refusedLogged' : 'signoff.refused',
                params: { reason: localeRef.current === 'zh-CN' ? zh : en, seq: event.seq },
              });
            }
          },
          (error: unknown) => setNotice({ intent: 'error', key: 'signoff.failed', params: { message: describePortError(error, localeRef.current) } }),
        );
    },
    [report, digest, signer, ledgerActions],
  );

  const base = React.useCallback(
    () => ({
      actor: signer.identity.name.trim(),
      actorId: signer.identity.staffId.trim(),
      role,
      scope: scopeOf(session),
      datasetDigest: digest?.digest ?? '',
      rulesVersion: RULES_VERSION,
      addinVersion: ADDIN_VERSION,
    }),
    [signer.identity, role, session, digest],
  );

  const sign = React.useCallback(() => {
    if (blocker || !report || !digest) return;
    setNotice(undefined);
    record((trail) => {
      const decision = decideSignOff(trail, {
        role,
        actor: signer.identity.name.trim(),
        actorId: signer.identity.staffId.trim(),
        datasetDigest: digest.digest,
        errorCount: report.counts.error,
        warningCount: report.counts.warning,
        note,
      });
      const event = decision.ok
        ? nextEvent(trail, { ...base(), action: decision.action, note: note.trim() })
        : nextEvent(trail, { ...base(), action: '签核被拒绝', note: `${ROLE_NAMES[role]['zh-CN']}：${decision.message}` });
      return { event, decision, signed: decision.ok };
    });
  }, [blocker, report, digest, record, role, signer.identity, note, base]);

  const returnData = React.useCallback(() => {
    if (!report || !digest || !signer.ready) return;
    if (!note.trim()) {
      setNotice({ intent: 'warning', key: 'signoff.returnNeedsReason' });
      return;
    }
    setNotice(undefined);
    record((trail) => ({
      event: nextEvent(trail, { ...base(), action: '退回', note: note.trim() }),
      decision: { ok: true, action: '退回' },
      signed: false,
    }));
  }, [report, digest, signer.ready, note, record, base]);

  return {
    role,
    setRole,
    note,
    setNote,
    blocker,
    overview,
    head: headOf(events),
    chainBroken,
    canSign: blocker === undefined && !busy,
    busy,
    notice,
    signOffs: digest ? signOffsOn(events, digest.digest) : [],
    sign,
    returnData,
    dismissNotice: () => setNotice(undefined),
  };
}
