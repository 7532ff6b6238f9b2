import type { Generation, Issue, Locale } from '../model/types';
import { schoolProfileSchema, type SchoolProfile } from '../profile/profile';
import { gridFromRecords, validRecord } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { validateWorkbook } from '../validate';
import { majorRules } from './major';

interface Options {
  profile?: SchoolProfile;
  locale?: Locale;
}

/** Issues of the major family for a sheet of two records, the second (Excel row 3) changed. */
function majorIssues(generation: Generation, changes: Record<string, string>, options: Options = {}): Issue[] {
  const records = [validRecord(0, generation), { ...validRecord(1, generation), ...changes }];
  const result = validateWorkbook([gridFromRecords(generation, records)], { today: '20261128', ...options });
  if (!result.ok) throw new Error(result.reason);
  return result.report.issues.filter((issue) => issue.rule.startsWith('major.') && issue.row === 3);
}

const columnOf = (generation: Generation, code: string) =>
  columnLetter(templateColumns(generation, '普通').findIndex((column) => column.code === code));

const profileWith = (majors: { code: string; name: string; degrees: string[] }[]) =>
  schoolProfileSchema.parse({ unitCode: '12608', unitName: '重庆外语外事学院', majors });

const COMPUTER_SCIENCE = { ZYDM: '080901', ZYMC: '计算机科学与技术', XWLBM: '408', XWLB: '工学学士学位' };
const PHARMACY = { ZYDM: '100701', ZYMC: '药学', XWLBM: '407', XWLB: '理学学士学位' };

describe('the fixtures', () => {
  it.each(['G1', 'G2', 'G3'] as const)('raise no major issue in %s', (generation) => {
    const records = [0, 1, 2, 3, 4].map((index) => validRecord(index, generation));
    const result = validateWorkbook([gridFromRecords(generation, records)], { today: '20261128' });
    expect(result.ok && result.report.issues.filter((issue) => issue.rule.startsWith('major.'))).toEqual([]);
  });
});

describe('major.format', () => {
  it('reports a code that is not 6 digits with a T/K suffix, at ZYDM', () => {
    expect(majorIssues('G2', { ZYDM: '计算机' })).toEqual([
      expect.objectContaining({
        rule: 'major.format',
        severity: 'error',
        row: 3,
        column: columnOf('G2', 'ZYDM'),
        field: 'ZYDM',
        value: '计算机',
      }),
    ]);
    expect(majorIssues('G2', { ZYDM: '计算机' })[0].suggestion).toBeUndefined();
  });

  it('proposes the catalogue code for a lost leading zero or a lower-case suffix', () => {
    expect(majorIssues('G3', { ...COMPUTER_SCIENCE, ZYDM: '80901' })).toEqual([
      expect.objectContaining({ rule: 'major.format', field: 'ZYDM', column: columnOf('G3', 'ZYDM'), suggestion: '080901' }),
    ]);
    expect(majorIssues('G2', { ...COMPUTER_SCIENCE, ZYDM: '080904k', ZYMC: '信息安全' })).toEqual([
      expect.objectContaining({ rule: 'major.format', suggestion: '080904K' }),
    ]);
  });

  it('rejects other suffixes and lengths', () => {
    for (const ZYDM of ['080901X', '08090', '0809011', '080901KT']) {
      expect(majorIssues('G2', { ...COMPUTER_SCIENCE, ZYDM }).map((issue) => issue.rule)).toEqual(['major.format']);
    }
  });

  it('accepts the catalogue’s forms: plain, T, K, TK and its 7-digit languages', () => {
    expect(majorIssues('G2', { ...COMPUTER_SCIENCE, ZYDM: '080904K', ZYMC: '信息安全' })).toEqual([]);
    expect(majorIssues('G2', { ZYDM: '030612TK', ZYMC: '公安管理学', XWLBM: '403', XWLB: '法学学士学位' })).toEqual([]);
    expect(majorIssues('G2', { ZYDM: '050306T', ZYMC: '网络与新媒体' })).toEqual([]);
    expect(majorIssues('G3', { ZYDM: '0502100T', ZYMC: '语言学' })).toEqual([]);
  });

  it('accepts a code without its T/K suffix, as 学信网 writes it', () => {
    expect(majorIssues('G2', { ZYDM: '101101', ZYMC: '护理学', XWLBM: '407', XWLB: '理学学士学位' })).toEqual([]);
    expect(majorIssues('G2', { ...COMPUTER_SCIENCE, ZYDM: '080904', ZYMC: '信息安全' })).toEqual([]);
  });

  it('leaves an empty code to field.required', () => {
    expect(majorIssues('G2', { ZYDM: '' })).toEqual([]);
  });
});

