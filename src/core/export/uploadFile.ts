/**
 * The upload file (学士学位授予信息上报文件): exactly the columns of the sheet's template, in template order, with the
 * values exactly as validated (the cleaned text the engine hands to `onRecord`); rows of several 二级学院 sheets are
 * merged in sheet order, one file per template generation and category. Every cell is text with number format `@`.
 */
import * as XLSX from '@e965/xlsx';
import type { DigestableRecord } from '../audit/digest';
import type { Category, Generation, Issue, Locale, SheetGrid, ValidationReport } from '../model/types';
import { renderMessage } from '../rules/catalogue';
import { templateColumns, type TemplateColumn } from '../template/generations';
import { detectHeader } from '../template/headers';
import { columnLetter } from '../util/columns';
import { todayInChina } from '../util/dates';
import { findTemplateSheets, validateTemplateSheets, type TemplateSheet, type ValidateOptions } from '../validate';
import { writeDbf, type DbfField } from './dbf';
import { describeChar, type CharEncoder } from './encoding';

/** Header row of the upload file: bare codes (`XM`) or 汉字名称(CODE) (`姓名(XM)`), as the school chooses. */
export type HeaderStyle = 'code' | 'label';
export type UploadFormat = 'xlsx' | 'dbf';

/** One validated record: where it came from and its cleaned values (every template column, '' when empty). */
export interface ExportRecord extends DigestableRecord {
  sheet: string;
  excelRow: number;
  values: Readonly<Record<string, string>>;
}

/** The records that go into one upload file: one template generation and category. */
export interface UploadGroup {
  generation: Generation;
  category: Category;
  columns: readonly TemplateColumn[];
  /** The sheets merged into the file, in workbook order. */
  sheets: string[];
  records: ExportRecord[];
}

export interface PreparedExport {
  report: ValidationReport;
  /** Every record of every template sheet, in sheet order: what the data digest of a sign-off covers. */
  records: ExportRecord[];
  groups: UploadGroup[];
  /** Excel column letter of a field in a sheet, for issues raised at export time. */
  columnOf(sheet: string, field: string): string | null;
}

export type PrepareResult =
  | { ok: true; prepared: PreparedExport }
  | { ok: false; reason: 'noTemplate' | 'sheetNotFound' | 'notTemplate'; sheet?: string };

/** Records grouped by template generation and category (one upload file each), sheets merged in sheet order. */
export function uploadGroups(report: ValidationReport, records: readonly ExportRecord[]): UploadGroup[] {
  const bySheet = new Map<string, ExportRecord[]>();
  for (const record of records) {
    const list = bySheet.get(record.sheet);
    if (list) list.push(record);
    else bySheet.set(record.sheet, [record]);
  }
  const groups: UploadGroup[] = [];
  for (const summary of report.sheets) {
    let group = groups.find((g) => g.generation === summary.template && g.category === summary.category);
    if (!group) {
      group = { generation: summary.template, category: summary.category, columns: templateColumns(summary.template, summary.category), sheets: [], records: [] };
      groups.push(group);
    }
    group.sheets.push(summary.sheet);
    // One by one: spreading a sheet of tens of thousands of records into push() would overflow the call stack.
    for (const record of bySheet.get(summary.sheet) ?? []) group.records.push(record);
  }
  return groups;
}

/**
 * Validates the workbook (the named sheet, or every sheet that looks like the template) and collects the cleaned
 * records for the upload file. The same engine and options as validation, so the values are those the user saw
 * checked.
 */
export function prepareExport(grids: readonly SheetGrid[], options: ValidateOptions & { sheet?: string } = {}): PrepareResult {
  let templates: TemplateSheet[];
  if (options.sheet !== undefined) {
    const grid = grids.find((g) => g.name === options.sheet);
    if (!grid) return { ok: false, reason: 'sheetNotFound', sheet: options.sheet };
    const header = detectHeader(grid);
    if (!header) return { ok: false, reason: 'notTemplate', sheet: options.sheet };
    templates = [{ grid, header }];
  } else {
    templates = findTemplateSheets(grids);
    if (templates.length === 0) return { ok: false, reason: 'noTemplate' };
  }
  const bySheet = new Map<string, ExportRecord[]>(templates.map((t) => [t.grid.name, []]));
  const report = validateTemplateSheets(templates, {
    ...options,
    onRecord: (sheet, record) => {
      bySheet.get(sheet)?.push({ sheet, excelRow: record.excelRow, values: record.values });
      options.onRecord?.(sheet, record);
    },
  });
  const records = templates.flatMap((t) => bySheet.get(t.grid.name) ?? []);
  const groups = uploadGroups(report, records);
  const headers = new Map(templates.map((t) => [t.grid.name, t]));
  return {
    ok: true,
    prepared: {
      report,
      records,
      groups,
      columnOf: (sheet, field) => {
        const template = headers.get(sheet);
        const index = template?.header.columns.get(field);
        return template && index !== undefined ? columnLetter(template.grid.startColumn + index) : null;
      },
    },
  };
}

