import fc from 'fast-check';
import type { Generation } from '../model/types';
import { validRecord, type RecordValues } from '../testing/fixtures';
import { makeResidentId, PROVINCE_CODES, residentIdCheckChar, sexCodeOfResidentId } from '../util/residentId';
import { cellOf, familyRunner } from '../testing/ruleHarness';
import { identityRules } from './identity';

const TODAY = '20261128';
const RULE_IDS = new Set(Object.keys(identityRules));

const { run, second } = familyRunner(RULE_IDS);
const at = cellOf;

/** A fictional person's ID with the fields that must agree with it (出生日期, 性别, photo name). */
function person(area: string, birth: string, sequence: number): RecordValues {
  const id = makeResidentId(area, birth, sequence);
  const sex = sexCodeOfResidentId(id);
  return { ZJHM: id, ZP: id, CSRQ: birth, XBM: sex, XB: sex === '1' ? '男' : '女' };
}

/** Replaces the check character so that only the intended defect remains. */
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

/** The first sequence number whose check character is X. */
function sequenceWithX(area: string, birth: string): number {
  for (let sequence = 1; sequence < 1000; sequence++) if (makeResidentId(area, birth, sequence).endsWith('X')) return sequence;
  throw new Error('no X');
}

describe('valid records', () => {
  it.each<Generation>(['G1', 'G2', 'G3'])('raise no identity issue in %s', (generation) => {
    const changes = Array.from({ length: 60 }, () => ({}));
    expect(run(generation, changes)).toEqual([]);
  });

  it('accepts an ID ending in X', () => {
    const birth = '20020315';
    expect(second('G2', person('500101', birth, sequenceWithX('500101', birth)))).toEqual([]);
  });

  it('accepts 港澳台居民居住证 numbers (areas 81, 82, 83) as resident IDs', () => {
    for (const area of ['810000', '820000', '830000']) expect(second('G2', person(area, '20010101', 11))).toEqual([]);
  });
});

describe('id.format', () => {
  it('reports a number one digit short at its cell', () => {
    const short = validRecord(1).ZJHM.slice(0, 17);
    expect(second('G2', { ZJHM: short })).toEqual([
      expect.objectContaining({ rule: 'id.format', severity: 'error', ...at('G2', 'ZJHM'), value: short }),
    ]);
    expect(second('G2', { ZJHM: short })[0].message).toContain('有 17 位');
  });

  it('reports letters inside the number', () => {
    const id = validRecord(1).ZJHM;
    const bad = `${id.slice(0, 10)}O${id.slice(11)}`;
    expect(second('G2', { ZJHM: bad })).toEqual([expect.objectContaining({ rule: 'id.format', field: 'ZJHM' })]);
    expect(second('G2', { ZJHM: bad }, { locale: 'en-US' })[0].message).toContain('not allowed');
  });

  it('proposes the number without the spaces or hyphens typed into it', () => {
    const id = validRecord(1).ZJHM;
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    expect(second('G2', { ZJHM: spaced })).toEqual([expect.objectContaining({ rule: 'id.format', suggestion: id })]);
    expect(second('G2', { ZJHM: `${id.slice(0, 6)}-${id.slice(6)}` })[0].suggestion).toBe(id);
  });

  it('proposes the 18-character form of an old 15-digit number when it agrees with 出生日期', () => {
    const upgraded = makeResidentId('110101', '19790523', 217);
    const old = upgraded.slice(0, 6) + upgraded.slice(8, 17);
    const issues = second('G1', { ZJHM: old, CSRQ: '19790523', XBM: '1' });
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.format', ...at('G1', 'ZJHM'), suggestion: upgraded })]);
    expect(issues[0].message).toContain('15位旧号码');
    // A 15-digit value whose date disagrees with 出生日期 is more likely a truncated number: no suggestion.
    expect(second('G1', { ZJHM: old, CSRQ: '19790524', XBM: '1' })[0].suggestion).toBeUndefined();
  });

  it('checks numbers typed as the resident ID in every generation and spelling of the type', () => {
    const short = '5001012001020200';
    expect(second('G3', { ZJHM: short })).toEqual([expect.objectContaining({ rule: 'id.format', ...at('G3', 'ZJHM') })]);
    expect(second('G3', { ZJHM: short, ZJLX: '身份证' })).toEqual([expect.objectContaining({ rule: 'id.format' })]);
    expect(second('G2', { ZJHM: short, ZJLXM: '1' })).toEqual([expect.objectContaining({ rule: 'id.format' })]);
  });

  it('takes an 18-character number for a resident ID when the type is missing', () => {
    const id = validRecord(1).ZJHM;
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(second('G2', { ZJLXM: '', ZJLX: '', ZJHM: bad })).toEqual([expect.objectContaining({ rule: 'id.checksum' })]);
  });
});

