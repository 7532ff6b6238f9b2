import type { CodeLookup, CodeTableId } from '../codes/codeTable';
import { majorStem } from '../codes/majors';
import type { ReconciliationSummary } from '../model/types';
import type { CheckedRow, MessageParams, SheetRows } from '../rules/rule';
import { STATES_WITHOUT_DEGREE } from './fields';
import type { XuejiRecord, XuejiSheet } from './sheet';

export type ReconcileReport = (
  sheetIndex: number,
  row: CheckedRow,
  rule: string,
  field: string | null,
  params: MessageParams,
  suggestion?: string,
) => void;

/** Reports a 学籍 record that has no degree row (possible 漏报); located on the 学籍 sheet. */
export type ReportMissingDegree = (record: XuejiRecord, params: MessageParams) => void;

const digitsOnly = (text: string) => text.replace(/\D/g, '');
const upper = (text: string) => text.toUpperCase();

interface Index {
  byId: Map<string, XuejiRecord>;
  byStudentNumber: Map<string, XuejiRecord>;
  byExamNumber: Map<string, XuejiRecord>;
}

function buildIndex(sheets: readonly XuejiSheet[]): Index {
  const index: Index = { byId: new Map(), byStudentNumber: new Map(), byExamNumber: new Map() };
  const put = (map: Map<string, XuejiRecord>, key: string, record: XuejiRecord) => {
    if (key && !map.has(key)) map.set(key, record);
  };
  for (const sheet of sheets) {
    for (const record of sheet.records) {
      put(index.byId, upper(record.values.SFZH ?? ''), record);
      put(index.byStudentNumber, record.values.XH ?? '', record);
      put(index.byExamNumber, record.values.KSH ?? '', record);
    }
  }
  return index;
}

/** Resolves a code-or-name text of a 学籍 cell to the code of a table. */
function codeOf(lookup: CodeLookup, text: string): string | undefined {
  if (!text) return undefined;
  return lookup.byCode(text)?.code ?? lookup.byName(text)?.entry.code;
}

/** The degree row's code for a code/name pair (XBM/XB): the code column if filled, else the name resolved. */
function degreeCode(row: CheckedRow, lookup: CodeLookup, codeField: string, nameField: string): string | undefined {
  return row.values[codeField] || codeOf(lookup, row.values[nameField] ?? '');
}

/** Which degree column to mark for a pair: the code column when it is filled. */
function pairField(row: CheckedRow, codeField: string, nameField: string): string {
  return row.values[codeField] ? codeField : nameField;
}

/** One degree row and the 学籍 record it joined, while they are compared. */
interface Comparison {
  report: ReconcileReport;
  sheetIndex: number;
  row: CheckedRow;
  record: XuejiRecord;
  codes: Record<CodeTableId, CodeLookup>;
}

function differs(c: Comparison, rule: string, field: string, xuejiValue: string | undefined, suggestion?: string): void {
  c.report(c.sheetIndex, c.row, rule, field, { xuejiSheet: c.record.sheet, xuejiRow: c.record.excelRow, xuejiValue }, suggestion);
}

/** Compares a code/name pair (民族码/民族 …) with the 学籍 text, as codes. */
function comparePair(c: Comparison, rule: string, table: CodeTableId, codeField: string, nameField: string, text: string | undefined): void {
  const lookup = c.codes[table];
  const xuejiCode = codeOf(lookup, text ?? '');
  const ours = degreeCode(c.row, lookup, codeField, nameField);
  if (!xuejiCode || !ours || xuejiCode === ours) return;
  const field = pairField(c.row, codeField, nameField);
  const suggestion = field === codeField ? xuejiCode : lookup.byCode(xuejiCode)?.name;
  differs(c, rule, field, text ?? '', suggestion);
}

