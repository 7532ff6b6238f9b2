/**
 * Current records against the reported baseline, field by field: changed records (field, old, new), records added
 * since, records removed. Records are matched by 证件号码; a record whose 证件号码 itself was corrected is still
 * found through its 学位证书编号, 学号 or 考生号.
 */
import type { DigestableRecord } from '../audit/digest';
import type { BaselineRow, FieldChange } from './sheetFormat';

/**
 * The key information of 第十五条 — 姓名, 性别, 身份证件号码, 学位类别 (code and name columns): changing it needs the
 * approval of the 国务院学位委员会办公室; other fields follow the provincial office's review.
 */
export const KEY_FIELDS: ReadonlySet<string> = new Set(['XM', 'XBM', 'XB', 'ZJHM', 'XWLBM', 'XWLB']);

/** Keys tried, in order, for records whose 证件号码 no longer matches: the certificate number identifies a degree. */
export const FALLBACK_KEYS = ['XWZSBH', 'XH', 'KSH'] as const;

export type MatchKey = 'ZJHM' | (typeof FALLBACK_KEYS)[number];

export interface ChangedRecord {
  /** Where the record is now. */
  sheet: string;
  row: number;
  /** Where it was in the baseline: `sheet!row`, the identity change requests refer to. */
  baselineRef: string;
  baseline: BaselineRow;
  current: DigestableRecord;
  matchedBy: MatchKey;
  fields: FieldChange[];
  /** A key field changed: needs 国务院学位办 approval and its document number (第十五条). */
  needsStateApproval: boolean;
}

export interface RecordDiff {
  changed: ChangedRecord[];
  /** Records not in the baseline (not reported yet). */
  added: DigestableRecord[];
  /** Baseline records no longer in the data. */
  removed: BaselineRow[];
  /** Matched records whose values are all equal. */
  unchanged: number;
  /** Matched pairs, changed or not: baseline ref → current record. */
  matches: Map<string, { baseline: BaselineRow; current: DigestableRecord; matchedBy: MatchKey }>;
}

export const refOf = (row: { sheet: string; row: number }): string => `${row.sheet}!${row.row}`;

const keyValue = (values: Readonly<Record<string, string>>, code: string) => (values[code] ?? '').trim().toUpperCase();

/** The fields that differ, in the order of the baseline's columns then any new ones. */
export function diffValues(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): FieldChange[] {
  const codes = [...Object.keys(before), ...Object.keys(after).filter((code) => !(code in before))];
  const changes: FieldChange[] = [];
  for (const code of codes) {
    const old = before[code] ?? '';
    const now = after[code] ?? '';
    if (old !== now) changes.push({ field: code, old, new: now, key: KEY_FIELDS.has(code) });
  }
  return changes;
}

/** How alike two records are beyond 证件号码, to pair up a person's several degrees (第二学位, 辅修). */
function affinity(b: BaselineRow, c: DigestableRecord): number {
  let score = 0;
  for (const code of FALLBACK_KEYS) {
    const value = keyValue(b.values, code);
    if (value && value === keyValue(c.values, code)) score += 10;
  }
  if (b.sheet === c.sheet) score += 2;
  if (b.row === c.excelRow) score += 1;
  return score;
}

export function diffRecords(baseline: readonly BaselineRow[], current: readonly DigestableRecord[]): RecordDiff {
  const pairs: { baseline: BaselineRow; current: DigestableRecord; matchedBy: MatchKey }[] = [];
  const leftBaseline = new Set(baseline);
  const leftCurrent = new Set(current);

  // Pass 1: 证件号码. Several records of one person are paired by their other keys.
  const byId = new Map<string, { b: BaselineRow[]; c: DigestableRecord[] }>();
  for (const b of baseline) {
    const id = keyValue(b.values, 'ZJHM');
    if (!id) continue;
    const group = byId.get(id) ?? { b: [], c: [] };
    group.b.push(b);
    byId.set(id, group);
  }
  for (const c of current) {
    const group = byId.get(keyValue(c.values, 'ZJHM'));
    if (group) group.c.push(c);
  }
  for (const { b: bs, c: cs } of byId.values()) {
    if (cs.length === 0) continue;
    const candidates: { b: BaselineRow; c: DigestableRecord; score: number }[] = [];
    for (const b of bs) for (const c of cs) candidates.push({ b, c, score: affinity(b, c) });
    candidates.sort((x, y) => y.score - x.score);
    for (const { b, c } of candidates) {
      if (!leftBaseline.has(b) || !leftCurrent.has(c)) continue;
      pairs.push({ baseline: b, current: c, matchedBy: 'ZJHM' });
      leftBaseline.delete(b);
      leftCurrent.delete(c);
    }
  }

  // Pass 2: records left over (证件号码 corrected, or typed over) by one fallback key at a time, only when unambiguous.
  for (const code of FALLBACK_KEYS) {
    const count = <T>(items: Iterable<T>, value: (item: T) => string) => {
      const map = new Map<string, T[]>();
      for (const item of items) {
        const v = value(item);
        if (!v) continue;
        const list = map.get(v);
        if (list) list.push(item);
        else map.set(v, [item]);
      }
      return map;
    };
    const bMap = count(leftBaseline, (b) => keyValue(b.values, code));
    const cMap = count(leftCurrent, (c) => keyValue(c.values, code));
    for (const [value, bs] of bMap) {
      const cs = cMap.get(value);
      if (bs.length !== 1 || !cs || cs.length !== 1) continue;
      pairs.push({ baseline: bs[0], current: cs[0], matchedBy: code });
      leftBaseline.delete(bs[0]);
      leftCurrent.delete(cs[0]);
    }
  }

  const changed: ChangedRecord[] = [];
  const matches = new Map<string, { baseline: BaselineRow; current: DigestableRecord; matchedBy: MatchKey }>();
  let unchanged = 0;
  for (const pair of pairs) {
    matches.set(refOf(pair.baseline), pair);
    const fields = diffValues(pair.baseline.values, pair.current.values);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    changed.push({
      sheet: pair.current.sheet,
      row: pair.current.excelRow,
      baselineRef: refOf(pair.baseline),
      baseline: pair.baseline,
      current: pair.current,
      matchedBy: pair.matchedBy,
      fields,
      needsStateApproval: fields.some((f) => f.key),
    });
  }
  const order = new Map(current.map((c, i) => [c, i]));
  changed.sort((a, b) => order.get(a.current)! - order.get(b.current)!);
  return {
    changed,
    added: current.filter((c) => leftCurrent.has(c)),
    removed: baseline.filter((b) => leftBaseline.has(b)),
    unchanged,
    matches,
  };
}

/** 证件号码 shown for identification without disclosing it: first 6 and last 4 characters (GB/T 35273 practice). */
export function maskId(id: string): string {
  const chars = [...id];
  if (chars.length <= 10) return chars.map((ch, i) => (i < 2 ? ch : '*')).join('');
  return chars.map((ch, i) => (i < 6 || i >= chars.length - 4 ? ch : '*')).join('');
}
