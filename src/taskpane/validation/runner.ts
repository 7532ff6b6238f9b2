import type { DigestableRecord } from '../../core/audit/digest';
import type { Issue, SheetGrid } from '../../core/model/types';
import { loadPinyin, type PinyinPort } from '../../core/rules/pinyinPort';
import { IssueIndex } from '../view/issueView';
import { CancelledError } from '../workbookPort';
import { validateGrids } from './engine';
import { installWasmSha256 } from './wasmHash';
import {
  CELLS_PER_MESSAGE,
  type FromWorker,
  type RunOptions,
  type RunProgress,
  type RunResult,
  type ToWorker,
} from './protocol';

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

/** Runs the engine away from the pane's rendering: in a Web Worker, or inline in slices as a fallback. */
export interface ValidationRunner {
  /** Starts loading the pinyin dictionary (call after the first render). */
  warmUp(): void;
  run(grids: readonly SheetGrid[], options: RunOptions, control?: RunControl): Promise<RunResult>;
  /** Validates the last grids again with other options; undefined when they are gone (after a cancel). */
  rerun(options: RunOptions, control?: RunControl): Promise<RunResult | undefined>;
  dispose(): void;
}

/** Lets the browser paint and handle input between slices of work. */
export function yieldToUI(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Inline runner: used where Web Workers are unavailable (jsdom tests, a failed worker load). It yields before
 * and after the engine so progress and the cancel button stay live, but the engine call itself runs in one piece.
 */
export function createInlineRunner(): ValidationRunner {
  let pinyin: Promise<PinyinPort | undefined> | undefined;
  let retained: readonly SheetGrid[] | undefined;
  const warmUp = () => (pinyin ??= Promise.all([loadPinyin().catch(() => undefined), installWasmSha256()]).then(([port]) => port));
  const execute = async (grids: readonly SheetGrid[], options: RunOptions, control: RunControl) => {
    control.onProgress?.({ phase: 'preparing' });
    const dictionary = await warmUp();
    throwIfAborted(control.signal);
    control.onProgress?.({ phase: 'validating' });
    await yieldToUI();
    throwIfAborted(control.signal);
    const result = validateGrids(grids, options, dictionary);
    await yieldToUI();
    throwIfAborted(control.signal);
    return result.ok ? { ...result, index: new IssueIndex().add(result.report.issues) } : result;
  };
  return {
    warmUp: () => void warmUp(),
    async run(grids, options, control = {}) {
      retained = grids;
      return execute(grids, options, control);
    },
    async rerun(options, control = {}) {
      if (!retained) return undefined;
      return execute(retained, options, control);
    },
    dispose() {
      retained = undefined;
    },
  };
}

class WorkerFailed extends Error {}

/**
 * Worker runner: grids stream to the worker in row blocks with a yield between blocks, the worker validates and
 * streams the issues back. Cancelling terminates the worker at once; the next run starts a fresh one.
 */
export function createWorkerRunner(createWorker: () => Worker, tuning: { rowsPerMessage?: number } = {}): ValidationRunner {
  const rowsPerMessageFor = (grid: SheetGrid) => {
    if (tuning.rowsPerMessage) return tuning.rowsPerMessage;
    // Title rows above the header are short; the widest of the first rows tells the sheet's width.
    const width = grid.values.slice(0, 20).reduce((widest, row) => Math.max(widest, row.length), 1);
    return Math.max(50, Math.floor(CELLS_PER_MESSAGE / width));
  };
  let worker: Worker | undefined;
  let hasRetained = false;
  let nextRun = 1;
  let warm = false;

  const ensure = (): Worker => {
    if (!worker) {
      worker = createWorker();
      hasRetained = false;
      if (warm) worker.postMessage({ type: 'warmUp' } satisfies ToWorker);
    }
    return worker;
  };
  const kill = () => {
    worker?.terminate();
    worker = undefined;
    hasRetained = false;
  };

  const await_ = (run: number, control: RunControl): Promise<RunResult> =>
    new Promise((resolve, reject) => {
      const target = ensure();
      const issues: Issue[] = [];
      const records: DigestableRecord[] = [];
      const index = new IssueIndex();
      const cleanup = () => {
        target.removeEventListener('message', onMessage);
        target.removeEventListener('error', onError);
        control.signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.run !== run) return;
        if (message.type === 'progress') control.onProgress?.(message.progress);
        else if (message.type === 'issues') {
          control.onProgress?.({ phase: 'receiving' });
          for (const issue of message.issues) issues.push(issue);
          index.add(message.issues);
        } else if (message.type === 'records') {
          for (const record of message.records) records.push(record);
        } else if (message.type === 'done') {
          cleanup();
          const result = message.result;
          resolve(result.ok ? { ...result, report: { ...result.report, issues }, index, records } : result);
        } else if (message.type === 'failed') {
          cleanup();
          reject(message.noRetained ? new WorkerFailed('no retained grids') : new Error(message.message));
        }
      };
      const onError = (event: ErrorEvent) => {
        cleanup();
        event.preventDefault?.();
        kill();
        reject(new WorkerFailed(event.message || 'worker failed'));
      };
      const onAbort = () => {
        cleanup();
        kill();
        reject(new CancelledError());
      };
      target.addEventListener('message', onMessage);
      target.addEventListener('error', onError);
      control.signal?.addEventListener('abort', onAbort);
    });

  return {
    warmUp() {
      warm = true;
      ensure().postMessage({ type: 'warmUp' } satisfies ToWorker);
    },
    async run(grids, options, control = {}) {
      throwIfAborted(control.signal);
      const run = nextRun++;
      const target = ensure();
      const result = await_(run, control);
      // Swallow here: the rejection is delivered by `await result` below (or was caused by the abort we raise).
      result.catch(() => undefined);
      const total = grids.reduce((sum, grid) => sum + grid.values.length, 0) || 1;
      let sent = 0;
      target.postMessage({ type: 'begin', run } satisfies ToWorker);
      for (const grid of grids) {
        target.postMessage({
          type: 'sheet',
          run,
          name: grid.name,
          startRow: grid.startRow,
          startColumn: grid.startColumn,
        } satisfies ToWorker);
        const rowsPerMessage = rowsPerMessageFor(grid);
        for (let start = 0; start < grid.values.length || start === 0; start += rowsPerMessage) {
          const end = start + rowsPerMessage;
          target.postMessage({
            type: 'rows',
            run,
            values: grid.values.slice(start, end),
            numberFormats: grid.numberFormats?.slice(start, end),
            valueTypes: grid.valueTypes?.slice(start, end),
          } satisfies ToWorker);
          sent += Math.min(rowsPerMessage, grid.values.length - start);
          control.onProgress?.({ phase: 'sending', fraction: sent / total });
          await yieldToUI();
          if (control.signal?.aborted || worker !== target) return result;
          if (grid.values.length === 0) break;
        }
      }
      target.postMessage({ type: 'validate', run, options } satisfies ToWorker);
      hasRetained = true;
      return result;
    },
    async rerun(options, control = {}) {
      if (!worker || !hasRetained) return undefined;
      const run = nextRun++;
      const result = await_(run, control);
      worker.postMessage({ type: 'validate', run, options, retained: true } satisfies ToWorker);
      try {
        return await result;
      } catch (error) {
        if (error instanceof WorkerFailed) return undefined;
        throw error;
      }
    },
    dispose: kill,
  };
}

/** A worker runner that falls back to the inline runner when the worker cannot start or load. */
export function createValidationRunner(createWorker?: () => Worker): ValidationRunner {
  const inline = createInlineRunner();
  if (!createWorker || typeof Worker === 'undefined') return inline;
  let viaWorker: ValidationRunner | undefined = createWorkerRunner(createWorker);
  const fallBack = <T>(attempt: (runner: ValidationRunner) => Promise<T>) => async (): Promise<T> => {
    if (viaWorker) {
      try {
        return await attempt(viaWorker);
      } catch (error) {
        if (!(error instanceof WorkerFailed)) throw error;
        viaWorker.dispose();
        viaWorker = undefined;
      }
    }
    return attempt(inline);
  };
  return {
    warmUp() {
      try {
        viaWorker?.warmUp();
      } catch {
        viaWorker = undefined;
        inline.warmUp();
      }
    },
    run: (grids, options, control) => fallBack((runner) => runner.run(grids, options, control))(),
    rerun: (options, control) => fallBack((runner) => runner.rerun(options, control))(),
    dispose() {
      viaWorker?.dispose();
      inline.dispose();
    },
  };
}