describe('id.lowercaseX', () => {
  const birth = '20011111';
  const id = makeResidentId('500112', birth, sequenceWithX('500112', birth));
  const record = { ...person('500112', birth, sequenceWithX('500112', birth)) };

  it('warns about a lower-case x and proposes the upper-case number', () => {
    const lower = id.toLowerCase();
    expect(second('G2', { ...record, ZJHM: lower })).toEqual([
      expect.objectContaining({ rule: 'id.lowercaseX', severity: 'warning', ...at('G2', 'ZJHM'), value: lower, suggestion: id }),
    ]);
  });

  it('goes on checking the number once upper-cased', () => {
    const wrong = `${id.slice(0, 6)}20011112${id.slice(14)}`.toLowerCase();
    expect(second('G2', { ...record, ZJHM: wrong }).map((issue) => issue.rule)).toEqual(['id.lowercaseX', 'id.checksum']);
  });
});

describe('id.area', () => {
  it.each(['00', '10', '20', '66', '72', '91', '99'])('reports province code %s without a checksum cascade', (area) => {
    const bad = withCheck(`${area}${validRecord(1).ZJHM.slice(2, 17)}`);
    const issues = second('G2', { ZJHM: bad, ZP: bad });
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.area', severity: 'error', ...at('G2', 'ZJHM') })]);
    expect(issues[0].message).toContain(`“${area}”`);
  });

  it('names the digits in English too', () => {
    const bad = withCheck(`99${validRecord(1).ZJHM.slice(2, 17)}`);
    expect(second('G2', { ZJHM: bad }, { locale: 'en-US' })[0].message).toBe(
      `The first two digits “99” of ID number “${bad}” are not a valid province code`,
    );
  });

  it('does not run the cross-field checks on a number with a bad area', () => {
    const bad = withCheck(`99${validRecord(1).ZJHM.slice(2, 17)}`);
    expect(second('G2', { ZJHM: bad, CSRQ: '19990101', XBM: '1' }).map((issue) => issue.rule)).toEqual(['id.area']);
  });
});

describe('id.birthDate', () => {
  it.each([
    ['20010230', '不是真实日期'],
    ['20011301', '不是真实日期'],
    ['20270101', '晚于今天'],
    ['20261129', '晚于今天'],
    ['18991231', '早于1900年'],
  ])('reports the embedded date %s', (birth, words) => {
    const bad = withCheck(`500101${birth}123`);
    const issues = second('G2', { ZJHM: bad, ZP: bad });
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.birthDate', severity: 'error', ...at('G2', 'ZJHM') })]);
    expect(issues[0].message).toBe(`身份证件号码“${bad}”中的出生日期“${birth}”${words}`);
  });

  it('accepts a birth date of today and of 1 January 1900', () => {
    expect(second('G2', person('500101', TODAY, 15)).filter((i) => i.rule === 'id.birthDate')).toEqual([]);
    expect(second('G2', person('500101', '19000101', 15))).toEqual([]);
  });

  it('reports both a bad area and a bad date, but no checksum', () => {
    const bad = withCheck('99010120010230123');
    expect(second('G2', { ZJHM: bad }).map((issue) => issue.rule)).toEqual(['id.area', 'id.birthDate']);
  });
});

describe('id.checksum', () => {
  it('reports a wrong check character and names the expected one', () => {
    const id = validRecord(1).ZJHM;
    const actual = id[17] === '3' ? '4' : '3';
    const bad = id.slice(0, 17) + actual;
    const issues = second('G2', { ZJHM: bad });
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.checksum', severity: 'error', ...at('G2', 'ZJHM'), value: bad })]);
    expect(issues[0].suggestion).toBeUndefined();
    expect(issues[0].message).toBe(`身份证件号码“${bad}”校验码错误：按前17位计算末位应为“${id[17]}”，实际为“${actual}”`);
    expect(second('G2', { ZJHM: bad }, { locale: 'en-US' })[0].message).toContain(`give check character “${id[17]}”`);
  });

  it('does not compare 出生日期 or 性别 with a number that fails its check', () => {
    const id = validRecord(1).ZJHM;
    const bad = `${id.slice(0, 16)}${id[16] === '1' ? '2' : '1'}${id[17]}`;
    expect(second('G2', { ZJHM: bad, CSRQ: '19990101' }).map((issue) => issue.rule)).toEqual(['id.checksum']);
  });
});

