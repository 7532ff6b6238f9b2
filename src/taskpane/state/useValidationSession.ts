import * as React from 'react';
import type { DatasetDigest, DigestableRecord } from '../../core/audit/digest';
import type { Category, Generation, Issue, Locale, SheetGrid, ValidationReport } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import type { XuejiSheet } from '../../core/xueji/sheet';
import type { RunPhase, RunResult } from '../validation/protocol';
import type { FieldQuality } from '../validation/quality';
import type { IssueIndex } from '../view/issueView';
import type { ValidationRunner } from '../validation/runner';
import { describeError, isCancelled, type WorkbookFinding, type WorkbookPort } from '../workbookPort';

export type RunStatus = 'idle' | 'running' | 'done' | 'noTemplate' | 'cancelled' | 'failed';

export interface RunProgressView {
  phase: 'reading' | RunPhase;
  /** 0..1, or undefined for an indeterminate bar. */
  fraction?: number;
  done?: number;
  total?: number;
}

export interface Overrides {
  generation?: Generation;
  category?: Category;
}

export type WorkbookAction = 'mark' | 'clear' | 'write';

export interface ActionNotice {
  action: WorkbookAction | 'select';
  ok: boolean;
  /** Message key and params, rendered by the view in the current language. */
  lines: { key: string; params?: Record<string, string | number> }[];
}

export interface SessionState {
  status: RunStatus;
  progress?: RunProgressView;
  report?: ValidationReport;
  quality?: FieldQuality[];
  /** The report's issues grouped by rule (built while they arrived). */
  index?: IssueIndex;
  /** Every record's cleaned values and their digest (sign-off, export, changes after reporting). */
  records?: DigestableRecord[];
  digest?: DatasetDigest;
  /** The template sheets as last read (their headers locate the cells a fix writes to). */
  grids?: SheetGrid[];
  /** Counts finished results, so that the other steps know when the data they derived from changed. */
  version: number;
  findings: WorkbookFinding[];
  error?: string;
  /** Rows the last read returned (for the progress label while validating). */
  rows?: number;
  busyAction?: WorkbookAction;
  notice?: ActionNotice;
}

export interface SessionActions {
  start(): void;
  cancel(): void;
  select(issue: Issue): void;
  mark(): void;
  /** Marks only these issues (the 学籍比对 step marks its mismatches). */
  markIssues(issues: readonly Issue[]): void;
  clear(): void;
  write(): void;
  dismissNotice(): void;
}

export interface SessionInput {
  port: WorkbookPort;
  runner: ValidationRunner;
  locale: Locale;
  profile: SchoolProfile;
  overrides: Overrides;
  today?: string;
  /** 学籍 data chosen in the 学籍比对 step; its issues join the report (rules `xueji.*`). */
  xueji?: readonly XuejiSheet[];
}


/**
 * The 校验 step's state machine: read (gateway, in blocks) → validate (runner, off the pane's thread) → results;
 * one AbortController per run; a change of language, profile or overrides validates the last grids again.
 */
