import { canonicalize } from './canonical';
import { sha256Hex } from './hash';

export interface DatasetDigest {
  /** SHA-256 over the row digests in order: changes, insertions, deletions and moves all change it. */
  digest: string;
  rows: RowDigest[];
}

export interface RowDigest {
  sheet: string;
  /** Excel row of the record when it was digested. */
  row: number;
  /** Identifies the record across edits (证件号码 digest, never the number itself), so moved rows are recognised. */
  key: string;
  hash: string;
}

/**
 * Digests the signed data: one SHA-256 per record over its canonical field values, one over the list.
 * Only hashes are kept, so the companion sheet holds no personal data.
 */
export interface DigestableRecord {
  sheet: string;
  excelRow: number;
  values: Readonly<Record<string, string>>;
}

/** What JSON.stringify would escape in a string; anything else it writes between quotes as it is. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Canonical JSON (RFC 8785) of a flat record of strings — the same text as canonicalize() — with the sorted key
 * order computed once per key set rather than for each of 50,000 rows, and the text joined from its pieces in one
 * go (appending to a string would leave some 80 intermediate strings per row to the garbage collector).
 */
function flatCanonicalizer(): (values: Readonly<Record<string, string>>) => string {
  let lastKeys: string[] | undefined;
  let sorted: string[] = [];
  /** `{"KEY":"` for the first key, `,"KEY":"` for the others. */
  let openings: string[] = [];
  const pieces: string[] = [];
  return (values) => {
    const keys = Object.keys(values);
    if (!lastKeys || keys.length !== lastKeys.length || !keys.every((key, i) => key === lastKeys![i])) {
      lastKeys = keys;
      sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      openings = sorted.map((key, i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:"`);
    }
    if (sorted.length === 0) return '{}';
    let count = 0;
    for (let i = 0; i < sorted.length; i++) {
      const value = values[sorted[i]];
      // A key without a value is left out of canonical JSON: the general canonicalizer handles that rare record.
      if (value === undefined) return canonicalize(values);
      pieces[count++] = openings[i];
      pieces[count++] = NEEDS_ESCAPE.test(value) ? JSON.stringify(value).slice(1, -1) : value;
      pieces[count++] = '"';
    }
    pieces[count++] = '}';
    pieces.length = count;
    return pieces.join('');
  };
}

/**
 * 64-bit FNV-1a of the key, as 16 hex digits: it only has to tell records apart. A cryptographic hash would add
 * nothing here — an ID number's value space is small enough to enumerate under any hash — and would double the cost.
 */
function recordKey(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low = (low ^ text.charCodeAt(i)) >>> 0;
    // Multiply the 64-bit (high, low) by the FNV prime 0x100000001b3 in 32-bit halves.
    const lowProduct = low * 0x1b3;
    const carry = Math.floor(lowProduct / 0x100000000);
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = lowProduct >>> 0;
  }
  return hex32(high) + hex32(low);
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** 8 hex digits of an unsigned 32-bit number (Number#toString(16) takes a slow path above 2³¹). */
function hex32(value: number): string {
  return HEX_BYTES[value >>> 24] + HEX_BYTES[(value >>> 16) & 255] + HEX_BYTES[(value >>> 8) & 255] + HEX_BYTES[value & 255];
}

export function digestRows(rows: readonly DigestableRecord[], keyField = 'ZJHM'): DatasetDigest {
  const canonical = flatCanonicalizer();
  const digests = rows.map((row) => {
    const text = canonical(row.values);
    const hash = sha256Hex(text);
    return {
      sheet: row.sheet,
      row: row.excelRow,
      // The record's key is stored as a hash (never the 证件号码 itself), so moved rows are recognised without it.
      key: recordKey((row.values[keyField] ?? '').toUpperCase()),
      hash,
    };
  });
  return { digest: digestOfRows(digests), rows: digests };
}

/** The dataset digest of a list of row digests; recomputed by verification from the stored row digests. */
export function digestOfRows(rows: readonly RowDigest[]): string {
  return sha256Hex(rows.map((d) => d.hash).join('\n'));
}

/** Current Excel rows whose record changed or appeared since `signed`; deleted records are counted apart. */
export function changedRows(signed: readonly RowDigest[], current: readonly RowDigest[]): { changed: number[]; deleted: number } {
  const before = new Map(signed.map((d) => [d.key, d]));
  const changed: number[] = [];
  const seen = new Set<string>();
  for (const now of current) {
    seen.add(now.key);
    const then = before.get(now.key);
    if (!then || then.hash !== now.hash) changed.push(now.row);
  }
  const deleted = signed.filter((d) => !seen.has(d.key)).length;
  return { changed, deleted };
}
