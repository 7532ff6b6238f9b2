import { codesFor } from './codes/lookups';
import { HK_MO_TW_CODES } from './codes/tables/country';
import type {
  Category,
  CellValue,
  CellValueType,
  Generation,
  Issue,
  Locale,
  SeverityCounts,
  Severity,
  SheetGrid,
  SheetSummary,
  ValidationReport,
} from './model/types';
import { isCleanText, normaliseCell, numberToText } from './normalise/cell';
import { DEFAULT_PROFILE, type SchoolProfile } from './profile/profile';
import { defaultSeverity, renderMessage, ROW_CHECKS, WORKBOOK_CHECKS } from './rules/catalogue';
import type { PinyinPort } from './rules/pinyinPort';
import type { CheckedRow, MessageParams, RowContext, SheetContext, SheetRows } from './rules/rule';
import { RowChecker } from './schema/rowSchema';
import { detectCategory, detectGeneration } from './template/detect';
import { FIELDS, type FieldDefinition } from './template/fields';
import { templateColumns, type Presence, type TemplateColumn } from './template/generations';
import { detectHeader, type HeaderMatch } from './template/headers';
import { columnLetter } from './util/columns';
import { parseLooseDate, parseLooseMonth, todayInChina } from './util/dates';
import { codePointLength } from './util/text';
import { reconcile } from './xueji/reconcile';
import type { XuejiSheet } from './xueji/sheet';

export interface ValidateOptions {
  profile?: SchoolProfile;
  locale?: Locale;
  /** Loaded with `loadPinyin()`; without it the 姓名拼音 ↔ 姓名 agreement check is skipped. */
  pinyin?: PinyinPort;
  /** YYYYMMDD; defaults to today in China. */
  today?: string;
  /** Overrides of what the headers and values suggest, applied to every sheet. */
  generation?: Generation;
  category?: Category;
  /** 学信网 学籍/学历 sheets to reconcile the degree rows with (rules `xueji.*`). */
  xueji?: readonly XuejiSheet[];
  /** Receives every record's cleaned values, e.g. to digest the data for a sign-off. */
  onRecord?: (sheet: string, record: CheckedRow) => void;
  /** Called every PROGRESS_STEP rows with the rows done and the rows of all sheets, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A sheet recognised as the template, ready to validate. */
export interface TemplateSheet {
  grid: SheetGrid;
  header: HeaderMatch;
}

/** The sheets of a workbook that look like the template (a header row within the first rows). */
export function findTemplateSheets(grids: readonly SheetGrid[]): TemplateSheet[] {
  const found: TemplateSheet[] = [];
  for (const grid of grids) {
    const header = detectHeader(grid);
    if (header) found.push({ grid, header });
  }
  return found;
}

/** A cell as the user sees it, for issues raised after normalisation. */
function rawText(value: CellValue): string {
  return value === null ? '' : typeof value === 'number' ? numberToText(value) : String(value);
}

const PROGRESS_STEP = 1000;

const CATEGORY_EN: Record<Category, string> = { 普通: 'regular', 成人: 'adult', 来华留学: 'international' };

interface SheetPlan {
  template: TemplateSheet;
  generation: Generation;
  category: Category;
  columns: TemplateColumn[];
  /** Present template columns with their grid column index. */
  present: { column: TemplateColumn; index: number }[];
  /** Index of the first data row in grid.values and one past the last non-blank row. */
  firstRow: number;
  endRow: number;
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell !== null && cell !== '' && !(typeof cell === 'string' && cell.trim() === '')) return false;
  }
  return true;
}

