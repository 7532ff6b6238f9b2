import fc from 'fast-check';
import type { Category } from '../model/types';
import { DEFAULT_PROFILE, schoolProfileSchema } from '../profile/profile';
import { excelRowOf, type RecordValues } from '../testing/fixtures';
import { cellOf, familyRunner } from '../testing/ruleHarness';
import { datesRules } from './dates';

const TODAY = '20261128';
const RULE_IDS = new Set(Object.keys(datesRules));

const { run, second } = familyRunner(RULE_IDS);
const at = cellOf;

describe('valid records', () => {
  it.each(['G1', 'G2', 'G3'] as const)('raise no date issue in %s', (generation) => {
    expect(run(generation, [{}, {}, {}, {}, {}])).toEqual([]);
  });

  it('raise no date issue in an adult G2 sheet', () => {
    expect(run('G2', [{}, {}, {}], { category: '成人' })).toEqual([]);
  });
});

describe('date.enrolAfterGraduation', () => {
  it('reports 入学年月 equal to 毕业年月 at RXNY', () => {
    expect(second('G2', { RXNY: '202306', BYNY: '202306' })).toEqual([
      expect.objectContaining({ rule: 'date.enrolAfterGraduation', severity: 'error', value: '202306', ...at('G2', 'RXNY') }),
    ]);
  });

  it('reports enrolment after graduation and names both months', () => {
    const [issue] = second('G2', { RXNY: '202309', BYNY: '202306' });
    expect(issue).toMatchObject({ rule: 'date.enrolAfterGraduation', ...at('G2', 'RXNY') });
    expect(issue.message).toBe('入学年月 202309 不早于毕业年月 202306，入学应早于毕业');
    expect(issue.suggestion).toBeUndefined();
  });

  it('does not also report the length of study for reversed months', () => {
    expect(second('G2', { RXNY: '202409', BYNY: '202306' }).map((i) => i.rule)).toEqual(['date.enrolAfterGraduation']);
  });

  it('skips months that failed their own format or are empty', () => {
    expect(second('G2', { RXNY: '2023-09', BYNY: '202306' })).toEqual([]);
    expect(second('G2', { RXNY: '202313', BYNY: '202306' })).toEqual([]);
    expect(second('G2', { RXNY: '202309', BYNY: '' })).toEqual([]);
  });
});

