import fc from 'fast-check';
import type { Generation } from '../model/types';
import { DEFAULT_PROFILE, schoolProfileSchema, type SchoolProfile } from '../profile/profile';
import { FIXTURE_UNIT, validRecord, type RecordValues } from '../testing/fixtures';
import { cellOf, familyRunner, type FamilyRunOptions } from '../testing/ruleHarness';
import { makeResidentId } from '../util/residentId';
import { institutionRules } from './institution';

const { run, second: secondIn } = familyRunner(Object.keys(institutionRules));

/** One changed record after a valid one (Excel row 3), G2 unless said otherwise. */
const second = (change: RecordValues, generation: Generation = 'G2', options: FamilyRunOptions = {}) => secondIn(generation, change, options);
const at = (generation: Generation, field: string, record = 1) => cellOf(generation, field, record);

const profileWith = (settings: Partial<SchoolProfile>) => schoolProfileSchema.parse({ ...DEFAULT_PROFILE, ...settings });

describe('valid records', () => {
  it.each(['G1', 'G2', 'G3'] as const)('raise nothing in %s', (generation) => {
    expect(run(generation, [{}, {}, {}])).toEqual([]);
  });

  it('raise nothing when the profile names the signatories they carry', () => {
    const profile = profileWith({ president: FIXTURE_UNIT.president, committeeChair: FIXTURE_UNIT.chair });
    expect(run('G2', [{}, {}], { profile })).toEqual([]);
  });
});

describe('unit.codeMismatch', () => {
  it('reports another unit’s code and proposes the profile’s', () => {
    const [issue, ...rest] = second({ XWSYDWM: '10001' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'unit.codeMismatch', severity: 'error', value: '10001', suggestion: '12608', ...at('G2', 'XWSYDWM') });
    expect(issue.message).toBe('学位授予单位码 10001 不是本单位的代码 12608（重庆外语外事学院）');
  });

  it('follows the profile of another unit', () => {
    const profile = profileWith({ unitCode: '10001', unitName: '某某大学' });
    const issues = run('G3', [{}, {}], { profile });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'unit.codeMismatch', suggestion: '10001', ...at('G3', 'XWSYDWM', 0) }),
      expect.objectContaining({ rule: 'unit.codeMismatch', suggestion: '10001', ...at('G3', 'XWSYDWM', 1) }),
    ]);
  });

  it('skips a code that is not 5 digits (field.digits reports it)', () => {
    expect(second({ XWSYDWM: '1260' })).toEqual([]);
  });
});

describe('unit.nameMismatch', () => {
  it('reports a name other than the profile’s for the profile’s code', () => {
    const [issue] = second({ XWSYDW: '重庆外语外事学校' });
    expect(issue).toMatchObject({
      rule: 'unit.nameMismatch',
      severity: 'error',
      suggestion: '重庆外语外事学院',
      ...at('G2', 'XWSYDW'),
    });
    expect(issue.message).toBe('学位授予单位名称“重庆外语外事学校”与单位码 12608 的名称“重庆外语外事学院”不一致');
  });

  it('is not checked when the code is another unit’s', () => {
    expect(second({ XWSYDWM: '10001', XWSYDW: '某某大学', PYDWM: '10001', PYDW: '某某大学' }).map((i) => i.rule)).toEqual([
      'unit.codeMismatch',
    ]);
  });

  it('works in G1 and G3', () => {
    expect(second({ XWSYDW: '重外' }, 'G1')).toEqual([expect.objectContaining({ rule: 'unit.nameMismatch', ...at('G1', 'XWSYDW') })]);
    expect(second({ XWSYDW: '重外' }, 'G3')).toEqual([expect.objectContaining({ rule: 'unit.nameMismatch', ...at('G3', 'XWSYDW') })]);
  });
});