describe('id.otherFormat', () => {
  const permit = (code: string, name: string, number: string): RecordValues => ({ ZJLXM: code, ZJLX: name, ZJHM: number, ZP: number });

  it.each([
    ['06', '香港特区护照/身份证明', 'H12345678'],
    ['06', '香港特区护照/身份证明', 'H1234567801'],
    ['07', '澳门特区护照/身份证明', 'M87654321'],
    ['08', '台湾居民来往大陆通行证', '01234567'],
    ['08', '台湾居民来往大陆通行证', '0123456789'],
    ['10', '护照', 'E12345678'],
    ['10', '护照', 'PA1234567'],
    ['99', '其他', 'AB12345'],
  ])('accepts type %s (%s) number %s', (code, name, number) => {
    expect(second('G2', permit(code, name, number))).toEqual([]);
  });

  it.each([
    ['06', '香港特区护照/身份证明', 'H1234567', undefined],
    ['06', '香港特区护照/身份证明', 'A12345678', undefined],
    ['07', '澳门特区护照/身份证明', 'm87654321', 'M87654321'],
    ['06', '香港特区护照/身份证明', 'H 1234 5678', 'H12345678'],
    ['08', '台湾居民来往大陆通行证', '1234567', undefined],
    ['08', '台湾居民来往大陆通行证', 'T0123456', undefined],
  ])('reports type %s (%s) number %s as an error', (code, name, number, suggestion) => {
    const issues = second('G2', permit(code, name, number));
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.otherFormat', severity: 'error', ...at('G2', 'ZJHM') })]);
    expect(issues[0].suggestion).toBe(suggestion);
    expect(issues[0].message).toContain(`不符合“${name}”的号码格式`);
  });

  it.each([
    ['E123', undefined],
    ['e12345678', 'E12345678'],
    ['E1234567/8', undefined],
    ['E123456789012345678', undefined],
  ])('only warns about a passport number %s', (number, suggestion) => {
    const issues = second('G2', permit('10', '护照', number));
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.otherFormat', severity: 'warning', ...at('G2', 'ZJHM') })]);
    expect(issues[0].suggestion).toBe(suggestion);
  });

  it('reads the type from the G3 name column', () => {
    expect(second('G3', { ZJLX: '台湾居民来往大陆通行证', ZJHM: '1234567' })).toEqual([
      expect.objectContaining({ rule: 'id.otherFormat', severity: 'error', ...at('G3', 'ZJHM') }),
    ]);
    expect(second('G3', { ZJLX: '台胞证', ZJHM: '12345678' })).toEqual([]);
  });

  it('describes the expected format in English', () => {
    const [issue] = second('G2', permit('08', '台湾居民来往大陆通行证', '1234567'), { category: '普通', locale: 'en-US' });
    expect(issue.message).toBe('ID number “1234567” does not fit the number format of “台湾居民来往大陆通行证” (expected 8 or 10 digits)');
  });

  it('never applies the resident ID checks to other documents', () => {
    const id = validRecord(1).ZJHM;
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(second('G2', permit('11', '户口簿', bad))).toEqual([]);
    expect(second('G2', { ...permit('10', '护照', 'E12345678'), CSRQ: '19990101', XBM: '2' })).toEqual([]);
  });

  it('checks international students’ passports', () => {
    const issues = second('G2', { ZJLXM: '10', ZJLX: '护照', ZJHM: 'X1' }, { category: '来华留学' });
    expect(issues).toEqual([expect.objectContaining({ rule: 'id.otherFormat', severity: 'warning' })]);
  });
});

describe('id.birthMismatch', () => {
  it('reports 出生日期 that differs from the ID and proposes the ID’s date', () => {
    const record = validRecord(1);
    const issues = second('G2', { CSRQ: '19990101' });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'id.birthMismatch', severity: 'error', ...at('G2', 'CSRQ'), value: '19990101', suggestion: record.CSRQ }),
    ]);
    expect(issues[0].message).toBe(`出生日期“19990101”与身份证件号码中的出生日期“${record.CSRQ}”不一致`);
  });

  it('works in G3 and G1', () => {
    expect(second('G3', { CSRQ: '19990101' })).toEqual([expect.objectContaining({ rule: 'id.birthMismatch', ...at('G3', 'CSRQ') })]);
    expect(second('G1', { CSRQ: '19990101' })).toEqual([expect.objectContaining({ rule: 'id.birthMismatch', ...at('G1', 'CSRQ') })]);
  });

  it('leaves an invalid or empty 出生日期 to the date and required rules', () => {
    expect(second('G2', { CSRQ: '20010231' })).toEqual([]);
    expect(second('G2', { CSRQ: '2001-02-02' })).toEqual([]);
    expect(second('G2', { CSRQ: '' })).toEqual([]);
  });
});

