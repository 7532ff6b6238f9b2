/**
 * Runs rule families through the real engine on fixture records, for their tests: records built from validRecord(i)
 * with a test's changes, validated on a fixed day, the issues of one family kept.
 */
import type { Category, Generation, Issue, Locale } from '../model/types';
import type { SchoolProfile } from '../profile/profile';
import type { PinyinPort } from '../rules/pinyinPort';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { validateWorkbook } from '../validate';
import { excelRowOf, gridFromRecords, validRecord, type RecordValues } from './fixtures';

export const TEST_TODAY = '20261128';

export interface FamilyRunOptions {
  category?: Category;
  profile?: SchoolProfile;
  locale?: Locale;
  pinyin?: PinyinPort;
  /** Index of the first fixture record. */
  first?: number;
}

export function familyRunner(ruleIds: Iterable<string>) {
  const ids = new Set(ruleIds);
  /** Validates one record per change (validRecord(first + i) with the change); returns the family's issues. */
  const run = (generation: Generation, changes: RecordValues[], options: FamilyRunOptions = {}): Issue[] => {
    const category = options.category ?? '普通';
    const first = options.first ?? 0;
    const records = changes.map((change, i) => ({ ...validRecord(first + i, generation, category), ...change }));
    const result = validateWorkbook([gridFromRecords(generation, records, { category })], {
      today: TEST_TODAY,
      category,
      profile: options.profile,
      locale: options.locale,
      pinyin: options.pinyin,
    });
    if (!result.ok) throw new Error(result.reason);
    return result.report.issues.filter((issue) => ids.has(issue.rule));
  };
  /** One changed record after a valid one, so the defect sits on Excel row 3. */
  const second = (generation: Generation, change: RecordValues, options: FamilyRunOptions = {}) => run(generation, [{}, change], options);
  return { run, second };
}

/** Where a field of the record-th fixture record stands: Excel row, column letter and field code. */
export function cellOf(generation: Generation, field: string, record = 1, category: Category = '普通') {
  const index = templateColumns(generation, category).findIndex((column) => column.code === field);
  if (index < 0) throw new Error(`${field} is not a ${generation} ${category} column`);
  return { row: excelRowOf(record), column: columnLetter(index), field };
}