describe('unit.presidentMismatch and unit.chairMismatch', () => {
  const profile = profileWith({ president: '王校长', committeeChair: '赵主席' });

  it('report names other than the profile’s, proposing them', () => {
    const issues = second({}, 'G2', { profile });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'unit.presidentMismatch', severity: 'error', suggestion: '王校长', ...at('G2', 'XZXM') }),
        expect.objectContaining({ rule: 'unit.chairMismatch', severity: 'error', suggestion: '赵主席', ...at('G2', 'ZXXM') }),
      ]),
    );
    expect(issues.find((i) => i.rule === 'unit.presidentMismatch' && i.row === 3)?.message).toBe(
      '学位授予单位校长姓名“李校长”与学校配置的“王校长”不一致',
    );
  });

  it('accept the profile’s names', () => {
    expect(second({ XZXM: '王校长', ZXXM: '赵主席' }, 'G3', { profile }).filter((i) => i.row === 3)).toEqual([]);
  });

  it('are not checked when the profile does not set them', () => {
    expect(second({ XZXM: '随便谁', ZXXM: '随便谁' })).toEqual([]);
    expect(second({ XZXM: '随便谁' }, 'G2', { profile: profileWith({ committeeChair: '李校长' }) })).toEqual([]);
  });
});

describe('unit.trainingNameMismatch', () => {
  it('warns when the training unit is the awarding unit under another name', () => {
    const [issue] = second({ PYDW: '重外' });
    expect(issue).toMatchObject({
      rule: 'unit.trainingNameMismatch',
      severity: 'warning',
      suggestion: '重庆外语外事学院',
      ...at('G2', 'PYDW'),
    });
    expect(issue.message).toBe('培养单位名称“重外”与培养单位码 12608 对应的名称“重庆外语外事学院”不一致');
  });

  it('compares with the awarding unit’s name when both codes are another unit’s', () => {
    expect(second({ XWSYDWM: '10001', XWSYDW: '某某大学', PYDWM: '10001', PYDW: '某某大学附属学院' })).toEqual([
      expect.objectContaining({ rule: 'unit.codeMismatch' }),
      expect.objectContaining({ rule: 'unit.trainingNameMismatch', suggestion: '某某大学', ...at('G2', 'PYDW') }),
    ]);
  });

  it('does not blame a right training name for a wrong awarding name', () => {
    expect(second({ XWSYDW: '重外' }).map((i) => i.rule)).toEqual(['unit.nameMismatch']);
  });

  it('accepts a different training unit', () => {
    expect(second({ PYDWM: '10635', PYDW: '西南大学' })).toEqual([]);
  });
});

describe('photo.nameMismatch', () => {
  const withX = Array.from({ length: 400 }, (_, i) => i).find((i) => validRecord(i).ZJHM.endsWith('X'))!;

  it('accepts the bare ID number and the ID number with .jpg in any case', () => {
    const id = validRecord(1).ZJHM;
    expect(second({ ZP: id })).toEqual([]);
    expect(second({ ZP: `${id}.jpg` })).toEqual([]);
    expect(second({ ZP: `${id}.JPG` })).toEqual([]);
  });

  it('compares the check character X case-insensitively', () => {
    const id = validRecord(withX).ZJHM;
    expect(run('G2', [{ ZP: id.toLowerCase() }, { ZP: `${id.slice(0, 17)}x.Jpg` }].map((c) => ({ ...c, ZJHM: id })))).toEqual([]);
  });

  it('reports another person’s number and proposes the ID number', () => {
    const [issue] = second({ ZP: validRecord(0).ZJHM });
    expect(issue).toMatchObject({ rule: 'photo.nameMismatch', severity: 'error', suggestion: validRecord(1).ZJHM, ...at('G2', 'ZP') });
    expect(issue.message).toBe(`照片文件名称“${validRecord(0).ZJHM}”与身份证件号码 ${validRecord(1).ZJHM} 不一致`);
  });

  it.each(['photo.jpg', 'ID.png', 'xxx'])('reports the file name %s', (name) => {
    expect(second({ ZP: name })).toEqual([expect.objectContaining({ rule: 'photo.nameMismatch', ...at('G2', 'ZP') })]);
  });

  it('reports other extensions, proposing the bare number', () => {
    const id = validRecord(1).ZJHM;
    expect(second({ ZP: `${id}.png` })).toEqual([expect.objectContaining({ rule: 'photo.nameMismatch', suggestion: id })]);
  });

  it('skips an empty photo name or ID number', () => {
    expect(second({ ZP: '' })).toEqual([]);
    expect(second({ ZJHM: '' })).toEqual([]);
  });

  it('renders an English message', () => {
    expect(second({ ZP: 'a.jpg' }, 'G2', { locale: 'en-US' })[0].message).toBe(
      `Photo file name “a.jpg” does not match the ID number ${validRecord(1).ZJHM}`,
    );
  });
});

