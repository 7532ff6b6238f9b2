import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 of UTF-8 text, lower-case hex. Synchronous, so digesting 50,000 rows needs no await per row. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The head of an empty chain. */
export const GENESIS_HASH = '0'.repeat(64);
