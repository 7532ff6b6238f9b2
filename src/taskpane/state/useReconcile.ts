import * as React from 'react';
import { nextEvent } from '../../core/audit/chain';
import type { Issue, Locale, ReconciliationSummary } from '../../core/model/types';
import type { XuejiSheet } from '../../core/xueji/sheet';
import { describePortError, type XuejiFix, type XuejiPort } from '../ports';
import { readFileBytes } from '../readFile';
import { ADDIN_VERSION, RULES_VERSION } from '../version';
import {
  adoptionOf,
  isXuejiIssue,
  pairView,
  scopeOfFixes,
  XuejiLookup,
  type Adoption,
  type PairView,
} from '../view/xuejiView';
import type { LedgerActions } from './useLedger';
import type { Signer } from './useSigner';
import type { SessionActions, SessionState } from './useValidationSession';
import type { Notice } from './notice';

export type XuejiSource = { kind: 'sheets'; names: string[] } | { kind: 'file'; name: string };

export type ReconcileNotice = Notice;

export interface ApplyConfirmation {
  rule: string;
  fixes: XuejiFix[];
  /** Issues the fixes resolve. */
  count: number;
}

export interface ReconcileView {
  /** 学籍 sheets found in this workbook (undefined until looked for). */
  detected?: XuejiSheet[];
  detecting: boolean;
  source?: XuejiSource;
  /** Records in the chosen 学籍 data. */
  sourceRecords: number;
  loadingFile: boolean;
  /** Reconciliation issues of the current report. */
  issues: readonly Issue[];
  summary?: ReconciliationSummary;
  /** The report includes the reconciliation (validated with the chosen 学籍 data). */
  reconciled: boolean;
  selected?: Issue;
  pair?: PairView;
  adoption?: Adoption;
  confirmation?: ApplyConfirmation;
  busy: boolean;
  notice?: ReconcileNotice;
  /** Adoptable fixes per rule, for “apply all of this rule”. */
  adoptableByRule: ReadonlyMap<string, { fixes: XuejiFix[]; count: number }>;
  detect(): void;
  useSheets(names: readonly string[]): void;
  loadFile(file: File): void;
  clearSource(): void;
  select(issue: Issue): void;
  apply(issue: Issue): void;
  askApplyRule(rule: string): void;
  confirmApply(): void;
  cancelApply(): void;
  dismissNotice(): void;
}

export interface ReconcileInput {
  session: SessionState;
  sessionActions: SessionActions;
  port: XuejiPort | undefined;
  xueji: readonly XuejiSheet[] | undefined;
  setXueji: (sheets: readonly XuejiSheet[] | undefined) => void;
  signer: Signer;
  ledger: LedgerActions;
  locale: Locale;
}

const NO_ISSUES: Issue[] = [];

/**
 * The 学籍比对 step: choose the 学籍 data (a sheet of this workbook, found by its headers, or a picked file), let the
 * validation session reconcile with it, show the mismatches and the two records side by side, and adopt 学籍 values
 * for non-key fields — each adoption written to the cell and recorded as an audit event 采用学籍值.
 */
