import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 of UTF-8 text as lower-case hex; synchronous, so digesting 50,000 rows needs no await per row. */
export type Sha256Hex = (text: string) => string;

const pureSha256: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));
let active: Sha256Hex = pureSha256;

export function sha256Hex(text: string): string {
  return active(text);
}

/**
 * Installs a faster SHA-256: Node's native one (the CLI, src/node/nodeHash.ts) or WebAssembly (the pane's validation
 * worker, src/taskpane/validation/wasmHash.ts). Every implementation gives the same bytes, so digests made by the CLI
 * and by the add-in stay comparable; the pure-JavaScript one is the default and the fallback.
 */
export function useSha256(implementation: Sha256Hex | undefined): void {
  active = implementation ?? pureSha256;
}

/** The head of an empty chain. */
export const GENESIS_HASH = '0'.repeat(64);
