import * as React from 'react';
import type { Category, Generation, Issue, Locale, ValidationReport } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
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
}


/**
 * The 校验 step's state machine: read (gateway, in blocks) → validate (runner, off the pane's thread) → results;
 * one AbortController per run; a change of language, profile or overrides validates the last grids again.
 */
export function useValidationSession(input: SessionInput): [SessionState, SessionActions] {
  const { port, runner, locale, profile, overrides, today } = input;
  const [state, setState] = React.useState<SessionState>({ status: 'idle', findings: [] });
  const controller = React.useRef<AbortController | undefined>(undefined);
  const options = React.useMemo(
    () => ({ locale, profile, generation: overrides.generation, category: overrides.category, today }),
    [locale, profile, overrides.generation, overrides.category, today],
  );
  const optionsRef = React.useRef(options);
  optionsRef.current = options;
  const hasResult = React.useRef(false);

  const finish = React.useCallback((result: RunResult, findings: WorkbookFinding[] | undefined) => {
    hasResult.current = result.ok;
    setState((previous) => ({
      ...previous,
      status: result.ok ? 'done' : 'noTemplate',
      progress: undefined,
      report: result.ok ? result.report : undefined,
      quality: result.ok ? result.quality : undefined,
      index: result.ok ? result.index : undefined,
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
        setState((previous) => ({ ...previous, findings: read.findings, rows }));
        if (read.grids.length === 0) {
          finish({ ok: false, reason: 'noTemplate' }, read.findings);
          return;
        }
        const result = await runner.run(read.grids, optionsRef.current, {
          signal,
          onProgress: (p) => !signal.aborted && setState((previous) => ({ ...previous, progress: { phase: p.phase, fraction: p.fraction } })),
        });
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        finish(result, read.findings);
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
    if (!hasResult.current || controller.current) return;
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
        if (result) finish(result, undefined);
        else start();
      } catch (error) {
        if (controller.current === abort) controller.current = undefined;
        fail(error);
      }
    })();
    // Only a change of the options triggers this effect; start/finish/fail are stable.
  }, [options, runner, start, finish, fail]);

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
        const issues = reportRef.current?.issues ?? [];
        act('mark', async () => {
          const outcome = await port.applyMarks(issues, optionsRef.current.locale);
          return [
            { key: 'marks.applied', params: { count: outcome.marked } },
            ...(outcome.notes ? [{ key: 'marks.notes' }] : []),
            ...outcome.skipped.map((skip) => ({ key: 'marks.skipped', params: { sheet: skip.sheet } })),
          ];
        });
      },
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
    [start, cancel, port, act],
  );

  return [state, actions];
}
