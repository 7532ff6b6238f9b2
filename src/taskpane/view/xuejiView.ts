/**
 * The 学籍比对 step's pure logic: which issues are reconciliation issues, the degree record and its 学籍 record side
 * by side, and what one click of 采用学籍值 may write — never a key field (第十五条: 姓名, 性别, 证件号码 and, for the
 * comparison, 出生日期), whose corrections go through the documents, not a click.
 */
import type { DigestableRecord } from '../../core/audit/digest';
import type { Issue } from '../../core/model/types';
import { XUEJI_ADOPTABLE_RULES, XUEJI_KEY_FIELDS, XUEJI_KEY_RULES } from '../../core/xueji/fields';
import type { XuejiRecord, XuejiSheet } from '../../core/xueji/sheet';
import type { XuejiFix } from '../ports';

export const isXuejiIssue = (issue: Issue): boolean => issue.rule.startsWith('xueji.');

/** A compared field: the degree column(s) and the 学籍 column(s) it is compared with. */
interface Comparison {
  field: string;
  degree: readonly string[];
  xueji: readonly string[];
}

export const COMPARISONS: readonly Comparison[] = [
  { field: 'XM', degree: ['XM'], xueji: ['XM'] },
  { field: 'ZJHM', degree: ['ZJHM'], xueji: ['SFZH'] },
  { field: 'CSRQ', degree: ['CSRQ'], xueji: ['CSRQ'] },
  { field: 'XB', degree: ['XBM', 'XB'], xueji: ['XB'] },
  { field: 'MZ', degree: ['MZM', 'MZ'], xueji: ['MZ'] },
  { field: 'ZZMM', degree: ['ZZMMM', 'ZZMM'], xueji: ['ZZMM'] },
  { field: 'XXXS', degree: ['XXXSM', 'XXXS'], xueji: ['XXXS'] },
  { field: 'ZYDM', degree: ['ZYDM'], xueji: ['ZYDM'] },
  { field: 'ZYMC', degree: ['ZYMC'], xueji: ['ZYMC'] },
  { field: 'XZ', degree: ['XZ'], xueji: ['XZ'] },
  { field: 'RXNY', degree: ['RXNY'], xueji: ['RXRQ'] },
  { field: 'BYNY', degree: ['BYNY'], xueji: ['BYRQ', 'YJBYRQ'] },
  { field: 'KSH', degree: ['KSH'], xueji: ['KSH'] },
  { field: 'XH', degree: ['XH'], xueji: ['XH'] },
];

/** The comparison a degree column belongs to (XBM and XB both belong to 性别). */
export function comparisonOf(field: string): Comparison | undefined {
  return COMPARISONS.find((c) => c.degree.includes(field));
}

/**
 * Finds a degree record's 学籍 record the way reconciliation joins them: 证件号码 (X in any case), then 学号, then
 * 考生号 — the first that matches.
 */
export class XuejiLookup {
  private readonly byId = new Map<string, XuejiRecord>();
  private readonly byXh = new Map<string, XuejiRecord>();
  private readonly byKsh = new Map<string, XuejiRecord>();

  constructor(sheets: readonly XuejiSheet[]) {
    const put = (map: Map<string, XuejiRecord>, key: string | undefined, record: XuejiRecord) => {
      if (key && !map.has(key)) map.set(key, record);
    };
    for (const sheet of sheets) {
      for (const record of sheet.records) {
        put(this.byId, record.values.SFZH?.toUpperCase(), record);
        put(this.byXh, record.values.XH, record);
        put(this.byKsh, record.values.KSH, record);
      }
    }
  }

  find(values: Readonly<Record<string, string>>): XuejiRecord | undefined {
    return (
      (values.ZJHM ? this.byId.get(values.ZJHM.toUpperCase()) : undefined) ??
      (values.XH ? this.byXh.get(values.XH) : undefined) ??
      (values.KSH ? this.byKsh.get(values.KSH) : undefined)
    );
  }
}