describe('id.sexMismatch', () => {
  it('reports a 性别码 that disagrees with the 17th digit and proposes the right code', () => {
    // validRecord(1) is a woman: an even 17th digit.
    const issues = second('G2', { XBM: '1', XB: '男' });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'id.sexMismatch', severity: 'error', ...at('G2', 'XBM'), value: '1', suggestion: '2' }),
    ]);
    expect(issues[0].message).toBe('性别码“1”与身份证件号码第17位表示的性别“女”不一致');
  });

  it('reads the name in the name-valued G3 and proposes a name', () => {
    expect(second('G3', { XB: '男' })).toEqual([
      expect.objectContaining({ rule: 'id.sexMismatch', ...at('G3', 'XB'), value: '男', suggestion: '女' }),
    ]);
    expect(second('G3', { XB: '男' }, { locale: 'en-US' })[0].message).toBe(
      'Sex “男” disagrees with the 17th digit of ID number, which means female',
    );
  });

  it('falls back to the name column when the code is missing or not a code', () => {
    expect(second('G2', { XBM: '', XB: '男' })).toEqual([expect.objectContaining({ rule: 'id.sexMismatch', field: 'XB' })]);
    expect(second('G2', { XBM: 'F', XB: '男' })).toEqual([expect.objectContaining({ rule: 'id.sexMismatch', field: 'XB' })]);
  });

  it('does not contradict 未说明的性别 or compare with an invalid number', () => {
    expect(second('G2', { XBM: '9', XB: '未说明的性别' })).toEqual([]);
    const id = validRecord(1).ZJHM;
    expect(second('G2', { XBM: '1', ZJHM: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}` }).map((i) => i.rule)).toEqual([
      'id.checksum',
    ]);
  });
});

describe('properties', () => {
  const areas = [...PROVINCE_CODES].map((province) => `${province}0101`);
  const dateArbitrary = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2026, 10, 28)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10).replace(/-/g, ''));
  const idArbitrary = fc.record({
    area: fc.constantFrom(...areas),
    birth: dateArbitrary,
    sequence: fc.integer({ min: 0, max: 999 }),
  });

  it('never flags a generated valid resident ID', () => {
    fc.assert(
      fc.property(idArbitrary, fc.constantFrom<Generation>('G1', 'G2', 'G3'), ({ area, birth, sequence }, generation) => {
        expect(second(generation, person(area, birth, sequence))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  /** Reported at row 3's ID cell and nowhere else. */
  function expectCaught(generation: Generation, record: RecordValues, bad: string): void {
    const issues = second(generation, { ...record, ZJHM: bad });
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatchObject(at(generation, 'ZJHM'));
  }

  it('always reports a single changed character at its row and field', () => {
    fc.assert(
      fc.property(
        idArbitrary,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<Generation>('G2', 'G3'),
        ({ area, birth, sequence }, position, shift, generation) => {
          const record = person(area, birth, sequence);
          const id = record.ZJHM;
          const alphabet = position === 17 ? '0123456789X' : '0123456789';
          const from = alphabet.indexOf(id[position]);
          const replaced = alphabet[(from + shift) % alphabet.length];
          fc.pre(replaced !== id[position]);
          expectCaught(generation, record, id.slice(0, position) + replaced + id.slice(position + 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('always reports two swapped neighbouring digits', () => {
    fc.assert(
      fc.property(idArbitrary, fc.integer({ min: 0, max: 16 }), ({ area, birth, sequence }, position) => {
        const record = person(area, birth, sequence);
        const id = record.ZJHM;
        fc.pre(id[position] !== id[position + 1]);
        const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
        expectCaught('G2', record, swapped);
      }),
      { numRuns: 200 },
    );
  });

  it('always reports a dropped or doubled character', () => {
    fc.assert(
      fc.property(idArbitrary, fc.integer({ min: 0, max: 17 }), fc.boolean(), ({ area, birth, sequence }, position, drop) => {
        const record = person(area, birth, sequence);
        const id = record.ZJHM;
        const bad = drop ? id.slice(0, position) + id.slice(position + 1) : id.slice(0, position + 1) + id.slice(position);
        const issues = second('G2', { ...record, ZJHM: bad });
        expect(issues).toEqual([expect.objectContaining({ rule: 'id.format', ...at('G2', 'ZJHM') })]);
      }),
      { numRuns: 100 },
    );
  });

  it('always reports a 出生日期 or 性别 that disagrees with a valid ID at that field', () => {
    fc.assert(
      fc.property(idArbitrary, dateArbitrary, fc.boolean(), ({ area, birth, sequence }, otherBirth, flipSex) => {
        const record = person(area, birth, sequence);
        fc.pre(otherBirth !== birth || flipSex);
        const change: RecordValues = flipSex
          ? { XBM: record.XBM === '1' ? '2' : '1', XB: record.XB === '男' ? '女' : '男' }
          : { CSRQ: otherBirth };
        const issues = second('G2', { ...record, ...change });
        const field = flipSex ? 'XBM' : 'CSRQ';
        expect(issues).toEqual([
          expect.objectContaining({
            rule: flipSex ? 'id.sexMismatch' : 'id.birthMismatch',
            ...at('G2', field),
            suggestion: flipSex ? record.XBM : record.CSRQ,
          }),
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