describe('rule texts', () => {
  it.each(Object.entries(institutionRules))('%s has Chinese and English texts', (_id, definition) => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const text = definition.text[locale];
      expect(text.title && text.why && text.fix).toBeTruthy();
      expect(text.message({ label: 'L', value: 'V' }).length).toBeGreaterThan(5);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

const hanzi = fc
  .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 2, maxLength: 8 })
  .map((codes) => String.fromCodePoint(...codes));

interface Defect {
  rule: string;
  field: string;
  severity: 'error' | 'warning';
  change: (record: RecordValues, text: string, unit: string) => RecordValues;
}

const SIGNED = profileWith({ president: FIXTURE_UNIT.president, committeeChair: FIXTURE_UNIT.chair });

const DEFECTS: Defect[] = [
  { rule: 'unit.codeMismatch', field: 'XWSYDWM', severity: 'error', change: (_r, _t, unit) => ({ XWSYDWM: unit }) },
  { rule: 'unit.nameMismatch', field: 'XWSYDW', severity: 'error', change: (_r, text) => ({ XWSYDW: text }) },
  { rule: 'unit.presidentMismatch', field: 'XZXM', severity: 'error', change: (_r, text) => ({ XZXM: text }) },
  { rule: 'unit.chairMismatch', field: 'ZXXM', severity: 'error', change: (_r, text) => ({ ZXXM: text }) },
  { rule: 'unit.trainingNameMismatch', field: 'PYDW', severity: 'warning', change: (_r, text) => ({ PYDW: text }) },
  {
    rule: 'photo.nameMismatch',
    field: 'ZP',
    severity: 'error',
    change: (r) => ({ ZP: makeResidentId('110101', '19990101', (Number(r.ZJHM.slice(14, 17)) + 1) % 1000) }),
  },
];

describe('properties', () => {
  const photoStyle = fc.constantFrom('bare', '.jpg', '.JPG', 'lower');
  const photoName = (id: string, style: string) => (style === 'lower' ? id.toLowerCase() : style === 'bare' ? id : id + style);

  it('valid generated rows raise nothing', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.array(photoStyle, { minLength: 1, maxLength: 6 }), (first, styles) => {
        const changes = styles.map((style, i) => ({ ZP: photoName(validRecord(first + i).ZJHM, style) }));
        expect(run('G2', changes, { first, profile: SIGNED })).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a single injected defect is reported at its row and field', () => {
    fc.assert(
      fc.property(
        fc.array(photoStyle, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom(...DEFECTS),
        hanzi,
        fc.integer({ min: 10000, max: 99999 }).filter((unit) => unit !== 12608),
        (styles, target, defect, text, unit) => {
          const index = target % styles.length;
          const changes = styles.map((style, i): RecordValues => {
            const change: RecordValues = { ZP: photoName(validRecord(i).ZJHM, style) };
            return i === index ? { ...change, ...defect.change(validRecord(i), text, String(unit)) } : change;
          });
          fc.pre(changes[index][defect.field] !== validRecord(index)[defect.field]);
          expect(run('G2', changes, { profile: SIGNED })).toEqual([
            expect.objectContaining({ rule: defect.rule, severity: defect.severity, ...at('G2', defect.field, index) }),
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
