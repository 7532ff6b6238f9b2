import * as React from 'react';
import {
  changeRequestForm,
  decideRequest,
  foldRequests,
  foldWithdrawals,
  recordDeletion,
  recordFiled,
  recordRevocation,
  requestChange,
  reviewChanges,
  withdrawalFile,
  withdrawalFileName,
  withdrawalReport,
  type Actor,
  type ChangeContext,
  type ChangesOverview,
  type ReviewLevel,
  type StepResult,
  type Withdrawal,
} from '../../core/changes';
import { mimeTypeOf } from '../../core/export';
import type { Locale } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import { todayInChina } from '../../core/util/dates';
import { describePortError, type FilePort } from '../ports';
import { ADDIN_VERSION, RULES_VERSION } from '../version';
import { targetOptions, verifyTrail, whereOf, type TargetOption, type TrailVerification } from '../view/recordsView';
import type { LedgerActions, LedgerState } from './useLedger';
import type { Signer } from './useSigner';
import type { SessionState } from './useValidationSession';
import type { Notice } from './notice';

export type RecordsNotice = Notice;

export type WithdrawalKind = Withdrawal['kind'];

/** A printable form: the core's HTML, printed in the pane or saved as a file. */
export interface FormDocument {
  title: string;
  html: string;
  fileName: string;
}

export interface RecordsView {
  verification?: TrailVerification;
  overview?: ChangesOverview;
  /** Reasons typed for change requests, by baseline ref. */
  reasons: Record<string, string>;
  setReason(baselineRef: string, reason: string): void;
  /** Notes and document numbers typed for decisions, by request id. */
  notes: Record<string, string>;
  setNote(id: string, note: string): void;
  documents: Record<string, string>;
  setDocument(id: string, document: string): void;
  request(baselineRef: string): void;
  decide(id: string, level: ReviewLevel, decision: 'agree' | 'reject'): void;
  /** Records the 国务院学位办 document number of an approved key-field request. */
  recordDocument(id: string): void;

  targets: TargetOption[];
  withdrawal: {
    kind: WithdrawalKind;
    setKind(kind: WithdrawalKind): void;
    target: string;
    setTarget(key: string): void;
    decisionNo: string;
    setDecisionNo(value: string): void;
    /** YYYYMMDD */
    decisionDate: string;
    setDecisionDate(value: string): void;
    reason: string;
    setReason(value: string): void;
    submit(): void;
  };
  filedDates: Record<string, string>;
  setFiledDate(id: string, date: string): void;
  markFiled(id: string): void;

  /** Change requests of the current baseline that a form can be printed for. */
  hasChangeForms: boolean;
  changeForm(ids?: readonly string[]): FormDocument | undefined;
  withdrawalForm(kind: WithdrawalKind): FormDocument | undefined;
  saveForm(form: FormDocument): void;
  saveWithdrawalFile(kind: WithdrawalKind): void;

  busy: boolean;
  notice?: RecordsNotice;
  dismissNotice(): void;
}

export interface RecordsInput {
  session: SessionState;
  ledger: LedgerState;
  ledgerActions: LedgerActions;
  signer: Signer;
  files: FilePort;
  profile: SchoolProfile;
  locale: Locale;
  today?: string;
}

const compact = (value: string) => value.replace(/-/g, '');

/**
 * The 记录 step: the audit trail with a verification mark per event, the chain head and the rows changed since the
 * last sign-off; and the change procedures after reporting (第十三–十六条): differences against the reported
 * baseline per field, change requests with college review and school approval (key fields: the 国务院学位办
 * document number), revocations and deletions with their deadlines, and the printable forms. Every step is a
 * change-log row with its audit event, decided by src/core/changes.
 */