function categoryEvidence(grid: SheetGrid, header: HeaderMatch, firstRow: number, endRow: number, profile: SchoolProfile) {
  const { codes } = codesFor(profile);
  const countryCode = header.columns.get('GBM');
  const countryName = header.columns.get('GB');
  const idTypeName = header.columns.get('ZJLX');
  const exam = header.columns.get('WYKSNY');
  let rows = 0;
  let foreignRows = 0;
  let adultExamFilled = 0;
  for (let r = firstRow; r < endRow; r++) {
    const row = grid.values[r];
    if (isBlankRow(row)) continue;
    rows++;
    const text = (index: number | undefined) => (index === undefined ? '' : String(row[index] ?? '').trim());
    const code = text(countryCode) || codes.country.byName(text(countryName))?.entry.code || '';
    const foreignCountry = code !== '' && code !== '156' && !HK_MO_TW_CODES.has(code);
    if (foreignCountry || text(idTypeName) === '护照') foreignRows++;
    if (text(exam)) adultExamFilled++;
  }
  return { rows, foreignRows, adultExamFilled, hasAdultExamColumn: exam !== undefined };
}

function planSheet(template: TemplateSheet, options: ValidateOptions, profile: SchoolProfile): SheetPlan {
  const { grid, header } = template;
  const codes = new Set(header.columns.keys());
  const generation = options.generation ?? detectGeneration(codes);
  const firstRow = header.rowIndex + 1;
  let endRow = grid.values.length;
  while (endRow > firstRow && isBlankRow(grid.values[endRow - 1])) endRow--;
  const category = options.category ?? detectCategory(categoryEvidence(grid, header, firstRow, endRow, profile));
  const columns = templateColumns(generation, category);
  const present = columns
    .filter((column) => header.columns.has(column.code))
    .map((column) => ({ column, index: header.columns.get(column.code)! }));
  return { template, generation, category, columns, present, firstRow, endRow };
}

/** Collects issues, rendering each message once in the report's language. */
class IssueCollector {
  readonly issues: Issue[] = [];
  /** Sort keys kept beside the issues: sheet order, then row, then column. */
  private readonly order: number[] = [];

  constructor(
    private readonly locale: Locale,
    private readonly profile: SchoolProfile,
  ) {}

  label(field: string | null | undefined): string | undefined {
    if (!field) return undefined;
    const definition = FIELDS[field];
    if (!definition) return field;
    return this.locale === 'zh-CN' ? definition.label : definition.en;
  }

  add(
    sheetIndex: number,
    location: { sheet: string; row: number | null; column: number | null; field: string | null; value: string | null },
    rule: string,
    params: MessageParams,
    suggestion?: string,
    severity?: Severity,
  ): void {
    const full: MessageParams = { ...params, label: this.label(location.field) ?? params.label };
    if (typeof params.otherField === 'string') full.otherLabel = this.label(params.otherField);
    if (typeof params.category === 'string' && this.locale === 'en-US')
      full.category = CATEGORY_EN[params.category as Category] ?? params.category;
    const issue: Issue = {
      rule,
      severity: (this.profile.ruleSeverity[rule] as Severity | undefined) ?? severity ?? defaultSeverity(rule),
      sheet: location.sheet,
      row: location.row,
      column: location.column === null ? null : columnLetter(location.column),
      field: location.field,
      value: location.value,
      message: renderMessage(rule, this.locale, full),
    };
    if (suggestion !== undefined && suggestion !== location.value) issue.suggestion = suggestion;
    this.issues.push(issue);
    this.order.push(sheetIndex * 1e12 + (location.row ?? 0) * 1e4 + (location.column ?? -1) + 1);
  }

  sorted(): Issue[] {
    const indexes = this.issues.map((_, i) => i);
    indexes.sort((a, b) => this.order[a] - this.order[b] || a - b);
    return indexes.map((i) => this.issues[i]);
  }
}

function suggestFor(rule: string, value: string): string | undefined {
  if (rule === 'date.invalid') return parseLooseDate(value);
  if (rule === 'month.invalid') return parseLooseMonth(value);
  return undefined;
}

