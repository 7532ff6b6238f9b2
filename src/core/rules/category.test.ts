import type { Category, Generation, Issue, Locale } from '../model/types';
import { gridFromRecords, validRecord } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { validateWorkbook } from '../validate';
import { categoryRules } from './category';

/** G2 has the country code only (GBM), G3 the name only (GB). */
const PAKISTAN = { GBM: '586', GB: '巴基斯坦' };

/**
 * Issues of the category family for a sheet of two records of a category, the second (Excel row 3) changed.
 * The first record of a 来华留学 sheet is a Pakistani national.
 */
function categoryIssues(
  generation: Generation,
  category: Category,
  changes: Record<string, string>,
  locale: Locale = 'zh-CN',
): Issue[] {
  const first = { ...validRecord(0, generation, category), ...(category === '来华留学' ? PAKISTAN : {}) };
  const records = [first, { ...validRecord(1, generation, category), ...changes }];
  const grid = gridFromRecords(generation, records, { category });
  const result = validateWorkbook([grid], { today: '20261128', category, locale });
  if (!result.ok) throw new Error(result.reason);
  const issues = result.report.issues.filter((issue) => issue.rule.startsWith('category.'));
  expect(issues.filter((issue) => issue.row !== 3)).toEqual([]);
  return issues;
}

const columnOf = (generation: Generation, category: Category, code: string) =>
  columnLetter(templateColumns(generation, category).findIndex((column) => column.code === code));

describe('the fixtures', () => {
  it.each(['G2', 'G3'] as const)('raise no category issue for Chinese citizens in %s', (generation) => {
    expect(categoryIssues(generation, '普通', {})).toEqual([]);
    expect(categoryIssues(generation, '成人', {})).toEqual([]);
  });
});

describe('category.foreignIsChina', () => {
  it('reports a 来华留学 record whose 国家或地区码 is 156, at GBM', () => {
    const issues = categoryIssues('G2', '来华留学', {});
    expect(issues).toEqual([
      expect.objectContaining({
        rule: 'category.foreignIsChina',
        severity: 'error',
        row: 3,
        column: columnOf('G2', '来华留学', 'GBM'),
        field: 'GBM',
        value: '156',
      }),
    ]);
    expect(issues[0].suggestion).toBeUndefined();
    expect(issues[0].message).toBe('来华留学学位记录的国家或地区码是“156”（中国），应填学生护照上的国籍');
  });

  it('reports 中国 in the name-valued G3 sheet, at GB', () => {
    expect(categoryIssues('G3', '来华留学', { GB: '中国' })).toEqual([
      expect.objectContaining({
        rule: 'category.foreignIsChina',
        row: 3,
        column: columnOf('G3', '来华留学', 'GB'),
        field: 'GB',
        value: '中国',
      }),
    ]);
  });

  it('recognises China by an alias of its name', () => {
    expect(categoryIssues('G3', '来华留学', { GB: '中华人民共和国' })).toEqual([
      expect.objectContaining({ rule: 'category.foreignIsChina', field: 'GB' }),
    ]);
  });

  it('speaks English', () => {
    expect(categoryIssues('G2', '来华留学', {}, 'en-US')[0].message).toBe(
      'Country code of an international degree record is “156” (China); enter the nationality on the student’s passport',
    );
  });

  it('accepts foreign nationals', () => {
    expect(categoryIssues('G2', '来华留学', { GBM: '586' })).toEqual([]);
    expect(categoryIssues('G3', '来华留学', { GB: '老挝' })).toEqual([]);
  });
});

describe('category.foreignCountry', () => {
  it('warns about a foreign country on a 普通 record, at GBM', () => {
    const issues = categoryIssues('G2', '普通', { GBM: '840' });
    expect(issues).toEqual([
      expect.objectContaining({
        rule: 'category.foreignCountry',
        severity: 'warning',
        row: 3,
        column: columnOf('G2', '普通', 'GBM'),
        field: 'GBM',
        value: '840',
      }),
    ]);
    expect(issues[0].message).toBe('普通学位记录的国家或地区码是“840”（美国），外国籍学生一般按来华留学上报，请核对');
  });

  it('warns on 成人 records and in G3 (by name, also an English one)', () => {
    expect(categoryIssues('G2', '成人', { GBM: '410' })).toEqual([
      expect.objectContaining({ rule: 'category.foreignCountry', field: 'GBM', column: columnOf('G2', '成人', 'GBM') }),
    ]);
    expect(categoryIssues('G3', '普通', { GB: 'Japan' })).toEqual([
      expect.objectContaining({ rule: 'category.foreignCountry', field: 'GB', value: 'Japan', column: columnOf('G3', '普通', 'GB') }),
    ]);
    expect(categoryIssues('G2', '成人', { GBM: '410' }, 'en-US')[0].message).toBe(
      'Country code of an adult degree record is “410” (韩国); foreign nationals are normally reported as international students, please check',
    );
  });

  it.each(['156', '344', '446', '158'])('accepts %s', (GBM) => {
    const name = { '156': '中国', '344': '中国香港', '446': '中国澳门', '158': '中国台湾' }[GBM]!;
    expect(categoryIssues('G2', '普通', GBM === '156' ? { GBM } : { GBM, ZZMMM: '', ZZMM: '' })).toEqual([]);
    expect(categoryIssues('G3', '成人', { GB: name })).toEqual([]);
  });

  it('leaves an unknown country to code.unknown', () => {
    expect(categoryIssues('G2', '普通', { GBM: '999' })).toEqual([]);
  });
});

describe('category.politicalNonMainland', () => {
  it('reports each filled 政治面貌 field of a 港澳台 record', () => {
    const issues = categoryIssues('G2', '普通', { GBM: '344' });
    expect(issues).toEqual(
      ['ZZMMM', 'ZZMM'].map((field) =>
        expect.objectContaining({
          rule: 'category.politicalNonMainland',
          severity: 'error',
          row: 3,
          column: columnOf('G2', '普通', field),
          field,
        }),
      ),
    );
    expect(issues[0]).toMatchObject({ value: '03' });
    expect(issues[0].message).toBe('国家或地区为“中国香港”的记录不填政治面貌码，应为空');
  });

  it('reports a 政治面貌 name alone and covers Macao and Taiwan', () => {
    expect(categoryIssues('G2', '成人', { GBM: '158', ZZMMM: '', ZZMM: '群众' })).toEqual([
      expect.objectContaining({ rule: 'category.politicalNonMainland', field: 'ZZMM', value: '群众' }),
    ]);
    expect(categoryIssues('G2', '普通', { GBM: '446', ZZMM: '' })).toEqual([
      expect.objectContaining({ rule: 'category.politicalNonMainland', field: 'ZZMMM' }),
    ]);
  });

  it('has nothing to report in G3, which has no 政治面貌 columns', () => {
    expect(categoryIssues('G3', '普通', { GB: '中国香港' })).toEqual([]);
  });

  it('accepts mainland residents with a 政治面貌', () => {
    expect(categoryIssues('G2', '普通', { ZZMMM: '01', ZZMM: '中国共产党党员' })).toEqual([]);
  });
});

describe('texts', () => {
  it('has Chinese and English texts for every rule', () => {
    for (const definition of Object.values(categoryRules)) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = definition.text[locale];
        expect(text.title && text.why && text.fix).toBeTruthy();
      }
    }
  });
});