export function useRecords(input: RecordsInput): RecordsView {
  const { session, ledger, ledgerActions, signer, files, profile, locale } = input;
  const today = input.today ?? todayInChina();
  const [reasons, setReasons] = React.useState<Record<string, string>>({});
  const [notes, setNotes] = React.useState<Record<string, string>>({});
  const [documents, setDocuments] = React.useState<Record<string, string>>({});
  const [filedDates, setFiledDates] = React.useState<Record<string, string>>({});
  const [kind, setKind] = React.useState<WithdrawalKind>('revocation');
  const [target, setTarget] = React.useState('');
  const [decisionNo, setDecisionNo] = React.useState('');
  const [decisionDate, setDecisionDate] = React.useState('');
  const [withdrawalReason, setWithdrawalReason] = React.useState('');
  const [notice, setNotice] = React.useState<RecordsNotice>();
  const localeRef = React.useRef(locale);
  localeRef.current = locale;

  const trail = ledger.trail;
  const changes = ledger.changes;
  const records = session.records;
  const verification = React.useMemo(
    () => (trail ? verifyTrail(trail.events, trail.unreadable, trail.signed, session.digest) : undefined),
    [trail, session.digest],
  );
  const context = React.useMemo<ChangeContext | undefined>(
    () => (trail ? { events: trail.events, entries: changes?.entries ?? [], baseline: changes?.baseline } : undefined),
    [trail, changes],
  );
  const overview = React.useMemo(
    () =>
      context && records
        ? reviewChanges(context, records, { today, unreadableBaseline: changes?.unreadableBaseline, unreadableChanges: changes?.unreadableChanges })
        : undefined,
    [context, records, today, changes],
  );
  const targets = React.useMemo(
    () => (records ? targetOptions(records, changes?.baseline, (overview?.removed ?? []).filter((r) => !r.coveredBy)) : []),
    [records, changes?.baseline, overview?.removed],
  );

  const actor = (): Actor => ({ actor: signer.identity.name.trim(), actorId: signer.identity.staffId.trim(), rulesVersion: RULES_VERSION, addinVersion: ADDIN_VERSION });
  const sheets = (session.report?.sheets ?? []).map((s) => ({ sheet: s.sheet, template: s.template, category: s.category }));

  /** Builds a step from the change log as it is right before the write; a refusal is shown, nothing written. */
  const step = (build: (context: ChangeContext) => StepResult, done: RecordsNotice, after?: () => void) => {
    if (!records) return;
    if (!signer.ready) {
      setNotice({ intent: 'warning', key: 'records.needName' });
      return;
    }
    setNotice(undefined);
    signer.remember();
    let refusal: string | undefined;
    ledgerActions
      .write((fresh, freshChanges) => {
        const result = build({ events: fresh.events, entries: freshChanges.entries, baseline: freshChanges.baseline });
        if (!result.ok) {
          const [zh, en = zh] = result.message.split(' / ');
          refusal = localeRef.current === 'zh-CN' ? zh : en;
          return undefined;
        }
        return { events: [], step: { entry: result.entry, event: result.event } };
      })
      .then(
        (written) => {
          if (refusal) setNotice({ intent: 'error', key: 'records.refused', params: { reason: refusal } });
          else if (written) {
            setNotice({ ...done, params: { ...done.params, seq: written.step?.event.seq ?? 0, id: written.step?.entry.id ?? '' } });
            after?.();
          }
        },
        (error: unknown) => setNotice({ intent: 'error', key: 'records.failed', params: { message: describePortError(error, localeRef.current) } }),
      );
  };

  const unit = { code: profile.unitCode, name: profile.unitName };

  const save = (name: string, bytes: Uint8Array) =>
    files.saveFile(name, bytes, mimeTypeOf(name)).then(
      (outcome) =>
        setNotice(
          outcome.method === 'none'
            ? { intent: 'warning', key: 'records.notSaved', params: { name, message: outcome.message?.[localeRef.current] ?? '' } }
            : { intent: 'success', key: 'records.saved', params: { name } },
        ),
      (error: unknown) => setNotice({ intent: 'error', key: 'records.notSaved', params: { name, message: describePortError(error, localeRef.current) } }),
    );

  return {
    verification,
    overview,
    reasons,
    setReason: (ref, reason) => setReasons((current) => ({ ...current, [ref]: reason })),
    notes,
    setNote: (id, note) => setNotes((current) => ({ ...current, [id]: note })),
    documents,
    setDocument: (id, document) => setDocuments((current) => ({ ...current, [id]: document })),
    request(baselineRef) {
      const item = overview?.changes.find((c) => c.baselineRef === baselineRef);
      if (!item || !records) return;
      step(
        (fresh) => requestChange(fresh, records, { sheet: item.sheet, row: item.row }, { reason: reasons[baselineRef] ?? '' }, actor()),
        { intent: 'success', key: 'records.requested' },
        () => setReasons((current) => ({ ...current, [baselineRef]: '' })),
      );
    },
    decide(id, level, decision) {
      if (!records) return;
      step(
        (fresh) => decideRequest(fresh, records, { id, level, decision, note: notes[id], document: documents[id] }, actor()),
        { intent: 'success', key: decision === 'agree' ? (level === 'college' ? 'records.reviewed' : 'records.approved') : 'records.rejected' },
        () => setNotes((current) => ({ ...current, [id]: '' })),
      );
    },
    recordDocument(id) {
      if (!records) return;
      step(
        (fresh) => decideRequest(fresh, records, { id, level: 'school', decision: 'agree', document: documents[id] ?? '' }, actor()),
        { intent: 'success', key: 'records.documentRecorded' },
      );
    },
    targets,
    withdrawal: {
      kind,
      setKind,
      target,
      setTarget,
      decisionNo,
      setDecisionNo,
      decisionDate,
      setDecisionDate: (value) => setDecisionDate(compact(value)),
      reason: withdrawalReason,
      setReason: setWithdrawalReason,
      submit() {
        const where = whereOf(target);
        if (!where || !records) {
          setNotice({ intent: 'warning', key: 'records.chooseRecord' });
          return;
        }
        step(
          (fresh) =>
            kind === 'revocation'
              ? recordRevocation(fresh, records, sheets, where, { decisionNo, decisionDate, reason: withdrawalReason }, actor())
              : recordDeletion(fresh, records, sheets, where, { reason: withdrawalReason }, actor()),
          { intent: 'success', key: kind === 'revocation' ? 'records.revoked' : 'records.deleted' },
          () => {
            setTarget('');
            setWithdrawalReason('');
            setDecisionNo('');
            setDecisionDate('');
          },
        );
      },
    },
    filedDates,
    setFiledDate: (id, date) => setFiledDates((current) => ({ ...current, [id]: compact(date) })),
    markFiled(id) {
      step((fresh) => recordFiled(fresh, { id, date: filedDates[id] || today }, actor()), { intent: 'success', key: 'records.filed' });
    },
    hasChangeForms: changes?.baseline !== undefined && foldRequests(changes?.entries ?? []).some((r) => r.baselineSeq === changes.baseline!.seq && r.status !== 'rejected'),
    changeForm(ids) {
      const baseline = changes?.baseline;
      if (!baseline) return undefined;
      const requests = foldRequests(changes?.entries ?? []).filter((r) => (ids ? ids.includes(r.id) : r.baselineSeq === baseline.seq && r.status !== 'rejected'));
      if (requests.length === 0) return undefined;
      const items = requests.map((request) => ({ request, record: baseline.rows.find((b) => `${b.sheet}!${b.row}` === request.baselineRef)?.values ?? {} }));
      return {
        title: '学位授予信息更正申请表',
        html: changeRequestForm(items, { unit, today }),
        fileName: `${profile.unitCode}_${today}_更正申请表${ids?.length === 1 ? `_${ids[0]}` : ''}.html`,
      };
    },
    withdrawalForm(which) {
      const { revocations, deletions } = foldWithdrawals(changes?.entries ?? []);
      const items: Withdrawal[] = which === 'revocation' ? revocations : deletions;
      if (items.length === 0) return undefined;
      const title = which === 'revocation' ? '撤销学位授予信息报告' : '删除学位授予信息报告';
      return { title, html: withdrawalReport(items, which, { unit, today }), fileName: `${profile.unitCode}_${today}_${title}.html` };
    },
    saveForm(form) {
      void save(form.fileName, new TextEncoder().encode(form.html));
    },
    saveWithdrawalFile(which) {
      const { revocations, deletions } = foldWithdrawals(changes?.entries ?? []);
      const items: Withdrawal[] = which === 'revocation' ? revocations : deletions;
      if (items.length === 0) return;
      void save(withdrawalFileName(which, profile.unitCode, today), withdrawalFile(items, which));
    },
    busy: ledger.busy,
    notice,
    dismissNotice: () => setNotice(undefined),
  };
}
