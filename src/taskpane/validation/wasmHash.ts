import { useSha256, type Sha256Hex } from '../../core/audit/hash';

let loading: Promise<Sha256Hex | undefined> | undefined;

/** hash-wasm's SHA-256 (WebAssembly), loaded once; undefined where WebAssembly is missing or refused. */
export function loadWasmSha256(): Promise<Sha256Hex | undefined> {
  loading ??= import('hash-wasm')
    .then(({ createSHA256 }) => createSHA256())
    .then((hasher): Sha256Hex => {
      // Text is encoded into one reused buffer: TextEncoder#encode allocates an array per call, which costs the
      // browser as much as the hashing itself on 50,000 rows.
      const encoder = new TextEncoder();
      let buffer = new Uint8Array(4096);
      return (text) => {
        // UTF-8 needs at most three bytes per UTF-16 unit.
        if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
        const { written } = encoder.encodeInto(text, buffer);
        hasher.init();
        hasher.update(buffer.subarray(0, written));
        return hasher.digest('hex');
      };
    })
    .catch(() => undefined);
  return loading;
}

/**
 * Makes the WebAssembly SHA-256 the engine's hash; resolves to whether it could. The pane digests every record
 * after each validation, and the pure-JavaScript SHA-256 takes seconds for 50,000 rows in the browser; WebAssembly
 * does it several times faster with the same bytes. Where WebAssembly is missing or refused (an old web view, a
 * stricter policy), the pure implementation stays: slower, never wrong.
 */
export async function installWasmSha256(): Promise<boolean> {
  const sha256 = await loadWasmSha256();
  if (sha256) useSha256(sha256);
  return sha256 !== undefined;
}