/** The header cell of a column in the chosen style. */
export function headerCell(column: TemplateColumn, style: HeaderStyle): string {
  return style === 'label' ? `${column.definition.label}(${column.code})` : column.code;
}

/** The upload table: a header row, then one row per record with the template's columns in order. */
export function uploadRows(group: Pick<UploadGroup, 'columns' | 'records'>, style: HeaderStyle = 'code'): string[][] {
  const codes = group.columns.map((column) => column.code);
  const rows: string[][] = [group.columns.map((column) => headerCell(column, style))];
  for (const record of group.records) rows.push(codes.map((code) => record.values[code] ?? ''));
  return rows;
}

export interface ValueCheckOptions {
  /** The target encoding (GBK for .dbf); without it only lengths are checked. */
  encoder?: CharEncoder;
  format: UploadFormat;
  locale?: Locale;
}

/**
 * What the target file cannot hold, as error issues at their rows (rules export.unencodable, export.tooLongForDbf):
 * found before anything is written, so that no value is silently turned into “?” or cut short.
 */
export function checkUploadValues(
  group: UploadGroup,
  options: ValueCheckOptions,
  columnOf: PreparedExport['columnOf'] = () => null,
): Issue[] {
  const locale = options.locale ?? 'zh-CN';
  const issues: Issue[] = [];
  const { encoder } = options;
  for (const record of group.records) {
    for (const column of group.columns) {
      const value = record.values[column.code] ?? '';
      if (value === '') continue;
      const label = locale === 'zh-CN' ? column.definition.label : column.definition.en;
      const at = (rule: string, params: Record<string, string | number>): Issue => ({
        rule,
        severity: 'error',
        sheet: record.sheet,
        row: record.excelRow,
        column: columnOf(record.sheet, column.code),
        field: column.code,
        value,
        message: renderMessage(rule, locale, { label, value, ...params }),
      });
      let bytes: number | undefined;
      if (encoder) {
        // ASCII needs no encoder and is one byte per character in every encoding the upload file uses.
        if (isAscii(value)) bytes = value.length;
        else {
          const encoded = encoder.encode(value);
          if (!encoded.ok) {
            const chars = encoded.unencodable.map(describeChar).join(locale === 'zh-CN' ? '、' : ', ');
            issues.push(at('export.unencodable', { chars, encoding: encoder.name }));
            continue;
          }
          bytes = encoded.bytes.length;
        }
      }
      if (options.format === 'dbf' && bytes !== undefined && bytes > column.definition.maxLength) {
        issues.push(at('export.tooLongForDbf', { bytes, max: column.definition.maxLength }));
      }
    }
  }
  return issues;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export interface TextSheet {
  name: string;
  rows: readonly (readonly string[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
  /** Merged ranges such as A1:E1 (title rows). */
  merges?: readonly string[];
}

const TEXT_FORMAT = '@';

/**
 * Writes a one-sheet .xlsx in which every cell is text with number format `@` (empty cells too, so that a value
 * typed in later stays text). Runs in the browser and in Node; uses SheetJS's binary writer path, which returns
 * bytes without a detour through a binary string.
 */
export function writeTextXlsx(sheet: TextSheet): Uint8Array {
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const empty = { t: 'z', z: TEXT_FORMAT };
  const data = sheet.rows.map((row) => {
    const cells: XLSX.CellObject[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? '';
      cells[c] = (value === '' ? empty : { t: 's', v: value, z: TEXT_FORMAT }) as XLSX.CellObject;
    }
    return cells;
  });
  const worksheet: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(sheet.rows.length - 1, 0), c: Math.max(width - 1, 0) } }),
  };
  if (sheet.widths) worksheet['!cols'] = sheet.widths.map((wch) => ({ wch }));
  if (sheet.merges?.length) worksheet['!merges'] = sheet.merges.map((range) => XLSX.utils.decode_range(range));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name);
  const out = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Uint8Array | ArrayBuffer;
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}

export const UPLOAD_SHEET_NAME = '学士学位授予信息';

/** The .xlsx upload file of a group. */
export function writeUploadXlsx(group: Pick<UploadGroup, 'columns' | 'records'>, style: HeaderStyle = 'code', sheetName = UPLOAD_SHEET_NAME): Uint8Array {
  const widths = group.columns.map((column) => Math.min(Math.max(column.definition.maxLength, column.code.length + 2, 6), 40));
  return writeTextXlsx({ name: sheetName, rows: uploadRows(group, style), widths });
}

