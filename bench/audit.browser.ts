/**
 * Browser entry of `npm run bench:audit`: bundled by esbuild and run in Chromium, it digests 50,000 records as the
 * pane's validation worker does — with the WebAssembly SHA-256, and with the pure-JavaScript fallback.
 */
import { digestRows, type DigestableRecord } from '../src/core/audit/digest';
import { useSha256 } from '../src/core/audit/hash';
import { validRecord } from '../src/core/testing/fixtures';
import { loadWasmSha256 } from '../src/taskpane/validation/wasmHash';
import { medianTime } from './sampling';

declare global {
  var benchDigest: (rows: number, runs: number) => Promise<{ wasmMs: number; pureMs: number }>;
}

globalThis.benchDigest = async (rows, runs) => {
  const records: DigestableRecord[] = Array.from({ length: rows }, (_, i) => ({ sheet: '学位授予信息', excelRow: i + 2, values: validRecord(i) }));
  useSha256(undefined);
  const pureMs = medianTime(() => digestRows(records), runs);
  const wasm = await loadWasmSha256();
  if (!wasm) throw new Error('hash-wasm did not load');
  useSha256(wasm);
  const wasmMs = medianTime(() => digestRows(records), runs);
  return { wasmMs, pureMs };
};