describe('xz.invalid', () => {
  it('is an error when 学制 is not a number', () => {
    expect(second('G2', { XZ: '四年制本科' })).toEqual([
      expect.objectContaining({ rule: 'xz.invalid', severity: 'error', value: '四年制本科', ...at('G2', 'XZ') }),
    ]);
  });

  it.each([
    ['4年', '4'],
    ['4 年', '4'],
    ['四年', '4'],
    ['二年半', '2.5'],
    ['5年制', '5'],
  ])('proposes the number for %s', (value, suggestion) => {
    expect(second('G2', { XZ: value })).toEqual([
      expect.objectContaining({ rule: 'xz.invalid', severity: 'error', suggestion, ...at('G2', 'XZ') }),
    ]);
  });

  it('gives no suggestion for a word it cannot read', () => {
    const [issue] = second('G2', { XZ: 'abc' });
    expect(issue.suggestion).toBeUndefined();
    expect(issue.message).toBe('学制“abc”不是数字，应只填写年数（如 4 或 2.5）');
  });

  it.each(['10', '1', '3.2', '6.5', '0'])('only warns for the unusual number %s', (value) => {
    expect(second('G2', { XZ: value })).toEqual([
      expect.objectContaining({ rule: 'xz.invalid', severity: 'warning', ...at('G2', 'XZ') }),
    ]);
  });

  it('treats 4.0 as 4', () => {
    expect(second('G2', { XZ: '4.0' })).toEqual([]);
  });

  it.each(['1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '5.5', '6', '7', '8'])(
    'accepts %s years with matching months',
    (xz) => {
      const months = Math.round(Number(xz) * 12);
      const graduation = addMonths('201009', months);
      expect(second('G2', { XZ: xz, RXNY: '201009', BYNY: graduation, HXWRQ: `${graduation}28`, CSRQ: '19900101' })).toEqual([]);
    },
  );
});

describe('date.lengthOfStudy', () => {
  it('warns at XZ when the time studied is more than half a year shorter', () => {
    // 201909 → 202306 is 45 months; a 5-year programme needs at least 54.
    expect(second('G2', { XZ: '5' })).toEqual([
      expect.objectContaining({ rule: 'date.lengthOfStudy', severity: 'warning', value: '5', ...at('G2', 'XZ') }),
    ]);
    expect(second('G2', { XZ: '5' })[0].message).toBe('从入学（201909）到毕业（202306）共 45 个月，比学制 5 年少 15 个月');
  });

  it('renders an English message', () => {
    expect(second('G2', { XZ: '5' }, { locale: 'en-US' })[0].message).toBe(
      'Enrolment (201909) to graduation (202306) is 45 months, 15 months shorter than the 5-year length of programme',
    );
  });

  it('accepts up to six months less (boundary)', () => {
    expect(second('G2', { RXNY: '201912', BYNY: '202306' })).toEqual([]); // 42 months for 4 years
    expect(second('G2', { RXNY: '202001', BYNY: '202306' })).toEqual([
      expect.objectContaining({ rule: 'date.lengthOfStudy', ...at('G2', 'XZ') }),
    ]); // 41 months
  });

  it('accepts up to a year more for 普通 and warns beyond', () => {
    expect(second('G2', { RXNY: '201806', BYNY: '202306' })).toEqual([]); // 60 months
    const [issue] = second('G2', { RXNY: '201805', BYNY: '202306' }); // 61 months
    expect(issue).toMatchObject({ rule: 'date.lengthOfStudy', severity: 'warning', ...at('G2', 'XZ') });
    expect(issue.message).toContain('多 13 个月');
  });

  it('lets 成人 study longer but still warns when shorter', () => {
    expect(second('G2', { RXNY: '201503', BYNY: '202306', XZ: '2.5' }, { category: '成人' })).toEqual([]);
    expect(second('G2', { RXNY: '202209', BYNY: '202306', XZ: '2.5' }, { category: '成人' })).toEqual([
      expect.objectContaining({ rule: 'date.lengthOfStudy', ...at('G2', 'XZ', 1, '成人') }),
    ]);
  });

  it('treats 来华留学 like 普通', () => {
    expect(second('G2', { RXNY: '201709', BYNY: '202306' }, { category: '来华留学' })).toEqual([
      expect.objectContaining({ rule: 'date.lengthOfStudy', ...at('G2', 'XZ', 1, '来华留学') }),
    ]);
  });

  it('is not checked against an invalid or unusual 学制', () => {
    expect(second('G2', { XZ: '12' }).map((i) => i.rule)).toEqual(['xz.invalid']);
    expect(second('G2', { XZ: '四' }).map((i) => i.rule)).toEqual(['xz.invalid']);
  });

  it('is not checked in G3, which has no enrolment columns', () => {
    expect(run('G3', [{}, { XZ: '5' }])).toEqual([]);
  });
});

describe('date.awardBeforeGraduation', () => {
  it('reports 获学位日期 in a month before 毕业年月 at HXWRQ', () => {
    const [issue] = second('G2', { HXWRQ: '20230531' });
    expect(issue).toMatchObject({ rule: 'date.awardBeforeGraduation', severity: 'error', value: '20230531', ...at('G2', 'HXWRQ') });
    expect(issue.message).toBe('获学位日期 20230531 早于毕业年月 202306，获学位日期不应早于毕业日期');
  });

  it('accepts an award in the month of graduation', () => {
    expect(second('G2', { HXWRQ: '20230601' })).toEqual([]);
  });

  it.each(['成人', '来华留学'] as const)('applies to %s records too (第九条)', (category) => {
    expect(second('G2', { HXWRQ: '20221220' }, { category })).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'date.awardBeforeGraduation', ...at('G2', 'HXWRQ', 1, category) })]),
    );
  });

  it('applies to G1', () => {
    expect(second('G1', { HXWRQ: '20230101' })).toEqual([expect.objectContaining({ rule: 'date.awardBeforeGraduation', ...at('G1', 'HXWRQ') })]);
  });

  it('skips an invalid award date', () => {
    expect(second('G2', { HXWRQ: '20230230' })).toEqual([]);
    expect(second('G2', { HXWRQ: '2023-05-01' })).toEqual([]);
  });
});

