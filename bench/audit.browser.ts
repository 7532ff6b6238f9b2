/**
 * Browser entry of `npm run bench:audit`: bundled by esbuild and run in Chromium, it digests 50,000 records as the
 * pane's validation worker does — with the WebAssembly SHA-256, and with the pure-JavaScript fallback.
 */
import { digestRows, type DigestableRecord } from '../src/core/audit/digest';
import { useSha256 } from '../src/core/audit/hash';
import { validRecord } from '../src/core/testing/fixtures';
import { loadWasmSha256 } from '../src/taskpane/validation/wasmHash';

declare global {
  var benchDigest: (rows: number, runs: number) => Promise<{ wasmMs: number; pureMs: number }>;
}

globalThis.benchDigest = async (rows, runs) => {
  const records: DigestableRecord[] = Array.from({ length: rows }, (_, i) => ({ sheet: '学位授予信息', excelRow: i + 2, values: validRecord(i) }));
  const median = (run: () => void) => {
    run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      run();
      samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  useSha256(undefined);
  const pureMs = median(() => digestRows(records));
  const wasm = await loadWasmSha256();
  if (!wasm) throw new Error('hash-wasm did not load');
  useSha256(wasm);
  const wasmMs = median(() => digestRows(records));
  return { wasmMs, pureMs };
};
