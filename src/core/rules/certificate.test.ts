import fc from 'fast-check';
import type { Generation, Issue, Locale } from '../model/types';
import { excelRowOf, gridFromRecords, validRecord, type RecordValues } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { validateWorkbook } from '../validate';
import { certificateRules } from './certificate';

const TODAY = '20261128';
const RULE_IDS = new Set(Object.keys(certificateRules));

function run(generation: Generation, changes: RecordValues[], locale?: Locale): Issue[] {
  const records = changes.map((change, i) => ({ ...validRecord(i, generation), ...change }));
  const result = validateWorkbook([gridFromRecords(generation, records)], { today: TODAY, locale });
  if (!result.ok) throw new Error(result.reason);
  return result.report.issues.filter((issue) => RULE_IDS.has(issue.rule));
}

const second = (change: RecordValues, generation: Generation = 'G2', locale?: Locale) => run(generation, [{}, change], locale);

function at(generation: Generation, record = 1) {
  const index = templateColumns(generation, '普通').findIndex((column) => column.code === 'XWZSBH');
  return { row: excelRowOf(record), column: columnLetter(index), field: 'XWZSBH' };
}

/** A record awarded before 2008 (dates moved back so that no other family objects). */
const legacy = (XWZSBH: string, HXWRQ = '20070620'): RecordValues => ({ XWZSBH, HXWRQ, BYNY: '200706', RXNY: '200309', CSRQ: '19850101' });

describe('valid certificate numbers', () => {
  it.each(['G1', 'G2', 'G3'] as const)('raise nothing in %s', (generation) => {
    expect(run(generation, [{}, {}, {}, {}])).toEqual([]);
  });

  it('accept any six unit-defined digits, including a 9 for adult degrees', () => {
    expect(second({ XWZSBH: '1260842023900017' })).toEqual([]);
  });

  it('skip an empty number (field.required reports it)', () => {
    expect(second({ XWZSBH: '' })).toEqual([]);
  });
});

describe('cert.format', () => {
  it('reports a number of the wrong length without a guess', () => {
    const [issue, ...rest] = second({ XWZSBH: '126084202300001' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'cert.format', severity: 'error', value: '126084202300001', ...at('G2') });
    expect(issue.suggestion).toBeUndefined();
    expect(issue.message).toBe('学位证书编号“126084202300001”应为16位数字，实际为 15 位');
  });

  it.each([
    ['12608-4-2023-000002', '1260842023000002'],
    ['12608 4 2023 000002', '1260842023000002'],
    ['1260842023.000002', '1260842023000002'],
  ])('proposes %s without its separators', (value, suggestion) => {
    expect(second({ XWZSBH: value })).toEqual([expect.objectContaining({ rule: 'cert.format', suggestion, ...at('G2') })]);
  });

  it('reports letters in a number', () => {
    const [issue] = second({ XWZSBH: '12608420230000AB' });
    expect(issue).toMatchObject({ rule: 'cert.format', ...at('G2') });
    expect(issue.message).toBe('学位证书编号“12608420230000AB”应为16位数字，实际含非数字字符，共 16 个字符');
  });

  it('rejects the lettered pre-2008 form for a degree awarded from 2008', () => {
    const [issue, ...rest] = second({ XWZSBH: 'C1260842023000002' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'cert.format', severity: 'error', ...at('G2') });
    expect(issue.message).toBe('学位证书编号“C1260842023000002”是2008年前带字母的旧式编号，但学位授予于 2023 年，应为16位数字');
  });

  it('renders an English message', () => {
    expect(second({ XWZSBH: '12345' }, 'G2', 'en-US')[0].message).toBe(
      'Degree certificate number “12345” must be 16 digits, found 5 characters',
    );
  });
});

describe('cert.legacy', () => {
  it.each(['C1260842007000002', 'C1260842007Z00002', '1260842007S00002', '1260842007E00002', 'Z1260842007000002'])(
    'only warns for the pre-2008 number %s',
    (number) => {
      expect(run('G1', [{}, legacy(number)])).toEqual([
        expect.objectContaining({ rule: 'cert.legacy', severity: 'warning', value: number, ...at('G1') }),
      ]);
    },
  );

  it('uses the year inside the number when the award date is unusable', () => {
    expect(run('G1', [{}, legacy('C1260842006000002', '2006')])).toEqual([expect.objectContaining({ rule: 'cert.legacy' })]);
    expect(run('G1', [{}, legacy('C1260842009000002', '2009')])).toEqual([expect.objectContaining({ rule: 'cert.format' })]);
  });

  it('still checks the unit and year inside a legacy number, keeping its prefix in the suggestion', () => {
    const issues = run('G1', [{}, legacy('C1260842006000002')]);
    expect(issues.map((i) => i.rule)).toEqual(['cert.legacy', 'cert.yearMismatch']);
    expect(issues[1].suggestion).toBe('C1260842007000002');
  });

  it('does not treat a plain 16-digit pre-2008 number as legacy', () => {
    expect(run('G1', [{}, legacy('1260842007000002')])).toEqual([]);
  });
});