function reportHeader(plan: SheetPlan, sheetIndex: number, collector: IssueCollector): void {
  const { grid, header } = plan.template;
  const at = (column: number | null, field: string | null, value: string | null) => ({
    sheet: grid.name,
    row: header.excelRow,
    column: column === null ? null : grid.startColumn + column,
    field,
    value,
  });
  const headerText = (index: number) => String(grid.values[header.rowIndex][index] ?? '');
  for (const column of plan.columns) {
    const needed: Presence[] = ['required', 'conditional'];
    if (needed.includes(column.presence[plan.category]) && !header.columns.has(column.code)) {
      collector.add(sheetIndex, at(null, column.code, null), 'header.missing', {
        code: column.code,
        template: plan.generation,
        category: plan.category,
      });
    }
  }
  for (const duplicate of header.duplicates) {
    const columns = duplicate.indexes.map((i) => columnLetter(grid.startColumn + i)).join('、');
    collector.add(sheetIndex, at(duplicate.indexes[1], duplicate.code, headerText(duplicate.indexes[1])), 'header.duplicate', {
      code: duplicate.code,
      columns,
    });
  }
  const inTemplate = new Set(plan.columns.map((column) => column.code));
  const outside = [...header.columns].filter(([code]) => !inTemplate.has(code)).map(([, index]) => index);
  for (const index of [...header.unknown.map((u) => u.index), ...outside].sort((a, b) => a - b)) {
    collector.add(sheetIndex, at(index, null, headerText(index)), 'header.unknown', { header: headerText(index) });
  }
}

/** Where the issues of a sheet's rows go. */
interface SheetTarget {
  collector: IssueCollector;
  sheetIndex: number;
  grid: SheetGrid;
  /** Grid column index of each field. */
  columns: ReadonlyMap<string, number>;
}

/**
 * One row as the checks see it. A class rather than closures: a sheet of 50,000 rows would otherwise allocate a
 * handful of functions per row.
 */
class RowUnderCheck implements RowContext {
  /** The raw text of the cells whose cleaned text differs from it (most cells need no clean-up). */
  raws: Record<string, string> | undefined;
  /** Cells whose value is lost (error values, digits dropped by Excel): reported once, not again by every rule. */
  unreliable: Set<string> | undefined;

  constructor(
    readonly sheet: SheetContext,
    readonly excelRow: number,
    private readonly values: Readonly<Record<string, string>>,
    private readonly target: SheetTarget,
  ) {}

  get(code: string): string {
    return this.values[code] ?? '';
  }

  report(rule: string, field: string | null, params: MessageParams = {}, suggestion?: string, severity?: Severity): void {
    if (field !== null && this.unreliable?.has(field)) return;
    this.add(field, rule, { value: field ? this.values[field] : undefined, ...params }, suggestion, severity);
  }

  /** Adds an issue at `field` of this row (the row itself for null), showing the cell's raw text. */
  add(field: string | null, rule: string, params: MessageParams, suggestion?: string, severity?: Severity): void {
    const { collector, sheetIndex, grid, columns } = this.target;
    const index = field === null ? undefined : columns.get(field);
    collector.add(
      sheetIndex,
      {
        sheet: grid.name,
        row: this.excelRow,
        column: index === undefined ? null : grid.startColumn + index,
        field,
        value: field === null ? null : (this.raws?.[field] ?? this.values[field] ?? ''),
      },
      rule,
      params,
      suggestion,
      severity,
    );
  }
}

/** Cleans a cell that needs it, reporting what was changed at the cell; returns the cleaned text. */
function normaliseAt(
  row: RowUnderCheck,
  code: string,
  value: CellValue,
  definition: FieldDefinition,
  numberFormat: string | undefined,
  valueType: CellValueType | undefined,
  codeLength: number | undefined,
): string {
  const cell = normaliseCell(value, definition, { numberFormat, valueType, codeLength });
  if (cell.raw !== cell.text) (row.raws ??= {})[code] = cell.raw;
  for (const finding of cell.findings) {
    row.add(code, finding.rule, { value: cell.raw, suggestion: finding.suggestion, ...finding.params }, finding.suggestion);
    const lost = finding.rule === 'cell.errorValue' || (finding.rule === 'cell.numberLostDigits' && finding.suggestion === undefined);
    if (lost) (row.unreliable ??= new Set()).add(code);
  }
  return cell.text;
}