/** dBASE fields of the template columns: lower-case codes, the template's lengths as bytes of encoded text. */
export function dbfFieldsOf(columns: readonly TemplateColumn[]): DbfField[] {
  return columns.map((column) => ({ name: column.code.toLowerCase(), length: column.definition.maxLength }));
}

/**
 * The legacy .dbf upload file (G1): GBK text through the injected encoder. Throws DbfValueError for a value that
 * checkUploadValues would have reported — call that first and refuse the export when it finds anything.
 */
export function writeUploadDbf(group: Pick<UploadGroup, 'columns' | 'records' | 'generation'>, encoder: CharEncoder, date: string = todayInChina()): Uint8Array {
  if (group.generation !== 'G1') throw new Error(`the .dbf upload file exists for the G1 template only, not ${group.generation}`);
  const codes = group.columns.map((column) => column.code);
  const records = group.records.map((record) => codes.map((code) => record.values[code] ?? ''));
  return writeDbf(dbfFieldsOf(group.columns), records, encoder, { date });
}

/**
 * 年度批次 of an award date (YYYYMMDD). The school year runs from September to August and is named by the year it
 * ends in, the year its graduates leave: awards from 09-01 to the end of February form batch 1 (winter), awards
 * from 03-01 to 08-31 batch 2 (summer). 2025-12-20 and 2026-01-10 → 2026-1; 2026-06-20 → 2026-2.
 */
export function batchOf(awardDate: string): string | undefined {
  const match = /^(\d{4})(\d{2})\d{2}$/.exec(awardDate);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (month >= 9) return `${year + 1}-1`;
  if (month <= 2) return `${year}-1`;
  return `${year}-2`;
}

/**
 * The batch of a set of records: that of the latest 获学位日期 (a file that also carries late records of an earlier
 * batch is named after the current one); `batches` lists every batch present, for the manifest.
 */
export function batchOfRecords(records: readonly ExportRecord[], today: string = todayInChina()): { batch: string; batches: string[] } {
  let latest = '';
  const batches: string[] = [];
  for (const record of records) {
    const date = record.values.HXWRQ ?? '';
    const batch = batchOf(date);
    if (!batch) continue;
    if (!batches.includes(batch)) batches.push(batch);
    if (date > latest) latest = date;
  }
  batches.sort();
  return { batch: batchOf(latest) ?? batchOf(today)!, batches };
}

/** The default name pattern, with the extension added by format: 12608_2026-2_学士学位授予信息.xlsx. */
export const DEFAULT_FILE_PATTERN = '{单位码}_{年度批次}_学士学位授予信息';

export interface FileNameFields {
  unitCode: string;
  unitName: string;
  batch: string;
  category: Category;
  generation: Generation;
  /** YYYYMMDD */
  today: string;
}

const TOKENS: Record<string, (fields: FileNameFields) => string> = {
  单位码: (f) => f.unitCode,
  unit: (f) => f.unitCode,
  单位名称: (f) => f.unitName,
  unitName: (f) => f.unitName,
  年度批次: (f) => f.batch,
  batch: (f) => f.batch,
  类别: (f) => f.category,
  category: (f) => f.category,
  模板: (f) => f.generation,
  template: (f) => f.generation,
  日期: (f) => f.today,
  date: (f) => f.today,
};

/** Placeholders a file name pattern may use, in Chinese or English: {单位码} = {unit}, … */
export const FILE_NAME_TOKENS = Object.keys(TOKENS);

export class FileNamePatternError extends Error {
  constructor(
    readonly token: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'FileNamePatternError';
  }
}

/**
 * The upload file's name from a pattern such as `{单位码}_{年度批次}_学士学位授予信息` (the extension of the format
 * is added unless the pattern ends with it). Characters that file systems refuse become “_”.
 */
export function uploadFileName(pattern: string, fields: FileNameFields, format: UploadFormat): string {
  const name = pattern.replace(/\{([^{}]*)\}/g, (_, token: string) => {
    const value = TOKENS[token.trim()];
    if (!value) {
      throw new FileNamePatternError(
        token,
        `文件名模式中的占位符 {${token}} 无法识别，可用：${FILE_NAME_TOKENS.map((t) => `{${t}}`).join(' ')}`,
        `unknown placeholder {${token}} in the file name pattern; available: ${FILE_NAME_TOKENS.map((t) => `{${t}}`).join(' ')}`,
      );
    }
    return value(fields);
  });
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file systems refuse
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  if (safe === '' || safe === `.${format}`) {
    throw new FileNamePatternError('', '文件名模式生成了空文件名', 'the file name pattern gives an empty name');
  }
  return safe.toLowerCase().endsWith(`.${format}`) ? safe : `${safe}.${format}`;
}
