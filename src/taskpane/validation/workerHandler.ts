import type { SheetGrid } from '../../core/model/types';
import { loadPinyin, type PinyinPort } from '../../core/rules/pinyinPort';
import { validateGrids } from './engine';
import { installWasmSha256 } from './wasmHash';
import { ISSUES_PER_MESSAGE, RECORDS_PER_MESSAGE, type FromWorker, type ToWorker } from './protocol';

/**
 * The worker's logic, apart from the worker global so tests can drive it: grids arrive in row blocks (one
 * structured clone of 50,000 rows would itself block the pane), issues go back in blocks. The last grids are
 * kept so that a change of generation, category, profile or language validates again without reading the
 * workbook again.
 */
export function createWorkerHandler(
  post: (message: FromWorker) => void,
  load: () => Promise<PinyinPort> = loadPinyin,
): (message: ToWorker) => void {
  let pinyin: Promise<PinyinPort | undefined> | undefined;
  // The dictionary and the WebAssembly SHA-256 load together, before the first run needs them.
  const warmUp = () => (pinyin ??= Promise.all([load().catch(() => undefined), installWasmSha256()]).then(([port]) => port));
  let receiving: SheetGrid[] = [];
  let retained: SheetGrid[] | undefined;

  const append = (message: Extract<ToWorker, { type: 'rows' }>) => {
    const target = receiving[receiving.length - 1];
    const offset = target.values.length;
    for (const row of message.values) target.values.push(row);
    if (message.numberFormats) {
      target.numberFormats ??= [];
      target.numberFormats.length = offset;
      for (const row of message.numberFormats) target.numberFormats.push(row);
    }
    if (message.valueTypes) {
      target.valueTypes ??= [];
      target.valueTypes.length = offset;
      for (const row of message.valueTypes) target.valueTypes.push(row);
    }
  };

  const validate = async (message: Extract<ToWorker, { type: 'validate' }>) => {
    const { run } = message;
    if (!message.retained) {
      retained = receiving;
      receiving = [];
    }
    if (!retained) {
      post({ type: 'failed', run, message: 'no grids', noRetained: true });
      return;
    }
    post({ type: 'progress', run, progress: { phase: 'preparing' } });
    const dictionary = await warmUp();
    post({ type: 'progress', run, progress: { phase: 'validating' } });
    const result = validateGrids(retained, message.options, dictionary);
    if (!result.ok) {
      post({ type: 'done', run, result });
      return;
    }
    const issues = result.report.issues;
    for (let start = 0; start < issues.length; start += ISSUES_PER_MESSAGE) {
      post({ type: 'issues', run, issues: issues.slice(start, start + ISSUES_PER_MESSAGE) });
    }
    const records = result.records;
    for (let start = 0; start < records.length; start += RECORDS_PER_MESSAGE) {
      post({ type: 'records', run, records: records.slice(start, start + RECORDS_PER_MESSAGE) });
    }
    post({ type: 'done', run, result: { ...result, report: { ...result.report, issues: [] }, records: [] } });
  };

  return (message) => {
    const fail = (error: unknown) =>
      post({ type: 'failed', run: 'run' in message ? message.run : -1, message: String((error as Error)?.message ?? error) });
    try {
      switch (message.type) {
        case 'warmUp':
          void warmUp();
          break;
        case 'begin':
          receiving = [];
          break;
        case 'sheet':
          receiving.push({ name: message.name, startRow: message.startRow, startColumn: message.startColumn, values: [] });
          break;
        case 'rows':
          append(message);
          break;
        case 'validate':
          validate(message).catch(fail);
          break;
      }
    } catch (error) {
      fail(error);
    }
  };
}
