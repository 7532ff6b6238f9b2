/**
 * `npm run bench:export`: the upload file for 50,000 rows (issue 7: ≤ 10 s in the browser build).
 *
 *  - browser: writeUploadXlsx bundled by esbuild and run in Debian's Chromium through playwright-core — SheetJS's
 *    browser path (no Node Buffer), returning a Uint8Array — plus the SHA-256 the manifest needs;
 *  - node: the same writer in Node (the CLI's path), the G1 .dbf with iconv-lite's GBK and with the TextDecoder
 *    table, and the GBK/length check that runs before a .dbf export;
 * Each figure is the median of --runs runs (default 3); the load average is printed beside them because the
 * machine may be shared. Options: --rows 50000 --runs 3 --no-browser.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { gbkEncoderFromTextDecoder } from '../src/core/export/encoding';
import { sha256OfBytes } from '../src/core/export/manifest';
import { checkUploadValues, writeUploadDbf, writeUploadXlsx, type UploadGroup } from '../src/core/export/uploadFile';
import { validRecord } from '../src/core/testing/fixtures';
import { templateColumns } from '../src/core/template/generations';
import { gbkEncoder } from '../src/node/gbkEncoder';
import { launchChromium } from '../test/browser/demo';
import { browserBundle } from './browserBundle';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const ROWS = Number(option('rows') ?? 50_000);
const RUNS = Number(option('runs') ?? 3);
const BROWSER = !args.includes('--no-browser');
const TARGET_MS = 10_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg()[0].toFixed(1);

function group(generation: 'G1' | 'G2', rows: number): UploadGroup {
  const records = [];
  for (let i = 0; i < rows; i++) records.push({ sheet: '学位授予信息', excelRow: i + 2, values: validRecord(i, generation) });
  return { generation, category: '普通', columns: templateColumns(generation, '普通'), sheets: ['学位授予信息'], records };
}

/** Wall time and the process's CPU time (user + system) of one run. */
function time<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  global.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

async function browser(): Promise<number[] | string> {
  // What a browser build of the writer contains (SheetJS's ESM build).
  const bundle = await browserBundle('export.browser.ts');
  let chromium;
  try {
    chromium = await launchChromium();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh page per run: no heap left over from the previous one.
      const page = await chromium.newPage();
      await page.addScriptTag({ content: bundle });
      await page.evaluate((rows) => globalThis.benchPrepare(rows), ROWS);
      // CPU time of the page's main thread and of the whole renderer (GC helpers included): what the machine's load
      // does not inflate, unlike the wall time.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const metric = async (name: string) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
      const [thread0, process0] = [await metric('ThreadTime'), await metric('ProcessTime')];
      const result = await page.evaluate(() => globalThis.benchWrite());
      const [thread1, process1] = [await metric('ThreadTime'), await metric('ProcessTime')];
      await page.close();
      times.push(result.writeMs);
      console.log(
        `  browser run ${run + 1}: write ${seconds(result.writeMs)} wall, ${seconds((thread1 - thread0) * 1000)} main-thread CPU, ` +
          `${seconds((process1 - process0) * 1000)} renderer CPU (incl. SHA-256 ${seconds(result.hashMs)}); ` +
          `${(result.bytes / 1e6).toFixed(1)} MB ${result.kind}; load ${load()}`,
      );
    }
  } finally {
    await chromium.close();
  }
  return times;
}

async function main() {
  console.log(`Upload file, ${ROWS} rows, median of ${RUNS} (${os.cpus().length} CPUs, load ${load()})`);
  const g2 = group('G2', ROWS);
  const g1 = group('G1', ROWS);

  const nodeXlsx: number[] = [];
  const nodeXlsxCpu: number[] = [];
  let size = 0;
  let hash = 0;
  for (let run = 0; run < RUNS; run++) {
    const { ms, cpuMs, value } = time(() => writeUploadXlsx(g2, 'label'));
    nodeXlsx.push(ms);
    nodeXlsxCpu.push(cpuMs);
    size = value.length;
    hash = time(() => sha256OfBytes(value)).ms;
  }
  const iconv = gbkEncoder();
  const table = gbkEncoderFromTextDecoder();
  const check = median(Array.from({ length: RUNS }, () => time(() => checkUploadValues(g1, { format: 'dbf', encoder: iconv })).ms));
  const dbfIconv = median(Array.from({ length: RUNS }, () => time(() => writeUploadDbf(g1, iconv, '20260705')).ms));
  const dbfTable = median(Array.from({ length: RUNS }, () => time(() => writeUploadDbf(g1, table, '20260705')).ms));
  const dbfSize = writeUploadDbf(g1, table, '20260705').length;

  console.log(
    `node  .xlsx (G2, 41 columns, label header): ${seconds(median(nodeXlsx))} wall, ${seconds(median(nodeXlsxCpu))} CPU; ${(size / 1e6).toFixed(1)} MB, SHA-256 ${seconds(hash)}`,
  );
  console.log(`node  GBK + length check before .dbf (G1):  ${seconds(check)}`);
  console.log(`node  .dbf (G1, 34 fields) iconv-lite GBK:   ${seconds(dbfIconv)}  ${(dbfSize / 1e6).toFixed(1)} MB`);
  console.log(`node  .dbf with the TextDecoder GBK table:   ${seconds(dbfTable)}`);

  if (!BROWSER) return;
  const result = await browser();
  if (typeof result === 'string') {
    console.log(`browser: not measured — ${result}`);
    return;
  }
  const figure = median(result);
  console.log(`browser .xlsx write: ${seconds(figure)} (target ≤ ${seconds(TARGET_MS)}): ${figure <= TARGET_MS ? 'PASS' : 'OVER TARGET'}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
