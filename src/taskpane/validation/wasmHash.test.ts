import fc from 'fast-check';
import { digestRows } from '../../core/audit/digest';
import { sha256Hex, useSha256 } from '../../core/audit/hash';
import { validRecord } from '../../core/testing/fixtures';
import { installWasmSha256, loadWasmSha256 } from './wasmHash';

describe("the pane's WebAssembly SHA-256", () => {
  afterEach(() => useSha256(undefined));

  it('loads, and gives the published digest of "abc"', async () => {
    const wasm = await loadWasmSha256();
    expect(wasm?.('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes any text as the pure implementation does (UTF-8, supplementary-plane characters included)', async () => {
    const wasm = (await loadWasmSha256())!;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(wasm(text)).toBe(sha256Hex(text));
      }),
    );
    // A lone surrogate becomes U+FFFD in every implementation; a long text outgrows the reused buffer.
    for (const text of ['a\uD800b', '\uDC00', '学'.repeat(5000), 'x'.repeat(20000)]) expect(wasm(text)).toBe(sha256Hex(text));
  });

  it('once installed, gives the sign-off digests the CLI and the pure hash give', async () => {
    const rows = [0, 1, 2].map((i) => ({ sheet: '学位授予信息', excelRow: i + 2, values: validRecord(i) }));
    const pure = digestRows(rows);
    expect(await installWasmSha256()).toBe(true);
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(digestRows(rows)).toEqual(pure);
  });
});