function validateSheet(
  plan: SheetPlan,
  sheetIndex: number,
  options: ValidateOptions,
  profile: SchoolProfile,
  collector: IssueCollector,
  progress: { report(doneInSheet: number): void },
): SheetRows {
  const { grid } = plan.template;
  const catalogue = codesFor(profile);
  const presentCodes = new Set(plan.present.map((p) => p.column.code));
  const presence = new Map(plan.columns.map((column) => [column.code, column.presence[plan.category]]));
  const context: SheetContext = {
    sheet: grid.name,
    generation: plan.generation,
    category: plan.category,
    profile,
    today: options.today ?? todayInChina(),
    codes: catalogue.codes,
    majors: catalogue,
    pinyin: options.pinyin,
    has: (code) => presentCodes.has(code),
    presence: (code) => presence.get(code) ?? 'absent',
  };
  reportHeader(plan, sheetIndex, collector);

  const rowChecker = new RowChecker(
    plan.present.map((p) => p.column),
    plan.category,
  );
  const emptyValues: Record<string, string> = Object.fromEntries(plan.columns.map((column) => [column.code, '']));
  // What every row needs of each present column, looked up once per sheet rather than once per cell.
  const cellPlan = plan.present.map(({ column, index }) => ({
    code: column.code,
    index,
    definition: column.definition,
    codeLength: column.definition.codeTable ? catalogue.codes[column.definition.codeTable].table.codeLength : undefined,
    /** The field's position in the row checker. */
    schemaIndex: rowChecker.codes.indexOf(column.code),
  }));
  const target: SheetTarget = { collector, sheetIndex, grid, columns: plan.template.header.columns };
  const rows: CheckedRow[] = [];
  for (let r = plan.firstRow; r < plan.endRow; r++) {
    if (options.onProgress && (r - plan.firstRow) % PROGRESS_STEP === 0) progress.report(r - plan.firstRow);
    const excelRow = grid.startRow + r;
    const cells = grid.values[r];
    if (isBlankRow(cells)) {
      collector.add(sheetIndex, { sheet: grid.name, row: excelRow, column: null, field: null, value: null }, 'row.blank', {});
      continue;
    }
    const values: Record<string, string> = { ...emptyValues };
    const row = new RowUnderCheck(context, excelRow, values, target);
    const rowFormats = grid.numberFormats?.[r];
    const rowTypes = grid.valueTypes?.[r];
    // Indexed loops: this function runs once per sheet, in code optimised on the stack, where for-of leaves an
    // iterator object per row behind.
    for (let c = 0; c < cellPlan.length; c++) {
      const { code, index, definition, codeLength, schemaIndex } = cellPlan[c];
      const value = cells?.[index] ?? null;
      const valueType = rowTypes?.[index];
      // Most cells are text that needs no clean-up (the same test normaliseCell makes) or empty; empty cells stay ''
      // (normaliseCell has nothing to say about them either).
      let text = '';
      if (isCleanText(value, valueType)) text = value as string;
      else if (value !== null && value !== '') text = normaliseAt(row, code, value, definition, rowFormats?.[index], valueType, codeLength);
      values[code] = text;
      const rules = rowChecker.fieldRules(schemaIndex, text);
      if (rules.length > 0 && !row.unreliable?.has(code)) {
        for (const rule of rules) {
          row.add(
            code,
            rule,
            { value: text, max: definition.maxLength, length: codePointLength(text), digits: definition.digits, category: plan.category },
            suggestFor(rule, text),
          );
        }
      }
    }
    for (let k = 0; k < ROW_CHECKS.length; k++) ROW_CHECKS[k](row);
    const record = { excelRow, values };
    rows.push(record);
    options.onRecord?.(grid.name, record);
  }
  if (rows.length === 0) {
    collector.add(sheetIndex, { sheet: grid.name, row: plan.template.header.excelRow, column: null, field: null, value: null }, 'sheet.noData', {});
  }
  return { context, rows };
}