export function useReconcile(input: ReconcileInput): ReconcileView {
  const { session, sessionActions, port, xueji, setXueji, signer, ledger, locale } = input;
  const [detected, setDetected] = React.useState<XuejiSheet[]>();
  const [detecting, setDetecting] = React.useState(false);
  const [source, setSource] = React.useState<XuejiSource>();
  const [loadingFile, setLoadingFile] = React.useState(false);
  const [selected, setSelected] = React.useState<Issue>();
  const [confirmation, setConfirmation] = React.useState<ApplyConfirmation>();
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<ReconcileNotice>();
  const localeRef = React.useRef(locale);
  localeRef.current = locale;

  const report = session.report;
  const reconciled = report?.reconciliation !== undefined;
  const issues = React.useMemo(() => (report && reconciled ? report.issues.filter(isXuejiIssue) : NO_ISSUES), [report, reconciled]);
  const lookup = React.useMemo(() => (xueji && xueji.length > 0 ? new XuejiLookup(xueji) : undefined), [xueji]);
  const records = session.records;

  // A new result (after a fix or a new validation) may no longer have the selected issue.
  React.useEffect(() => {
    setSelected((current) =>
      current && issues.some((i) => i.rule === current.rule && i.sheet === current.sheet && i.row === current.row && i.field === current.field)
        ? issues.find((i) => i.rule === current.rule && i.sheet === current.sheet && i.row === current.row && i.field === current.field)
        : undefined,
    );
  }, [issues]);

  const pair = React.useMemo(() => (selected && records ? pairView(selected, records, lookup) : undefined), [selected, records, lookup]);
  const adoption = React.useMemo(() => (selected ? adoptionOf(selected, pair) : undefined), [selected, pair]);

  const adoptableByRule = React.useMemo(() => {
    const map = new Map<string, { fixes: XuejiFix[]; count: number }>();
    if (!records) return map;
    // Issues of one row come together in report order; index the records once.
    const bySheetRow = new Map(records.map((record) => [`${record.sheet}\u0000${record.excelRow}`, record]));
    for (const issue of issues) {
      const record = bySheetRow.get(`${issue.sheet}\u0000${issue.row}`);
      const found = adoptionOf(issue, record ? pairView(issue, [record], lookup) : undefined);
      if (found.kind !== 'adoptable') continue;
      const entry = map.get(issue.rule) ?? { fixes: [], count: 0 };
      entry.fixes.push(found.fix);
      entry.count++;
      map.set(issue.rule, entry);
    }
    return map;
  }, [issues, records, lookup]);

  const choose = React.useCallback(
    (sheets: XuejiSheet[], chosen: XuejiSource) => {
      setSource(chosen);
      setSelected(undefined);
      setXueji(sheets);
      // Without a result yet, validate now; otherwise the session validates the same grids again with the 学籍 data.
      if (session.status === 'idle' || session.status === 'noTemplate' || session.status === 'failed' || session.status === 'cancelled') {
        sessionActions.start();
      }
    },
    [setXueji, session.status, sessionActions],
  );

  const detect = React.useCallback(() => {
    if (!port) return;
    setDetecting(true);
    setNotice(undefined);
    port.findXuejiSheets().then(
      (sheets) => {
        setDetected(sheets);
        setDetecting(false);
        if (sheets.length === 0) setNotice({ intent: 'info', key: 'reconcile.noSheet' });
        else if (!source) choose(sheets, { kind: 'sheets', names: sheets.map((s) => s.name) });
      },
      (error: unknown) => {
        setDetecting(false);
        setNotice({ intent: 'error', key: 'reconcile.failed', params: { message: describePortError(error, localeRef.current) } });
      },
    );
  }, [port, source, choose]);

  const useSheets = React.useCallback(
    (names: readonly string[]) => {
      const sheets = (detected ?? []).filter((sheet) => names.includes(sheet.name));
      if (sheets.length === 0) return;
      choose(sheets, { kind: 'sheets', names: sheets.map((s) => s.name) });
    },
    [detected, choose],
  );

  const loadFile = React.useCallback(
    (file: File) => {
      if (!port) return;
      setLoadingFile(true);
      setNotice(undefined);
      void (async () => {
        try {
          const bytes = await readFileBytes(file);
          const sheets = await port.parseXuejiFile(file.name, bytes);
          if (sheets.length === 0) setNotice({ intent: 'warning', key: 'reconcile.fileNotXueji', params: { file: file.name } });
          else choose(sheets, { kind: 'file', name: file.name });
        } catch (error) {
          setNotice({ intent: 'error', key: 'reconcile.fileFailed', params: { file: file.name, message: describePortError(error, localeRef.current) } });
        } finally {
          setLoadingFile(false);
        }
      })();
    },
    [port, choose],
  );

  const clearSource = React.useCallback(() => {
    setSource(undefined);
    setSelected(undefined);
    setXueji(undefined);
  }, [setXueji]);

  const degreeSheets = React.useMemo(() => new Set((report?.sheets ?? []).map((s) => s.sheet)), [report]);
  const select = React.useCallback(
    (issue: Issue) => {
      setSelected(issue);
      // A possible 漏报 sits on the 学籍 data: its cell can be selected when that is a sheet of this workbook.
      if (degreeSheets.has(issue.sheet) || source?.kind === 'sheets') sessionActions.select(issue);
    },
    [sessionActions, degreeSheets, source],
  );

  const digest = session.digest?.digest ?? '';
  const adopt = React.useCallback(
    (fixes: readonly XuejiFix[], rule: string) => {
      if (!port || fixes.length === 0) return;
      if (!signer.ready) {
        setNotice({ intent: 'warning', key: 'reconcile.needSigner' });
        return;
      }
      setBusy(true);
      setNotice(undefined);
      void (async () => {
        const written: XuejiFix[] = [];
        let failure: unknown;
        for (const fix of fixes) {
          try {
            await port.applyXuejiValue(fix);
            written.push(fix);
          } catch (error) {
            failure = error;
            break;
          }
        }
        if (written.length > 0) {
          signer.remember();
          const fields = [...new Set(written.map((fix) => fix.issue.field))].join('、');
          const rows = written.map((fix) => fix.issue.row).join('、');
          try {
            await ledger.write((trail) => ({
              events: [
                nextEvent(trail.events, {
                  actor: signer.identity.name.trim(),
                  actorId: signer.identity.staffId.trim(),
                  role: 'collector',
                  action: '采用学籍值',
                  scope: scopeOfFixes(written),
                  datasetDigest: digest,
                  rulesVersion: RULES_VERSION,
                  addinVersion: ADDIN_VERSION,
                  note: `${rule}：${fields} 采用学籍值 ${written.length} 处（第 ${rows} 行；摘要为写入前的数据） / adopted the student-status value at ${written.length} place(s)`,
                }),
              ],
            }));
          } catch (error) {
            failure ??= error;
            setNotice({ intent: 'warning', key: 'reconcile.appliedNotLogged', params: { count: written.length, message: describePortError(error, localeRef.current) } });
            setBusy(false);
            sessionActions.start();
            return;
          }
        }
        if (failure) {
          setNotice({
            intent: written.length > 0 ? 'warning' : 'error',
            key: written.length > 0 ? 'reconcile.appliedPartly' : 'reconcile.applyFailed',
            params: { count: written.length, total: fixes.length, message: describePortError(failure, localeRef.current) },
          });
        } else {
          setNotice({ intent: 'success', key: 'reconcile.applied', params: { count: written.length } });
        }
        setBusy(false);
        if (written.length > 0) sessionActions.start();
      })();
    },
    [port, signer, ledger, digest, sessionActions],
  );

  return {
    detected,
    detecting,
    source,
    sourceRecords: (xueji ?? []).reduce((sum, sheet) => sum + sheet.records.length, 0),
    loadingFile,
    issues,
    summary: report?.reconciliation,
    reconciled,
    selected,
    pair,
    adoption,
    confirmation,
    busy: busy || session.status === 'running',
    notice,
    adoptableByRule,
    detect,
    useSheets,
    loadFile,
    clearSource,
    select,
    apply(issue) {
      const found = issue === selected && adoption ? adoption : records ? adoptionOf(issue, pairView(issue, records, lookup)) : undefined;
      if (found?.kind === 'adoptable') adopt([found.fix], issue.rule);
    },
    askApplyRule(rule) {
      const entry = adoptableByRule.get(rule);
      if (entry) setConfirmation({ rule, fixes: entry.fixes, count: entry.count });
    },
    confirmApply() {
      if (!confirmation) return;
      setConfirmation(undefined);
      adopt(confirmation.fixes, confirmation.rule);
    },
    cancelApply: () => setConfirmation(undefined),
    dismissNotice: () => setNotice(undefined),
  };
}