describe('cert.unitMismatch', () => {
  it('reports a number of another unit and proposes the profile unit', () => {
    const [issue, ...rest] = second({ XWZSBH: '1000142023000002' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'cert.unitMismatch', severity: 'error', suggestion: '1260842023000002', ...at('G2') });
    expect(issue.message).toBe('学位证书编号“1000142023000002”的前5位 10001 与学位授予单位码 12608 不一致');
  });

  it('compares with the row’s unit code but proposes nothing when that code is not the profile’s', () => {
    const [issue] = second({ XWSYDWM: '10001', XWZSBH: '1260842023000002' });
    expect(issue).toMatchObject({ rule: 'cert.unitMismatch', ...at('G2') });
    expect(issue.suggestion).toBeUndefined();
  });

  it('is not checked against an invalid unit code', () => {
    expect(second({ XWSYDWM: '1260', XWZSBH: '1000142023000002' })).toEqual([]);
  });

  it('works in G3', () => {
    expect(second({ XWZSBH: '1000142025000002' }, 'G3')).toEqual([
      expect.objectContaining({ rule: 'cert.unitMismatch', suggestion: '1260842025000002', ...at('G3') }),
    ]);
  });
});

describe('cert.level', () => {
  it('reports a level digit other than 4 and proposes 4', () => {
    const [issue] = second({ XWZSBH: '1260832023000002' });
    expect(issue).toMatchObject({ rule: 'cert.level', severity: 'error', suggestion: '1260842023000002', ...at('G2') });
    expect(issue.message).toBe('学位证书编号“1260832023000002”第6位是 3，学士学位应为 4');
  });
});

describe('cert.yearMismatch', () => {
  it('reports a year other than the award year and proposes it', () => {
    const [issue] = second({ XWZSBH: '1260842022000002' });
    expect(issue).toMatchObject({ rule: 'cert.yearMismatch', severity: 'error', suggestion: '1260842023000002', ...at('G2') });
    expect(issue.message).toBe('学位证书编号“1260842022000002”中的年份 2022 与获学位日期 20230620 的年份 2023 不一致');
  });

  it('is not checked against an invalid award date', () => {
    expect(second({ XWZSBH: '1260842022000002', HXWRQ: '2023-06-20' })).toEqual([]);
  });
});

describe('several defects in one number', () => {
  it('reports each, all proposing the one fully corrected number', () => {
    const issues = second({ XWZSBH: '1000132019123456' });
    expect(issues.map((i) => i.rule)).toEqual(['cert.unitMismatch', 'cert.level', 'cert.yearMismatch']);
    for (const issue of issues) expect(issue).toMatchObject({ suggestion: '1260842023123456', ...at('G2') });
  });
});

describe('rule texts', () => {
  it.each(Object.entries(certificateRules))('%s has Chinese and English texts', (_id, definition) => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const text = definition.text[locale];
      expect(text.title && text.why && text.fix).toBeTruthy();
      expect(text.message({ label: 'L', value: 'V' }).length).toBeGreaterThan(5);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

interface Defect {
  rule: string;
  /** A defective number made from a valid one; a draw that changes nothing is skipped. */
  make: (valid: string, pick: number, other: string) => string;
}

const DEFECTS: Defect[] = [
  { rule: 'cert.unitMismatch', make: (v, _p, other) => other + v.slice(5) },
  { rule: 'cert.level', make: (v, pick) => `${v.slice(0, 5)}${[0, 1, 2, 3, 5, 6, 7, 8, 9][pick % 9]}${v.slice(6)}` },
  { rule: 'cert.yearMismatch', make: (v, pick) => `${v.slice(0, 6)}${2008 + (pick % 15)}${v.slice(10)}` },
  { rule: 'cert.format', make: (v, pick) => v.slice(0, pick % 16) + v.slice((pick % 16) + 1) },
  { rule: 'cert.format', make: (v, pick) => `${v.slice(0, pick % 16)}A${v.slice((pick % 16) + 1)}` },
];

describe('properties', () => {
  const rows = fc.array(digits(6), { minLength: 1, maxLength: 6 });

  it('valid generated numbers raise nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom<Generation>('G1', 'G2', 'G3'), rows, (generation, serials) => {
        const year = validRecord(0, generation).HXWRQ.slice(0, 4);
        expect(run(generation, serials.map((serial) => ({ XWZSBH: `126084${year}${serial}` })))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a single injected defect is reported at its row and field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Generation>('G1', 'G2', 'G3'),
        rows,
        fc.nat(),
        fc.constantFrom(...DEFECTS),
        fc.nat(),
        digits(5).filter((unit) => unit !== '12608'),
        (generation, serials, target, defect, pick, otherUnit) => {
          const year = validRecord(0, generation).HXWRQ.slice(0, 4);
          const index = target % serials.length;
          const valid = serials.map((serial) => `126084${year}${serial}`);
          const broken = defect.make(valid[index], pick, otherUnit);
          fc.pre(broken !== valid[index]);
          const changes = valid.map((number, i) => ({ XWZSBH: i === index ? broken : number }));
          const issues = run(generation, changes);
          expect(issues).toEqual([expect.objectContaining({ rule: defect.rule, value: broken, ...at(generation, index) })]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
