/**
 * A workbook opened for sign-off, export or change tracking: validated, its records digested, its audit trail read.
 * Written back only as a copy: the user's input file is never modified.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { digestRows, type DatasetDigest, type DigestableRecord } from '../core/audit/digest';
import type { Locale, ValidationReport } from '../core/model/types';
import type { SchoolProfile } from '../core/profile/profile';
import { loadPinyin } from '../core/rules/pinyinPort';
import { validateWorkbook } from '../core/validate';
import { readAuditTrail, type AuditTrail } from './auditStore';
import { loadWorkbook } from './readWorkbook';
import { WorkbookReadError } from './workbookError';

export interface OpenedWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  report: ValidationReport;
  records: DigestableRecord[];
  digest: DatasetDigest;
  trail: AuditTrail;
}

export interface OpenOptions {
  profile?: SchoolProfile;
  locale?: Locale;
  sheet?: string;
}

/** Opens, validates and digests a workbook; throws WorkbookReadError when it has no template sheet. */
export async function openWorkbook(file: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const { workbook, grids } = await loadWorkbook(file);
  const records: DigestableRecord[] = [];
  const result = validateWorkbook(grids, {
    profile: options.profile,
    locale: options.locale,
    sheet: options.sheet,
    pinyin: await loadPinyin(),
    onRecord: (sheet, record) => records.push({ sheet, excelRow: record.excelRow, values: record.values }),
  });
  if (!result.ok) {
    const name = path.basename(file);
    throw new WorkbookReadError(
      'notTemplate',
      file,
      `${name} 中没有学位授予信息模板工作表${result.sheet ? `“${result.sheet}”` : ''}`,
      `${name} has no degree template sheet${result.sheet ? ` “${result.sheet}”` : ''}`,
    );
  }
  return { file, workbook, report: result.report, records, digest: digestRows(records), trail: readAuditTrail(workbook) };
}

/** Writes the workbook to `out`, refusing to overwrite the input file. */
export async function saveCopy(workbook: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  if (path.resolve(out) === path.resolve(input)) {
    throw new WorkbookReadError(
      'sameAsInput',
      out,
      `输出文件不能与输入文件相同（${out}）：本工具从不修改原文件`,
      `the output must differ from the input (${out}): the input file is never modified`,
    );
  }
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await workbook.xlsx.writeFile(out);
}