describe('major.unknown', () => {
  it('warns about a well-formed code outside the catalogue and the profile', () => {
    expect(majorIssues('G2', { ZYDM: '089999', ZYMC: '某某工程', XWLBM: '408', XWLB: '工学学士学位' })).toEqual([
      expect.objectContaining({
        rule: 'major.unknown',
        severity: 'warning',
        row: 3,
        column: columnOf('G2', 'ZYDM'),
        field: 'ZYDM',
        value: '089999',
      }),
    ]);
  });

  it('tells which catalogue edition it checked', () => {
    const [issue] = majorIssues('G3', { ZYDM: '089999', XWLBM: '408', XWLB: '工学学士学位' });
    expect(issue.message).toContain('2024');
  });

  it('knows the school’s own majors from the profile', () => {
    const profile = profileWith([{ code: '089999', name: '某某工程', degrees: ['408'] }]);
    expect(majorIssues('G2', { ZYDM: '089999', ZYMC: '某某工程', XWLBM: '408', XWLB: '工学学士学位' }, { profile })).toEqual([]);
  });
});

describe('major.degreeNotAllowed', () => {
  it('rejects 医学 for 药学, which awards 理学 only, and proposes 407', () => {
    expect(majorIssues('G2', { ...PHARMACY, XWLBM: '410', XWLB: '医学学士学位' })).toEqual([
      expect.objectContaining({
        rule: 'major.degreeNotAllowed',
        severity: 'error',
        row: 3,
        column: columnOf('G2', 'XWLBM'),
        field: 'XWLBM',
        value: '410',
        suggestion: '407',
      }),
    ]);
  });

  it('names the degrees the major may award, without a suggestion when there are several', () => {
    const [issue] = majorIssues('G3', { ...COMPUTER_SCIENCE, XWLBM: '412', XWLB: '管理学学士学位' });
    expect(issue).toMatchObject({ rule: 'major.degreeNotAllowed', field: 'XWLBM', column: columnOf('G3', 'XWLBM') });
    expect(issue.suggestion).toBeUndefined();
    expect(issue.message).toBe('专业“计算机科学与技术”（080901）只能授予 408 工学学士学位或407 理学学士学位，学位类别码填的是 412 管理学学士学位');
  });

  it.each([
    ['080901', '计算机科学与技术', '407'],
    ['040104', '教育技术学', '407'],
    ['120801', '电子商务', '402'],
    ['082803', '风景园林', '413'],
    ['101101K', '护理学', '407'],
    ['082801', '建筑学', '444'],
    ['050201', '英语', '405'],
  ])('accepts %s %s with %s', (ZYDM, ZYMC, XWLBM) => {
    expect(majorIssues('G2', { ZYDM, ZYMC, XWLBM, XWLB: '' })).toEqual([]);
  });

  it('follows the degrees a school profile declares for its own major', () => {
    const profile = profileWith([{ code: '129901', name: '校设管理专业', degrees: ['412'] }]);
    const changes = { ZYDM: '129901', ZYMC: '校设管理专业', XWLBM: '402', XWLB: '经济学学士学位' };
    expect(majorIssues('G2', changes, { profile })).toEqual([
      expect.objectContaining({ rule: 'major.degreeNotAllowed', suggestion: '412' }),
    ]);
  });

  it('leaves an unknown degree code to code.unknown', () => {
    expect(majorIssues('G2', { ...PHARMACY, XWLBM: '499', XWLB: '' })).toEqual([]);
  });
});

