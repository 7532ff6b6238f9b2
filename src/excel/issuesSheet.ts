/// <reference types="office-js" />
/**
 * Writes all issues to the sheet 问题清单 (replacing its contents), one row per issue with a HYPERLINK to the
 * cell, in one block (several only when the list is larger than one request may carry).
 */
import type { Issue, Locale, Severity, ValidationReport } from '../core/model/types';
import { quoteSheet, jsonBytes } from './cells';
import { errors } from './messages';
import { Batcher, SYNC_BUDGET_BYTES, runExcel, throwIfAborted } from './run';

export const ISSUES_SHEET = '问题清单';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['序号', '严重程度', '工作表', '单元格', '行', '列', '字段', '规则', '当前值', '问题说明', '建议值'],
  'en-US': ['No.', 'Severity', 'Sheet', 'Cell', 'Row', 'Column', 'Field', 'Rule', 'Value', 'Message', 'Suggestion'],
};

const SEVERITY_TEXT: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** Column of the link; numbers (No., Row) stay General; everything else is Text so nothing turns into a number or a formula. */
const LINK_COLUMN = 3;
const NUMBER_COLUMNS = new Set([0, 4]);

export interface IssuesSheetOptions {
  locale?: Locale;
  /** Activate the sheet afterwards (default true). */
  activate?: boolean;
  signal?: AbortSignal;
  syncBudget?: number;
}

export interface IssuesSheetResult {
  sheet: string;
  rows: number;
  syncs: number;
}

/** The cell an issue points at: C5, a whole row (5:5), a whole column (C:C), or A1 for sheet-level issues. */
export function issueAddress(issue: Pick<Issue, 'row' | 'column'>): string {
  if (issue.row !== null && issue.column !== null) return `${issue.column}${issue.row}`;
  if (issue.row !== null) return `${issue.row}:${issue.row}`;
  if (issue.column !== null) return `${issue.column}:${issue.column}`;
  return 'A1';
}

function linkFormula(issue: Issue): string {
  const cell = issue.row !== null ? `${issue.column ?? 'A'}${issue.row}` : issue.column !== null ? `${issue.column}1` : 'A1';
  const target = `#${quoteSheet(issue.sheet)}!${cell}`.replace(/"/g, '""');
  const shown = (issue.row !== null ? cell : issue.sheet).replace(/"/g, '""');
  return `=HYPERLINK("${target}","${shown}")`;
}

function rowOf(issue: Issue, index: number, locale: Locale): (string | number)[] {
  return [
    index + 1,
    SEVERITY_TEXT[locale][issue.severity],
    issue.sheet,
    linkFormula(issue),
    issue.row ?? '',
    issue.column ?? '',
    issue.field ?? '',
    issue.rule,
    issue.value ?? '',
    issue.message,
    issue.suggestion ?? '',
  ];
}

/** Writes the issues to 问题清单 (created, or its contents replaced). */
export async function writeIssuesSheet(
  source: ValidationReport | readonly Issue[],
  options: IssuesSheetOptions = {},
): Promise<IssuesSheetResult> {
  const issues: readonly Issue[] = Array.isArray(source) ? source : (source as ValidationReport).issues;
  const locale = options.locale ?? 'zh-CN';
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  throwIfAborted(options.signal);
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, options.signal);
    const existing = context.workbook.worksheets.getItemOrNullObject(ISSUES_SHEET);
    existing.load('visibility');
    existing.protection.load('protected');
    const workbookProtection = context.workbook.protection.load('protected');
    await batch.sync();
    if (!existing.isNullObject && existing.protection.protected) throw errors.sheetProtected([ISSUES_SHEET], 'write');
    if (existing.isNullObject && workbookProtection.protected) throw errors.workbookProtected();

    let sheet: Excel.Worksheet;
    if (existing.isNullObject) {
      sheet = context.workbook.worksheets.add(ISSUES_SHEET);
    } else {
      sheet = existing;
      sheet.getRange().clear('All');
      if (existing.visibility !== 'Visible') sheet.visibility = 'Visible';
    }
    const columns = HEADERS[locale].length;
    const rows = [HEADERS[locale], ...issues.map((issue, i) => rowOf(issue, i, locale))];
    const formats = (count: number) =>
      Array.from({ length: count }, () => Array.from({ length: columns }, (_, c) => (c === LINK_COLUMN || NUMBER_COLUMNS.has(c) ? 'General' : '@')));
    let offset = 0;
    while (offset < rows.length) {
      let bytes = 0;
      let end = offset;
      // Values plus their number formats (about 6 bytes a cell).
      while (end < rows.length && (end === offset || bytes + jsonBytes(rows[end]) + columns * 6 < budget)) {
        bytes += jsonBytes(rows[end]) + columns * 6;
        end++;
      }
      await batch.reserve(bytes);
      const range = sheet.getRangeByIndexes(offset, 0, end - offset, columns);
      range.numberFormat = formats(end - offset);
      range.values = rows.slice(offset, end);
      offset = end;
    }
    const header = sheet.getRangeByIndexes(0, 0, 1, columns);
    header.format.font.bold = true;
    sheet.freezePanes.freezeRows(1);
    sheet.getRangeByIndexes(0, 0, rows.length, columns).format.autofitColumns();
    if (options.activate !== false) sheet.activate();
    await batch.reserve(100);
    await batch.flush();
    return { sheet: ISSUES_SHEET, rows: issues.length, syncs: batch.syncs };
  });
}
