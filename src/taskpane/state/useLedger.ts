import * as React from 'react';
import type { AuditEvent } from '../../core/audit/events';
import type { SignedDigests } from '../../core/audit/sheetFormat';
import type { Baseline, ChangeStep } from '../../core/changes';
import type { Locale } from '../../core/model/types';
import { describePortError, type AuditTrailView, type ChangesView, type PanePorts, type StoreNoticeView } from '../ports';

/** What a write adds to the workbook's hidden sheets, built from the trail as it is right before the write. */
export interface LedgerWrite {
  /** Events appended in order (an export: 补报说明, 导出上报文件). */
  events: AuditEvent[];
  /** Row digests of a sign-off. */
  signed?: SignedDigests;
  /** A change-log row with its audit event (written together). */
  step?: ChangeStep;
  /** A new reported baseline with its 基线建立 event, after the events. */
  baseline?: { baseline: Baseline; event: AuditEvent };
}

export interface LedgerState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  trail?: AuditTrailView;
  changes?: ChangesView;
  error?: string;
  /**
   * What the gateway said about the hidden sheets since the pane opened (re-hidden, protection failed with
   * AccessDenied, undo list cleared …), one per kind and sheet, the latest wording.
   */
  notices: StoreNoticeView[];
  busy: boolean;
}

export interface LedgerActions {
  reload(): Promise<void>;
  /**
   * Reads the trail again (a co-author may have appended meanwhile), builds the write from it and appends it.
   * `build` returns undefined to write nothing (a refusal that is not logged).
   */
  write(build: (trail: AuditTrailView, changes: ChangesView) => LedgerWrite | undefined): Promise<LedgerWrite | undefined>;
  /** The user has read the gateway's notices. */
  dismissNotices(): void;
}

function mergeNotices(previous: readonly StoreNoticeView[], ...lists: (readonly StoreNoticeView[] | undefined)[]): StoreNoticeView[] {
  const merged = new Map(previous.map((notice) => [`${notice.kind}|${notice.sheet ?? ''}`, notice]));
  for (const list of lists) for (const notice of list ?? []) merged.set(`${notice.kind}|${notice.sheet ?? ''}`, notice);
  return [...merged.values()];
}

const EMPTY_CHANGES: ChangesView = { entries: [], unreadableBaseline: [], unreadableChanges: [] };

/**
 * The workbook's audit trail, reported baseline and change log, shared by 签核, 导出 and 记录: read when a step
 * needs them and after every write; never cached across writes (the workbook is the record).
 */
export function useLedger(ports: PanePorts | undefined, locale: Locale): [LedgerState, LedgerActions] {
  const [state, setState] = React.useState<LedgerState>({ status: 'idle', notices: [], busy: false });
  const localeRef = React.useRef(locale);
  localeRef.current = locale;

  const read = React.useCallback(async (): Promise<{ trail: AuditTrailView; changes: ChangesView }> => {
    if (!ports) throw new Error('no workbook');
    const [trail, changes] = await Promise.all([ports.audit.readAuditTrail(), ports.changes.readChanges().catch(() => EMPTY_CHANGES)]);
    return { trail, changes };
  }, [ports]);

  const reload = React.useCallback(async () => {
    if (!ports) return;
    setState((previous) => ({ ...previous, status: previous.trail ? previous.status : 'loading', error: undefined }));
    try {
      const { trail, changes } = await read();
      setState((previous) => ({
        ...previous,
        status: 'ready',
        trail,
        changes,
        notices: mergeNotices(previous.notices, trail.notices),
      }));
    } catch (error) {
      setState((previous) => ({ ...previous, status: 'failed', error: describePortError(error, localeRef.current) }));
    }
  }, [ports, read]);

  const write = React.useCallback<LedgerActions['write']>(
    async (build) => {
      if (!ports) return undefined;
      setState((previous) => ({ ...previous, busy: true }));
      try {
        const { trail, changes } = await read();
        const planned = build(trail, changes);
        if (!planned) return undefined;
        const notices: StoreNoticeView[] = [];
        if (planned.step) notices.push(...((await ports.changes.appendChangeStep(planned.step)).notices ?? []));
        if (planned.events.length > 0) notices.push(...((await ports.audit.appendAuditEvents(planned.events, planned.signed)).notices ?? []));
        if (planned.baseline) notices.push(...((await ports.changes.writeBaseline(planned.baseline.baseline, planned.baseline.event)).notices ?? []));
        const after = await read();
        setState((previous) => ({
          ...previous,
          status: 'ready',
          trail: after.trail,
          changes: after.changes,
          error: undefined,
          notices: mergeNotices(previous.notices, notices, after.trail.notices),
        }));
        return planned;
      } finally {
        setState((previous) => ({ ...previous, busy: false }));
      }
    },
    [ports, read],
  );

  const dismissNotices = React.useCallback(() => setState((previous) => ({ ...previous, notices: [] })), []);
  const actions = React.useMemo(() => ({ reload, write, dismissNotices }), [reload, write, dismissNotices]);
  return [state, actions];
}