describe('major.degreeUnverified', () => {
  it('warns when a major outside the table gets a degree other than its 门类’s', () => {
    // Issues read in column order: XWLBM (T) before ZYDM (V) in G2.
    expect(majorIssues('G2', { ZYDM: '109999', ZYMC: '某医学技术', XWLBM: '407', XWLB: '理学学士学位' })).toEqual([
      expect.objectContaining({
        rule: 'major.degreeUnverified',
        severity: 'warning',
        row: 3,
        column: columnOf('G2', 'XWLBM'),
        field: 'XWLBM',
        value: '407',
      }),
      expect.objectContaining({ rule: 'major.unknown', field: 'ZYDM' }),
    ]);
  });

  it('says which degree the 门类 suggests', () => {
    const issue = majorIssues('G3', { ZYDM: '109999', XWLBM: '407', XWLB: '理学学士学位' }).find(
      (found) => found.rule === 'major.degreeUnverified',
    );
    expect(issue?.message).toContain('410 医学学士学位');
    expect(issue?.suggestion).toBeUndefined();
  });

  it('stays quiet when the degree is the 门类’s own', () => {
    expect(majorIssues('G2', { ZYDM: '109999', XWLBM: '410', XWLB: '医学学士学位' }).map((issue) => issue.rule)).toEqual([
      'major.unknown',
    ]);
  });
});

describe('major.nameMismatch', () => {
  it('warns when ZYMC is not the catalogue name and proposes it', () => {
    expect(majorIssues('G2', { ZYMC: '日语（商务方向）' })).toEqual([
      expect.objectContaining({
        rule: 'major.nameMismatch',
        severity: 'warning',
        row: 3,
        column: columnOf('G2', 'ZYMC'),
        field: 'ZYMC',
        value: '日语（商务方向）',
        suggestion: '日语',
      }),
    ]);
  });

  it('points at the code of the name when the name is another major’s', () => {
    const [issue] = majorIssues('G3', { ZYMC: '英语' });
    expect(issue).toMatchObject({ rule: 'major.nameMismatch', field: 'ZYMC', column: columnOf('G3', 'ZYMC'), suggestion: '日语' });
    expect(issue.message).toBe('专业代码 050207 在专业目录中是“日语”，学士学位专业名称填的是“英语”（“英语”的代码是 050201）');
  });

  it('accepts the catalogue name whatever suffix the code was written with', () => {
    expect(majorIssues('G2', { ZYDM: '080904', ZYMC: '信息安全', XWLBM: '408', XWLB: '工学学士学位' })).toEqual([]);
  });
});

describe('major.notOwn', () => {
  const profile = profileWith([
    { code: '050201', name: '英语', degrees: ['405'] },
    { code: '080901', name: '计算机科学与技术', degrees: ['408', '407'] },
  ]);

  it('warns about a catalogue major the profile does not list', () => {
    expect(majorIssues('G2', {}, { profile })).toEqual([
      expect.objectContaining({
        rule: 'major.notOwn',
        severity: 'warning',
        row: 3,
        column: columnOf('G2', 'ZYDM'),
        field: 'ZYDM',
        value: '050207',
      }),
    ]);
  });

  it('accepts the majors the profile lists', () => {
    expect(majorIssues('G3', COMPUTER_SCIENCE, { profile })).toEqual([]);
  });

  it('does not check without a list of the school’s majors', () => {
    expect(majorIssues('G2', {})).toEqual([]);
  });

  it('leaves a major outside the catalogue and the profile to major.unknown', () => {
    const changes = { ZYDM: '089999', XWLBM: '408', XWLB: '工学学士学位' };
    expect(majorIssues('G2', changes, { profile }).map((issue) => issue.rule)).toEqual(['major.unknown']);
  });
});

describe('texts', () => {
  it('has Chinese and English texts for every rule', () => {
    for (const definition of Object.values(majorRules)) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = definition.text[locale];
        expect(text.title && text.why && text.fix).toBeTruthy();
      }
    }
  });

  it('renders English messages', () => {
    const [issue] = majorIssues('G2', { ...PHARMACY, XWLBM: '410', XWLB: '医学学士学位' }, { locale: 'en-US' });
    expect(issue.message).toBe('Major 100701 药学 awards 407 理学学士学位; Degree type code is 410 医学学士学位');
  });
});
