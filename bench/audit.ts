/**
 * `npm run bench:audit`: the sign-off costs of issue 6 — digest of a 50,000-row sheet (≤ 0.5 s) and verifying a chain
 * of 1,000 events (≤ 0.1 s). Median of 5 runs after a warm-up; the result is appended to docs/performance.md.
 */
import os from 'node:os';
import { browserBundle } from './browserBundle';
import { replacePerformanceSection } from './docSection';
import { medianTime } from './sampling';
import { nextEvent, verifyChain } from '../src/core/audit/chain';
import { digestRows, type DigestableRecord } from '../src/core/audit/digest';
import type { AuditEvent } from '../src/core/audit/events';
import { validRecord } from '../src/core/testing/fixtures';
import { installNodeSha256 } from '../src/node/nodeHash';
import { installWasmSha256 } from '../src/taskpane/validation/wasmHash';
import { launchChromium } from '../test/browser/demo';

const ROWS = 50_000;
const EVENTS = 1_000;


const records: DigestableRecord[] = Array.from({ length: ROWS }, (_, i) => ({ sheet: '学位授予信息', excelRow: i + 2, values: validRecord(i) }));
const events: AuditEvent[] = [];
for (let i = 0; i < EVENTS; i++) {
  events.push(
    nextEvent(events, {
      actor: `签核人${i % 7}`,
      actorId: `T${i % 7}`,
      role: 'checker',
      action: '数据修正',
      scope: '学位授予信息!2:50001',
      datasetDigest: 'd'.repeat(64),
      rulesVersion: 'bench',
      addinVersion: 'bench',
      note: '',
    }),
  );
}

/** The pane's digest in Debian's Chromium (the worker's code, bundled as the add-in bundles it); a reason when it cannot run. */
async function inChromium(): Promise<{ wasmMs: number; pureMs: number } | string> {
  const bundle = await browserBundle('audit.browser.ts');
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
    return await page.evaluate(([rows, runs]: readonly [number, number]) => globalThis.benchDigest(rows, runs), [ROWS, 5] as const);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const pureDigestMs = medianTime(() => digestRows(records));
  if (!(await installWasmSha256())) throw new Error('hash-wasm did not load');
  const wasmDigestMs = medianTime(() => digestRows(records));
  const chromium = await inChromium();
  installNodeSha256();
  const digestMs = medianTime(() => digestRows(records));
  const verifyMs = medianTime(() => {
    if (verifyChain(events).length > 0) throw new Error('the benchmark chain does not verify');
  });
  const load = os.loadavg().map((n) => n.toFixed(2)).join(' / ');
  const verdict = (ms: number, target: number) => (ms <= target ? 'met' : '**missed**');
  const section = [
    '',
    '## Sign-off (issue 6)',
    '',
    `<!-- Written by \`npm run bench:audit\` (bench/audit.ts). -->`,
    `Measured ${new Date().toISOString().slice(0, 10)}, node ${process.version}, load average ${load}; median of 5 runs after a warm-up.`,
    '',
    '| What | Target | Measured | |',
    '| --- | --- | ---: | --- |',
    `| digest of ${ROWS.toLocaleString('en')} rows, CLI (Node's SHA-256 per row over RFC 8785 JSON, then over the list) | ≤ 0.5 s | ${Math.round(digestMs)} ms | ${verdict(digestMs, 500)} |`,
    `| the same in the add-in's validation worker: SHA-256 in WebAssembly (hash-wasm), in Node's V8 | ≤ 0.5 s | ${Math.round(wasmDigestMs)} ms | ${verdict(wasmDigestMs, 500)} |`,
    typeof chromium === 'string'
      ? `| the same in Chromium | ≤ 0.5 s | not measured: ${chromium.replace(/\|/g, '/')} | |`
      : `| the same in Chromium (Debian's, headless) | ≤ 0.5 s | ${Math.round(chromium.wasmMs)} ms | ${verdict(chromium.wasmMs, 500)} |`,
    `| the add-in's fallback where WebAssembly is refused: pure-JavaScript SHA-256 (@noble/hashes), Node / Chromium | (≤ 0.5 s) | ` +
      `${Math.round(pureDigestMs)} ms / ${typeof chromium === 'string' ? '–' : `${Math.round(chromium.pureMs)} ms`} | ${verdict(pureDigestMs, 500)} |`,
    `| verifying a chain of ${EVENTS.toLocaleString('en')} events | ≤ 0.1 s | ${Math.round(verifyMs)} ms | ${verdict(verifyMs, 100)} |`,
    '',
  ].join('\n');
  console.log(section);
  replacePerformanceSection('Sign-off (issue 6)', section);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