function countSeverities(issues: readonly Issue[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

/** Validates template sheets together: duplicates are looked for across all of them. */
export function validateTemplateSheets(templates: readonly TemplateSheet[], options: ValidateOptions = {}): ValidationReport {
  if (templates.length === 0) throw new Error('validateTemplateSheets needs at least one template sheet');
  const profile = options.profile ?? DEFAULT_PROFILE;
  const locale = options.locale ?? 'zh-CN';
  const collector = new IssueCollector(locale, profile);
  const plans = templates.map((template) => planSheet(template, options, profile));
  const total = plans.reduce((sum, plan) => sum + (plan.endRow - plan.firstRow), 0);
  let before = 0;
  const checked = plans.map((plan, index) => {
    const rows = validateSheet(plan, index, options, profile, collector, {
      report: (doneInSheet) => options.onProgress?.(before + doneInSheet, total),
    });
    before += plan.endRow - plan.firstRow;
    return rows;
  });
  options.onProgress?.(total, total);
  const reportAtRow = (
    sheetIndex: number,
    row: CheckedRow,
    rule: string,
    field: string | null,
    params: MessageParams = {},
    suggestion?: string,
  ) => {
    const plan = plans[sheetIndex];
    const index = field === null ? undefined : plan.template.header.columns.get(field);
    const grid = plan.template.grid;
    collector.add(
      sheetIndex,
      {
        sheet: grid.name,
        row: row.excelRow,
        column: index === undefined ? null : grid.startColumn + index,
        field,
        value: index === undefined ? null : rawText(grid.values[row.excelRow - grid.startRow]?.[index] ?? null),
      },
      rule,
      { value: field ? row.values[field] : undefined, ...params },
      suggestion,
    );
  };
  for (const check of WORKBOOK_CHECKS) check(checked, reportAtRow);
  const reconciliation = options.xueji
    ? reconcile(checked, options.xueji, reportAtRow, (record, params) =>
        collector.add(
          plans.length,
          { sheet: record.sheet, row: record.excelRow, column: null, field: null, value: null },
          'xueji.noDegreeRow',
          params,
        ),
      )
    : undefined;
  const issues = collector.sorted();
  const counts = countSeverities(issues);
  const sheets: SheetSummary[] = plans.map((plan, index) => {
    const name = plan.template.grid.name;
    return {
      sheet: name,
      template: plan.generation,
      category: plan.category,
      headerRow: plan.template.header.excelRow,
      rows: checked[index].rows.length,
      counts: countSeverities(issues.filter((issue) => issue.sheet === name)),
    };
  });
  return {
    ok: counts.error === 0,
    template: sheets[0].template,
    category: sheets[0].category,
    sheet: sheets[0].sheet,
    headerRow: sheets[0].headerRow,
    rows: sheets.reduce((sum, sheet) => sum + sheet.rows, 0),
    counts,
    issues,
    sheets,
    ...(reconciliation ? { reconciliation } : {}),
  };
}

export type WorkbookValidation =
  | { ok: true; report: ValidationReport }
  | { ok: false; reason: 'noTemplate' | 'sheetNotFound' | 'notTemplate'; sheet?: string };

/**
 * Validates a workbook: the named sheet, or every sheet that looks like the template (one per 二级学院),
 * all together so that duplicates across sheets are found.
 */
export function validateWorkbook(
  grids: readonly SheetGrid[],
  options: ValidateOptions & { sheet?: string } = {},
): WorkbookValidation {
  if (options.sheet !== undefined) {
    const grid = grids.find((g) => g.name === options.sheet);
    if (!grid) return { ok: false, reason: 'sheetNotFound', sheet: options.sheet };
    const header = detectHeader(grid);
    if (!header) return { ok: false, reason: 'notTemplate', sheet: options.sheet };
    return { ok: true, report: validateTemplateSheets([{ grid, header }], options) };
  }
  const templates = findTemplateSheets(grids);
  if (templates.length === 0) return { ok: false, reason: 'noTemplate' };
  return { ok: true, report: validateTemplateSheets(templates, options) };
}
