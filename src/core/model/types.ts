/** The vocabulary shared by every layer: template generations, categories, cells, issues and reports. */

export type Generation = 'G1' | 'G2' | 'G3';
export const GENERATIONS: readonly Generation[] = ['G1', 'G2', 'G3'];

/** 学士学位 collection categories; 自考 and 网络 bachelors are reported as 成人. */
export type Category = '普通' | '成人' | '来华留学';
export const CATEGORIES: readonly Category[] = ['普通', '成人', '来华留学'];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** A cell value as Excel hands it over: dates arrive as serial numbers with a date number format. */
export type CellValue = string | number | boolean | null;

/** Mirrors Office.js `Excel.RangeValueType`, so the CLI reader and the add-in gateway feed the core alike. */
export type CellValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

/**
 * A rectangular block of a worksheet, as read by the CLI or the Excel gateway.
 * `numberFormats` and `valueTypes` may be missing, or hold `undefined`, for columns that were not loaded.
 */
export interface SheetGrid {
  name: string;
  /** 1-based Excel row number of `values[0]`. */
  startRow: number;
  /** 0-based Excel column index of `values[r][0]`. */
  startColumn: number;
  values: CellValue[][];
  numberFormats?: (string | undefined)[][];
  valueTypes?: (CellValueType | undefined)[][];
}

export interface Issue {
  /** Stable rule id from the catalogue, e.g. `id.checksum`. */
  rule: string;
  severity: Severity;
  sheet: string;
  /** 1-based Excel row number; the header row for column-level issues; null for workbook-level issues. */
  row: number | null;
  /** Excel column letter; null when the issue concerns no single column. */
  column: string | null;
  /** Upper-case field code; null for sheet-level issues. */
  field: string | null;
  /** The raw cell text as the user sees it, before any clean-up. */
  value: string | null;
  message: string;
  /** A corrected value the user can adopt, when the rule knows it. */
  suggestion?: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface SheetSummary {
  sheet: string;
  template: Generation;
  category: Category;
  headerRow: number;
  rows: number;
  counts: SeverityCounts;
}

/** What the comparison with the 学信网 学籍/学历 data found (issue rules `xueji.*`). */
export interface ReconciliationSummary {
  xuejiSheets: string[];
  xuejiRecords: number;
  /** Degree rows joined to a 学籍 record. */
  matched: number;
  /** Degree rows with no 学籍 record by 证件号码, 学号 or 考生号. */
  notFound: number;
  /** Degree rows whose keys point at different 学籍 records. */
  ambiguous: number;
  /** 学籍 students expected to graduate in the batch who have no degree row (possible 漏报). */
  missingDegree: number;
}

/** The report contract shared by the CLI (`--format json`) and the add-in. */
export interface ValidationReport {
  ok: boolean;
  template: Generation;
  category: Category;
  sheet: string;
  headerRow: number;
  rows: number;
  counts: SeverityCounts;
  issues: Issue[];
  /** One entry per template sheet validated together (several 二级学院 sheets in one workbook). */
  sheets: SheetSummary[];
  /** Present when 学籍 data was given. */
  reconciliation?: ReconciliationSummary;
}