describe('date.awardInFuture', () => {
  it('reports an award after today', () => {
    const [issue] = second('G3', { HXWRQ: '20261129' });
    expect(issue).toMatchObject({ rule: 'date.awardInFuture', severity: 'error', ...at('G3', 'HXWRQ') });
    expect(issue.message).toBe('获学位日期 20261129 晚于今天（20261128）');
  });

  it('accepts an award today', () => {
    expect(second('G3', { HXWRQ: TODAY })).toEqual([]);
  });
});

describe('date.generationMismatch', () => {
  it('warns for a G3 row awarded before 2024-06-01', () => {
    const [issue] = second('G3', { HXWRQ: '20240531' });
    expect(issue).toMatchObject({ rule: 'date.generationMismatch', severity: 'warning', ...at('G3', 'HXWRQ') });
    expect(issue.message).toContain('应使用“2024年6月前模板');
  });

  it('warns for a G2 row awarded from 2024-06-01', () => {
    const [issue] = second('G2', { HXWRQ: '20240601', BYNY: '202406' });
    expect(issue).toMatchObject({ rule: 'date.generationMismatch', severity: 'warning', ...at('G2', 'HXWRQ') });
    expect(issue.message).toContain('应使用“2024年6月起模板');
  });

  it('accepts the boundary dates of each template', () => {
    expect(second('G3', { HXWRQ: '20240601' })).toEqual([]);
    expect(second('G2', { HXWRQ: '20240531', BYNY: '202405' })).toEqual([]);
  });

  it('has no window for the handbook layout G1', () => {
    expect(second('G1', { HXWRQ: '20250620' })).toEqual([]);
  });

  it('says which template to use in English', () => {
    const [issue] = second('G3', { HXWRQ: '20231231' }, { locale: 'en-US' });
    expect(issue.message).toBe(
      'Date the degree was awarded 20231231 is before 20240601: use the “Template until May 2024 (codes + names)”, not the “Template from June 2024 (names + thesis)”',
    );
  });
});

describe('date.outsideWindow', () => {
  const profile = schoolProfileSchema.parse({ ...DEFAULT_PROFILE, reportingWindow: { from: '20230301', to: '20230831' } });

  it('warns for an award outside the profile’s batch window', () => {
    const [issue] = second('G2', { HXWRQ: '20230901' }, { profile });
    expect(issue).toMatchObject({ rule: 'date.outsideWindow', severity: 'warning', ...at('G2', 'HXWRQ') });
    expect(issue.message).toBe('获学位日期 20230901 不在本批次报送时间段 20230301–20230831 内');
    expect(second('G2', { HXWRQ: '20230228', BYNY: '202301', RXNY: '201903' }, { profile })).toEqual([
      expect.objectContaining({ rule: 'date.outsideWindow' }),
    ]);
  });

  it('includes both ends of the window', () => {
    expect(second('G2', { HXWRQ: '20230831' }, { profile })).toEqual([]);
    expect(second('G2', { HXWRQ: '20230301', BYNY: '202303' }, { profile })).toEqual([]);
  });

  it('is not checked without a window', () => {
    expect(second('G2', { HXWRQ: '20200101', BYNY: '201912', RXNY: '201509' })).toEqual([]);
  });
});

describe('date.implausibleAge and date.birthAfterToday', () => {
  it('warns at CSRQ when the graduate was under 16 at the award', () => {
    const [issue] = second('G2', { CSRQ: '20070621' }); // 15 on 20230620
    expect(issue).toMatchObject({ rule: 'date.implausibleAge', severity: 'warning', value: '20070621', ...at('G2', 'CSRQ') });
    expect(issue.message).toBe('按出生日期 20070621，获学位（20230620）时 15 周岁，未满16周岁，请核对');
  });

  it('accepts exactly 16 and exactly 70', () => {
    expect(second('G2', { CSRQ: '20070620' })).toEqual([]);
    expect(second('G2', { CSRQ: '19530620' })).toEqual([]);
  });

  it('warns over 70', () => {
    expect(second('G2', { CSRQ: '19520619' })).toEqual([
      expect.objectContaining({ rule: 'date.implausibleAge', ...at('G2', 'CSRQ') }),
    ]);
  });

  it('says so when the birth is after the award', () => {
    const [issue] = second('G2', { CSRQ: '20240101' });
    expect(issue).toMatchObject({ rule: 'date.implausibleAge', ...at('G2', 'CSRQ') });
    expect(issue.message).toBe('出生日期 20240101 晚于获学位日期 20230620');
  });

  it('is an error for a birth after today, without an age warning', () => {
    const [issue, ...rest] = second('G2', { CSRQ: '20261129' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'date.birthAfterToday', severity: 'error', ...at('G2', 'CSRQ') });
    expect(issue.message).toBe('出生日期 20261129 晚于今天（20261128）');
  });

  it('skips an invalid birth date or award date', () => {
    expect(second('G2', { CSRQ: '20270230' })).toEqual([]);
    expect(second('G2', { CSRQ: '19000101', HXWRQ: '2023' })).toEqual([]);
  });
});

