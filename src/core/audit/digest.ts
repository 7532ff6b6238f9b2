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

export function digestRows(rows: readonly DigestableRecord[], keyField = 'ZJHM'): DatasetDigest {
  const digests = rows.map((row) => ({
    sheet: row.sheet,
    row: row.excelRow,
    key: sha256Hex(`key:${(row.values[keyField] ?? '').toUpperCase()}`).slice(0, 16),
    hash: sha256Hex(canonicalize(row.values as Record<string, string>)),
  }));
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