export function useValidationSession(input: SessionInput): [SessionState, SessionActions] {
  const { port, runner, locale, profile, overrides, today, xueji } = input;
  const [state, setState] = React.useState<SessionState>({ status: 'idle', findings: [], version: 0 });
  const controller = React.useRef<AbortController | undefined>(undefined);
  const options = React.useMemo(
    () => ({ locale, profile, generation: overrides.generation, category: overrides.category, today, xueji }),
    [locale, profile, overrides.generation, overrides.category, today, xueji],
  );
  const optionsRef = React.useRef(options);
  optionsRef.current = options;
  const hasResult = React.useRef(false);
  /** The options of the last result; a change during a run is picked up when it ends. */
  const validatedWith = React.useRef<typeof options | undefined>(undefined);
  const [recheck, setRecheck] = React.useState(0);

  const finish = React.useCallback((result: RunResult, findings: WorkbookFinding[] | undefined) => {
    hasResult.current = result.ok;
    setState((previous) => ({
      ...previous,
      status: result.ok ? 'done' : 'noTemplate',
      progress: undefined,
      report: result.ok ? result.report : undefined,
      quality: result.ok ? result.quality : undefined,
      index: result.ok ? result.index : undefined,
      records: result.ok ? result.records : undefined,
      digest: result.ok ? result.digest : undefined,
      version: previous.version + 1,
      findings: findings ?? previous.findings,
      error: undefined,
    }));
  }, []);

  const fail = React.useCallback((error: unknown) => {
    setState((previous) => ({
      ...previous,
      status: isCancelled(error) ? 'cancelled' : 'failed',
      progress: undefined,
      error: isCancelled(error) ? undefined : describeError(error, optionsRef.current.locale),
    }));
  }, []);

  const start = React.useCallback(() => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const { signal } = abort;
    setState((previous) => ({ ...previous, status: 'running', progress: { phase: 'reading' }, error: undefined, notice: undefined }));
    void (async () => {
      try {
        const read = await port.readTemplateSheets({
          signal,
          onProgress: (p) => {
            if (signal.aborted) return;
            setState((previous) => ({
              ...previous,
              progress: { phase: 'reading', done: p.rowsRead, total: p.rowsTotal, fraction: p.rowsTotal ? p.rowsRead / p.rowsTotal : undefined },
            }));
          },
        });
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        const rows = read.grids.reduce((sum, grid) => sum + grid.values.length, 0);
        setState((previous) => ({ ...previous, findings: read.findings, rows, grids: read.grids }));
        if (read.grids.length === 0) {
          finish({ ok: false, reason: 'noTemplate' }, read.findings);
          return;
        }
        const used = optionsRef.current;
        const result = await runner.run(read.grids, used, {
          signal,
          onProgress: (p) => !signal.aborted && setState((previous) => ({ ...previous, progress: { phase: p.phase, fraction: p.fraction } })),
        });
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        finish(result, read.findings);
        validatedWith.current = used;
        if (optionsRef.current !== used) setRecheck((n) => n + 1);
      } catch (error) {
        // After cancel() (or a newer run) the state already says what happened.
        if (controller.current === abort) fail(error);
      } finally {
        if (controller.current === abort) controller.current = undefined;
      }
    })();
  }, [port, runner, finish, fail]);

  const cancel = React.useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setState((previous) => ({ ...previous, status: 'cancelled', progress: undefined }));
  }, []);

  // Language, profile or override changed after a result: validate the same grids again (or read again).
  const firstOptions = React.useRef(true);
  React.useEffect(() => {
    if (firstOptions.current) {
      firstOptions.current = false;
      return;
    }
    if (!hasResult.current || controller.current || validatedWith.current === options) return;
    const abort = new AbortController();
    controller.current = abort;
    setState((previous) => ({ ...previous, status: 'running', progress: { phase: 'validating' } }));
    void (async () => {
      try {
        const result = await runner.rerun(options, {
          signal: abort.signal,
          onProgress: (p) => setState((previous) => ({ ...previous, progress: { phase: p.phase, fraction: p.fraction } })),
        });
        if (controller.current === abort) controller.current = undefined;
        if (result) {
          finish(result, undefined);
          validatedWith.current = options;
          if (optionsRef.current !== options) setRecheck((n) => n + 1);
        } else start();
      } catch (error) {
        if (controller.current === abort) controller.current = undefined;
        fail(error);
      }
    })();
    // A change of the options (or one that came during a run: recheck) triggers this effect; start/finish/fail are stable.
  }, [options, recheck, runner, start, finish, fail]);

  React.useEffect(() => () => controller.current?.abort(), []);

  const reportRef = React.useRef(state.report);
  reportRef.current = state.report;

  const act = React.useCallback(
    (action: WorkbookAction, work: () => Promise<ActionNotice['lines']>) => {
      setState((previous) => ({ ...previous, busyAction: action, notice: undefined }));
      work().then(
        (lines) => setState((previous) => ({ ...previous, busyAction: undefined, notice: { action, ok: true, lines } })),
        (error) =>
          setState((previous) => ({
            ...previous,
            busyAction: undefined,
            notice: {
              action,
              ok: false,
              lines: [{ key: 'marks.failed', params: { message: describeError(error, optionsRef.current.locale) } }],
            },
          })),
      );
    },
    [],
  );

  const markIssues = React.useCallback(
    (issues: readonly Issue[]) => {
      act('mark', async () => {
        const outcome = await port.applyMarks(issues, optionsRef.current.locale);
        return [
          { key: 'marks.applied', params: { count: outcome.marked } },
          ...(outcome.notes ? [{ key: 'marks.notes' }] : []),
          ...outcome.skipped.map((skip) => ({ key: 'marks.skipped', params: { sheet: skip.sheet } })),
        ];
      });
    },
    [port, act],
  );

  const actions = React.useMemo<SessionActions>(
    () => ({
      start,
      cancel,
      select(issue) {
        port.selectCell(issue.sheet, issue.row, issue.column).catch((error: unknown) =>
          setState((previous) => ({
            ...previous,
            notice: {
              action: 'select',
              ok: false,
              lines: [{ key: 'select.failed', params: { message: describeError(error, optionsRef.current.locale) } }],
            },
          })),
        );
      },
      mark() {
        markIssues(reportRef.current?.issues ?? []);
      },
      markIssues,
      clear() {
        act('clear', async () => {
          const outcome = await port.clearMarks();
          return [{ key: 'marks.cleared', params: { count: outcome.restored } }];
        });
      },
      write() {
        const issues = reportRef.current?.issues ?? [];
        act('write', async () => {
          const outcome = await port.writeIssuesSheet(issues, optionsRef.current.locale);
          return [{ key: 'marks.written', params: { count: outcome.rows, sheet: outcome.sheet } }];
        });
      },
      dismissNotice() {
        setState((previous) => ({ ...previous, notice: undefined }));
      },
    }),
    [start, cancel, port, act, markIssues],
  );

  return [state, actions];
}