describe('date.examAfterAward', () => {
  it('warns for an adult English exam after the award month, at WYKSNY', () => {
    const [issue] = second('G2', { WYKSNY: '202307' }, { category: '成人' });
    expect(issue).toMatchObject({ rule: 'date.examAfterAward', severity: 'warning', value: '202307', ...at('G2', 'WYKSNY', 1, '成人') });
    expect(issue.message).toBe('通过英语水平考试年月 202307 晚于获学位日期 20230620，成人学士学位应在通过英语考试后授予');
  });

  it('accepts an exam in the month of the award', () => {
    expect(second('G2', { WYKSNY: '202306' }, { category: '成人' })).toEqual([]);
  });

  it('skips an invalid exam month', () => {
    expect(second('G2', { WYKSNY: '2023.7' }, { category: '成人' })).toEqual([]);
  });
});

describe('rule texts', () => {
  it.each(Object.entries(datesRules))('%s has Chinese and English texts', (_id, definition) => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const text = definition.text[locale];
      expect(text.title && text.why && text.fix).toBeTruthy();
      expect(text.message({ label: 'L', value: 'V', age: 10 }).length).toBeGreaterThan(5);
    }
    expect(definition.text['zh-CN'].why).toMatch(/[\u4e00-\u9fff]/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: dates generated within every tolerance raise nothing; one injected defect is found at its cell.

function addMonths(month: string, count: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(4, 6)) - 1 + count;
  return `${Math.floor(total / 12)}${String((total % 12) + 1).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ALLOWED = ['1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '5.5', '6', '7', '8'];

interface Dated {
  XZ: string;
  RXNY: string;
  BYNY: string;
  HXWRQ: string;
  CSRQ: string;
  WYKSNY: string;
}

/** Plausible G2 dates awarded before June 2024: the time studied within tolerance, award after graduation. */
const g2Dates = (adult: boolean) =>
  fc
    .record({
      xz: fc.constantFrom(...ALLOWED),
      enrolYear: fc.integer({ min: 1995, max: 2010 }),
      enrolMonth: fc.constantFrom(3, 9),
      delta: fc.integer({ min: -6, max: adult ? 36 : 12 }),
      awardLag: fc.integer({ min: 0, max: 3 }),
      day: fc.integer({ min: 1, max: 28 }),
      age: fc.integer({ min: 18, max: 60 }),
      birthMonth: fc.integer({ min: 1, max: 12 }),
      examLag: fc.integer({ min: 0, max: 24 }),
    })
    .map(({ xz, enrolYear, enrolMonth, delta, awardLag, day, age, birthMonth, examLag }): Dated => {
      const enrol = `${enrolYear}${pad(enrolMonth)}`;
      const graduation = addMonths(enrol, Math.round(Number(xz) * 12) + delta);
      const awardMonth = addMonths(graduation, awardLag);
      const award = `${awardMonth}${pad(day)}`;
      return {
        XZ: xz,
        RXNY: enrol,
        BYNY: graduation,
        HXWRQ: award,
        CSRQ: `${Number(award.slice(0, 4)) - age}${pad(birthMonth)}${pad(day)}`,
        WYKSNY: adult ? addMonths(awardMonth, -examLag) : '',
      };
    });

/** A G3 award between 2024-06-01 and today. */
const g3Dates = fc
  .record({ offset: fc.integer({ min: 0, max: 910 }), age: fc.integer({ min: 18, max: 60 }) })
  .map(({ offset, age }) => {
    const date = new Date(Date.UTC(2024, 5, 1 + offset)).toISOString().slice(0, 10).replace(/-/g, '');
    return { HXWRQ: date, CSRQ: `${Number(date.slice(0, 4)) - age}0101` } as RecordValues;
  });

interface Defect {
  name: string;
  apply: (dates: Dated) => RecordValues;
  rule: string;
  field: string;
  severity: 'error' | 'warning';
  adultOnly?: boolean;
}

const DEFECTS: Defect[] = [
  { name: 'enrol = graduation', apply: (d) => ({ RXNY: d.BYNY }), rule: 'date.enrolAfterGraduation', field: 'RXNY', severity: 'error' },
  { name: 'XZ with 年', apply: (d) => ({ XZ: `${d.XZ}年` }), rule: 'xz.invalid', field: 'XZ', severity: 'error' },
  { name: 'XZ unusual', apply: () => ({ XZ: '9' }), rule: 'xz.invalid', field: 'XZ', severity: 'warning' },
  {
    name: 'studied too short',
    apply: (d) => ({ RXNY: addMonths(d.BYNY, -(Math.round(Number(d.XZ) * 12) - 7)) }),
    rule: 'date.lengthOfStudy',
    field: 'XZ',
    severity: 'warning',
  },
  {
    name: 'award the month before graduation',
    apply: (d) => ({ HXWRQ: `${addMonths(d.BYNY, -1)}15` }),
    rule: 'date.awardBeforeGraduation',
    field: 'HXWRQ',
    severity: 'error',
  },
  { name: 'award in the future', apply: () => ({ HXWRQ: '20261201' }), rule: 'date.awardInFuture', field: 'HXWRQ', severity: 'error' },
  { name: 'G2 award after May 2024', apply: () => ({ HXWRQ: '20240601' }), rule: 'date.generationMismatch', field: 'HXWRQ', severity: 'warning' },
  { name: 'born after today', apply: () => ({ CSRQ: '20270101' }), rule: 'date.birthAfterToday', field: 'CSRQ', severity: 'error' },
  {
    name: 'born 80 years before the award',
    apply: (d) => ({ CSRQ: `${Number(d.HXWRQ.slice(0, 4)) - 80}0101` }),
    rule: 'date.implausibleAge',
    field: 'CSRQ',
    severity: 'warning',
  },
  {
    name: 'exam after the award',
    apply: (d) => ({ WYKSNY: addMonths(d.HXWRQ.slice(0, 6), 1) }),
    rule: 'date.examAfterAward',
    field: 'WYKSNY',
    severity: 'warning',
    adultOnly: true,
  },
];

describe('properties', () => {
  it('valid generated G2 rows raise no date issue', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(g2Dates(false), { minLength: 1, maxLength: 6 }), fc.array(g2Dates(true), { minLength: 1, maxLength: 6 }), (adult, regular, adults) => {
        const rows = (adult ? adults : regular) as unknown as RecordValues[];
        expect(run('G2', rows, { category: adult ? '成人' : '普通' })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('valid generated G3 rows raise no date issue', () => {
    fc.assert(
      fc.property(fc.array(g3Dates, { minLength: 1, maxLength: 6 }), (rows) => {
        expect(run('G3', rows)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a single injected defect is reported at its row and field', () => {
    const scenario = fc
      .record({
        adult: fc.boolean(),
        defect: fc.constantFrom(...DEFECTS),
        target: fc.nat(),
        rows: fc.array(g2Dates(false), { minLength: 1, maxLength: 5 }),
        adultRows: fc.array(g2Dates(true), { minLength: 1, maxLength: 5 }),
      })
      .map((s) => ({ ...s, adult: s.adult || s.defect.adultOnly === true }));
    fc.assert(
      fc.property(scenario, ({ adult, defect, target, rows, adultRows }) => {
        const dates = adult ? adultRows : rows;
        const index = target % dates.length;
        const changes = dates.map((d, i) => ({ ...d, ...(i === index ? defect.apply(d) : {}) }) as RecordValues);
        const category: Category = adult ? '成人' : '普通';
        const issues = run('G2', changes, { category });
        expect(issues).toContainEqual(
          expect.objectContaining({ rule: defect.rule, severity: defect.severity, ...at('G2', defect.field, index, category) }),
        );
        expect(issues.filter((issue) => issue.row !== excelRowOf(index))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