export interface PairRow {
  field: string;
  /** The degree value as the sheet has it (code and name of a pair together, e.g. “1 男”). */
  degree: string;
  xueji: string;
  /** The field of the selected issue. */
  current: boolean;
  /** The values disagree after the comparison's normalisation (a rough display hint; the rules decide). */
  differs: boolean;
}

export interface PairView {
  record?: DigestableRecord;
  xuejiRecord?: XuejiRecord;
  rows: PairRow[];
}

const digits = (text: string) => text.replace(/\D/g, '');

function looselyDiffers(field: string, degree: string, xueji: string): boolean {
  if (!degree || !xueji) return false;
  if (field === 'RXNY' || field === 'BYNY') return digits(xueji).slice(0, 6) !== degree;
  if (field === 'CSRQ') return digits(xueji) !== degree;
  if (field === 'XZ') return Number(degree) !== Number(xueji);
  if (field === 'ZJHM') return degree.toUpperCase() !== xueji.toUpperCase();
  if (field === 'ZYDM') return degree.slice(0, 6) !== xueji.slice(0, 6);
  if (field === 'XB' || field === 'MZ' || field === 'ZZMM' || field === 'XXXS') return !degree.split(' ').includes(xueji);
  return degree !== xueji;
}

/** The degree record of an issue and its 学籍 record, field by field. */
export function pairView(issue: Issue, records: readonly DigestableRecord[], lookup: XuejiLookup | undefined): PairView {
  const record = records.find((r) => r.sheet === issue.sheet && r.excelRow === issue.row);
  const xuejiRecord = record && lookup ? lookup.find(record.values) : undefined;
  const current = issue.field ? comparisonOf(issue.field)?.field : undefined;
  const rows = COMPARISONS.map((comparison) => {
    const degree = comparison.degree.map((code) => record?.values[code] ?? '').filter(Boolean).join(' ');
    const xueji = comparison.xueji.map((code) => xuejiRecord?.values[code] ?? '').find(Boolean) ?? '';
    return { field: comparison.field, degree, xueji, current: comparison.field === current, differs: looselyDiffers(comparison.field, degree, xueji) };
  }).filter((row) => row.degree !== '' || row.xueji !== '' || row.current);
  return { record, xuejiRecord, rows };
}

export type Adoption =
  | { kind: 'adoptable'; fix: XuejiFix; value: string }
  | { kind: 'key' }
  | { kind: 'none' };

/**
 * What 采用学籍值 would write for an issue: the rule's suggestion (a code for a code column, a name for a name
 * column), else the 学籍 value itself. Key fields are refused; rules without a value to adopt (not found, status,
 * award before graduation …) have none.
 */
export function adoptionOf(issue: Issue, pair: PairView | undefined): Adoption {
  if (XUEJI_KEY_RULES.has(issue.rule) || (issue.field !== null && XUEJI_KEY_FIELDS.has(issue.field))) return { kind: 'key' };
  if (!XUEJI_ADOPTABLE_RULES.has(issue.rule) || issue.row === null || issue.field === null || issue.column === null) return { kind: 'none' };
  let value = issue.suggestion;
  if (value === undefined) {
    const comparison = comparisonOf(issue.field);
    const xueji = comparison && pair?.xuejiRecord ? (comparison.xueji.map((code) => pair.xuejiRecord!.values[code] ?? '').find(Boolean) ?? '') : '';
    value = xueji || undefined;
  }
  if (value === undefined || value === '') return { kind: 'none' };
  return { kind: 'adoptable', fix: { issue, value }, value };
}

/** Excel rows of fixes, for the audit scope: `Sheet!12,57`. */
export function scopeOfFixes(fixes: readonly XuejiFix[]): string {
  const bySheet = new Map<string, Set<number>>();
  for (const { issue } of fixes) {
    const rows = bySheet.get(issue.sheet) ?? new Set<number>();
    if (issue.row !== null) rows.add(issue.row);
    bySheet.set(issue.sheet, rows);
  }
  return [...bySheet].map(([sheet, rows]) => `${sheet}!${[...rows].sort((a, b) => a - b).join(',')}`).join('；');
}