function compare(c: Comparison, hasGraduation: boolean, batchMonths: Set<string>): void {
  const v = c.row.values;
  const x = c.record.values;
  if (x.XM && v.XM && x.XM !== v.XM) differs(c, 'xueji.name', 'XM', x.XM);
  if (x.SFZH && v.ZJHM && upper(x.SFZH) !== upper(v.ZJHM)) differs(c, 'xueji.idNumber', 'ZJHM', x.SFZH);
  const xuejiBirth = digitsOnly(x.CSRQ ?? '');
  if (xuejiBirth && v.CSRQ && xuejiBirth !== v.CSRQ) differs(c, 'xueji.birthDate', 'CSRQ', xuejiBirth);
  const sex = codeOf(c.codes.sex, x.XB ?? '');
  const degreeSex = degreeCode(c.row, c.codes.sex, 'XBM', 'XB');
  if (sex && degreeSex && sex !== degreeSex) differs(c, 'xueji.sex', pairField(c.row, 'XBM', 'XB'), x.XB);

  comparePair(c, 'xueji.ethnicity', 'ethnicity', 'MZM', 'MZ', x.MZ);
  comparePair(c, 'xueji.political', 'politicalStatus', 'ZZMMM', 'ZZMM', x.ZZMM);
  comparePair(c, 'xueji.studyForm', 'studyForm', 'XXXSM', 'XXXS', x.XXXS);

  if (x.ZYDM && v.ZYDM && majorStem(x.ZYDM) !== majorStem(v.ZYDM)) differs(c, 'xueji.majorCode', 'ZYDM', x.ZYDM);
  if (x.ZYMC && v.ZYMC && x.ZYMC !== v.ZYMC) differs(c, 'xueji.majorName', 'ZYMC', x.ZYMC, x.ZYMC);
  if (x.XZ && v.XZ && Number(x.XZ) !== Number(v.XZ)) differs(c, 'xueji.length', 'XZ', x.XZ, String(Number(x.XZ)));
  if (x.KSH && v.KSH && x.KSH !== v.KSH) differs(c, 'xueji.examNumber', 'KSH', x.KSH);
  if (x.XH && v.XH && x.XH !== v.XH) differs(c, 'xueji.studentNumber', 'XH', x.XH);
  const enrolled = digitsOnly(x.RXRQ ?? '').slice(0, 6);
  if (enrolled.length === 6 && v.RXNY && enrolled !== v.RXNY) differs(c, 'xueji.enrolment', 'RXNY', x.RXRQ, enrolled);
  const graduationDay = digitsOnly(x.BYRQ ?? '') || digitsOnly(x.YJBYRQ ?? '');
  const graduated = graduationDay.slice(0, 6);
  if (graduated.length === 6) batchMonths.add(graduated);
  if (graduated.length === 6 && v.BYNY && graduated !== v.BYNY) {
    differs(c, 'xueji.graduation', 'BYNY', x.BYRQ || x.YJBYRQ, graduated);
  }
  if (x.BYRQ && digitsOnly(x.BYRQ).length === 8 && v.HXWRQ && v.HXWRQ < digitsOnly(x.BYRQ)) {
    differs(c, 'xueji.awardBeforeGraduation', 'HXWRQ', digitsOnly(x.BYRQ));
  }
  if (x.ZCZT && STATES_WITHOUT_DEGREE.has(x.ZCZT)) differs(c, 'xueji.status', 'XM', x.ZCZT);
  if (hasGraduation && x.BJYJL && x.BJYJL !== '毕业') differs(c, 'xueji.conclusion', 'XM', x.BJYJL);
}

/**
 * Compares every degree row with its 学籍 record: join by 证件号码 (X in any case), then 学号, then 考生号;
 * key fields (姓名, 证件号码, 出生日期, 性别) that differ are errors, the rest as the catalogue says.
 * Runs once per row of sheets of tens of thousands: plain functions, no closures or arrays per row.
 */
export function reconcile(
  degreeSheets: readonly SheetRows[],
  xueji: readonly XuejiSheet[],
  report: ReconcileReport,
  reportMissing: ReportMissingDegree,
): ReconciliationSummary {
  const index = buildIndex(xueji);
  const hasGraduation = xueji.some((sheet) => sheet.kind === '学历');
  const matched = new Set<XuejiRecord>();
  /** Records some degree row pointed at, even ambiguously: not candidates for 漏报. */
  const seen = new Set<XuejiRecord>();
  const batchMonths = new Set<string>();
  let notFound = 0;
  let ambiguous = 0;

  degreeSheets.forEach((sheet, sheetIndex) => {
    const codes = sheet.context.codes as Record<CodeTableId, CodeLookup>;
    for (const row of sheet.rows) {
      const v = row.values;
      if (v.BYNY) batchMonths.add(v.BYNY);
      const byId = index.byId.get(upper(v.ZJHM ?? ''));
      const byXh = v.XH ? index.byStudentNumber.get(v.XH) : undefined;
      const byKsh = v.KSH ? index.byExamNumber.get(v.KSH) : undefined;
      const record = byId ?? byXh ?? byKsh;
      if (!record) {
        notFound++;
        report(sheetIndex, row, 'xueji.notFound', 'ZJHM', {});
        continue;
      }
      seen.add(record);
      if ((byXh && byXh !== record) || (byKsh && byKsh !== record)) {
        const candidates = [byId, byXh, byKsh].filter((r): r is XuejiRecord => r !== undefined);
        for (const candidate of candidates) seen.add(candidate);
        ambiguous++;
        const rows = [...new Set(candidates.map((c) => c.excelRow))].join('、');
        report(sheetIndex, row, 'xueji.ambiguous', 'ZJHM', { rows });
        continue;
      }
      matched.add(record);
      compare({ report, sheetIndex, row, record, codes }, hasGraduation, batchMonths);
    }
  });

  let missingDegree = 0;
  for (const sheet of xueji) {
    for (const record of sheet.records) {
      if (seen.has(record)) continue;
      const month = (digitsOnly(record.values.BYRQ ?? '') || digitsOnly(record.values.YJBYRQ ?? '')).slice(0, 6);
      if (!batchMonths.has(month) || STATES_WITHOUT_DEGREE.has(record.values.ZCZT ?? '')) continue;
      if (record.values.BJYJL && record.values.BJYJL !== '毕业') continue;
      missingDegree++;
      reportMissing(record, { name: record.values.XM ?? '', month });
    }
  }
  const records = xueji.reduce((sum, sheet) => sum + sheet.records.length, 0);
  return { xuejiSheets: xueji.map((sheet) => sheet.name), xuejiRecords: records, matched: matched.size, notFound, ambiguous, missingDegree };
}
