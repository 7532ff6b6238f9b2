import fc from 'fast-check';
import type { Category, Generation, Issue, Locale } from '../model/types';
import { type RecordValues } from '../testing/fixtures';
import { cellOf, familyRunner } from '../testing/ruleHarness';
import { personRules } from './person';
import { loadPinyin, type PinyinPort } from './pinyinPort';

const RULE_IDS = new Set(Object.keys(personRules));

let port: PinyinPort;
beforeAll(async () => {
  port = await loadPinyin();
});

interface RunOptions {
  category?: Category;
  locale?: Locale;
  /** Validate with the pinyin dictionary loaded. */
  pinyin?: boolean;
}

const family = familyRunner(RULE_IDS);
const run = (generation: Generation, changes: RecordValues[], options: RunOptions = {}): Issue[] =>
  family.run(generation, changes, { ...options, pinyin: options.pinyin ? port : undefined });
/** One changed record after a valid one, so the defect sits on Excel row 3. */
const second = (generation: Generation, change: RecordValues, options: RunOptions = {}) => run(generation, [{}, change], options);
const withPinyin = (change: RecordValues, options: RunOptions = {}) => second('G2', change, { ...options, pinyin: true });

const at = cellOf;

/** A fictional Uyghur student: ethnic group, name with the middle dot, pinyin. */
const UYGHUR: RecordValues = { MZM: '05', MZ: '维吾尔族', XM: '古丽米热·艾比布力', XMPY: 'Gulimire Aibibuli' };

describe('valid records', () => {
  it.each<Generation>(['G1', 'G2', 'G3'])('raise no name or pinyin issue in %s, with and without the dictionary', (generation) => {
    const changes = Array.from({ length: 200 }, () => ({}));
    expect(run(generation, changes)).toEqual([]);
    expect(run(generation, changes, { pinyin: true })).toEqual([]);
  });

  it.each<Category>(['成人', '来华留学'])('raise no issue for the %s category', (category) => {
    const changes = Array.from({ length: 20 }, () => ({}));
    expect(run('G2', changes, { category, pinyin: true })).toEqual([]);
  });

  it('accept minority names, rare characters and compound surnames', () => {
    for (const change of [
      UYGHUR,
      { MZM: '05', MZ: '维吾尔族', XM: '尼格买提·热合曼', XMPY: 'Nigemaiti Reheman' },
      { MZM: '02', MZ: '蒙古族', XM: '巴特尔', XMPY: 'Bateer' },
      { XM: '欧阳文', XMPY: 'Ouyang Wen' },
      { XM: '司马思远', XMPY: 'Sima Siyuan' },
      { XM: '𠀾明', XMPY: 'Xiao Ming' },
      { XM: '葛曾䮌', XMPY: 'Ge Zengwei' },
    ]) {
      expect(second('G2', change)).toEqual([]);
    }
  });
});

describe('name.invalidChars', () => {
  it('reports a space in a Chinese name and proposes the name without it', () => {
    const issues = second('G2', { XM: '李 小明' });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'name.invalidChars', severity: 'error', ...at('G2', 'XM'), value: '李 小明', suggestion: '李小明' }),
    ]);
    expect(issues[0].message).toBe('姓名“李 小明”含有不允许的字符：空格');
    expect(second('G2', { XM: '李 小明' }, { locale: 'en-US' })[0].message).toBe(
      'Name “李 小明” contains characters that are not allowed: space',
    );
  });

  it('reports Latin letters and digits without a suggestion', () => {
    const issues = second('G2', { XM: 'Li小明2' });
    expect(issues).toEqual([expect.objectContaining({ rule: 'name.invalidChars', ...at('G2', 'XM') })]);
    expect(issues[0].suggestion).toBeUndefined();
    expect(issues[0].message).toBe('姓名“Li小明2”含有不允许的字符：“L”、“i”、“2”');
  });

  it('does not guess where the separator of a long name with spaces belongs', () => {
    const [issue] = second('G2', { ...UYGHUR, XM: '古丽米热 艾比布力' });
    expect(issue).toMatchObject({ rule: 'name.invalidChars', ...at('G2', 'XM') });
    expect(issue.suggestion).toBeUndefined();
  });

  it('applies to the president and the committee chair', () => {
    expect(second('G2', { XZXM: '李 校长' })).toEqual([
      expect.objectContaining({ rule: 'name.invalidChars', ...at('G2', 'XZXM'), suggestion: '李校长' }),
    ]);
    expect(second('G3', { ZXXM: 'Li校长' })).toEqual([expect.objectContaining({ rule: 'name.invalidChars', ...at('G3', 'ZXXM') })]);
  });

  it('applies to 中国 in the name-valued G3 and to an empty country', () => {
    expect(second('G3', { XM: '李小明A' })).toEqual([expect.objectContaining({ rule: 'name.invalidChars', ...at('G3', 'XM') })]);
    expect(second('G2', { XM: '李小明A', GBM: '', GB: '' })).toEqual([expect.objectContaining({ rule: 'name.invalidChars' })]);
  });

  it('leaves foreign and 港澳台 names alone', () => {
    expect(second('G2', { XM: 'John Smith', XMPY: 'JOHN SMITH', GBM: '840', GB: '美国' })).toEqual([]);
    expect(second('G2', { XM: 'CHAN Tai Man 陈大文', XMPY: 'CHAN Tai Man', GBM: '344', GB: '中国香港' })).toEqual([]);
    expect(second('G3', { XM: 'Mary Jane', GB: '中国台湾' })).toEqual([]);
    expect(second('G2', { XM: 'John A. Smith', XMPY: 'John A Smith' }, { category: '来华留学' })).toEqual([]);
  });
});

describe('name.lookalikeDot', () => {
  it.each(['\u2022', '\uFF0E', '.', '\u30FB', '\u2027', '\u25CF', '\u0387', '\uFF65'])(
    'reports %s between the parts of a minority name and proposes U+00B7',
    (dot) => {
      const issues = second('G2', { ...UYGHUR, XM: `古丽米热${dot}艾比布力` });
      expect(issues).toEqual([
        expect.objectContaining({
          rule: 'name.lookalikeDot',
          severity: 'error',
          ...at('G2', 'XM'),
          value: `古丽米热${dot}艾比布力`,
          suggestion: '古丽米热·艾比布力',
        }),
      ]);
    },
  );

  it('names the wrong character and its code point', () => {
    expect(second('G2', { ...UYGHUR, XM: '古丽米热•艾比布力' })[0].message).toBe(
      '姓名“古丽米热•艾比布力”中的“•”(U+2022)不是标准间隔号“·”（U+00B7），应为“古丽米热·艾比布力”',
    );
    expect(second('G2', { ...UYGHUR, XM: '古丽米热.艾比布力' }, { locale: 'en-US' })[0].message).toBe(
      'Name “古丽米热.艾比布力” uses “.”(U+002E) instead of the middle dot “·” (U+00B7); write “古丽米热·艾比布力”',
    );
  });

  it('also applies to Chinese-script names of non-mainland people, but not to Latin names', () => {
    expect(second('G2', { XM: '约翰•史密斯', XMPY: 'JOHN SMITH' }, { category: '来华留学' })).toEqual([
      expect.objectContaining({ rule: 'name.lookalikeDot', suggestion: '约翰·史密斯' }),
    ]);
    expect(second('G2', { XM: 'J. Smith', XMPY: 'J Smith' }, { category: '来华留学' })).toEqual([]);
  });

  it('applies to the president’s name', () => {
    expect(second('G2', { XZXM: '买买提•艾力' })).toEqual([
      expect.objectContaining({ rule: 'name.lookalikeDot', ...at('G2', 'XZXM'), suggestion: '买买提·艾力' }),
    ]);
  });
});

describe('name.dotPlacement', () => {
  it.each([
    ['·古丽米热', '以间隔号开头', '古丽米热'],
    ['古丽米热·', '以间隔号结尾', '古丽米热'],
    ['古丽米热··艾比布力', '含有连续的间隔号', '古丽米热·艾比布力'],
  ])('reports %s', (name, words, suggestion) => {
    const issues = second('G2', { ...UYGHUR, XM: name });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'name.dotPlacement', severity: 'error', ...at('G2', 'XM'), value: name, suggestion }),
    ]);
    expect(issues[0].message).toBe(`姓名“${name}”${words}，应为“${suggestion}”`);
  });

  it('reports a misplaced look-alike as both defects, with one suggestion', () => {
    expect(second('G2', { ...UYGHUR, XM: '古丽米热•' })).toEqual([
      expect.objectContaining({ rule: 'name.lookalikeDot', suggestion: '古丽米热' }),
      expect.objectContaining({ rule: 'name.dotPlacement', suggestion: '古丽米热' }),
    ]);
  });

  it('applies to the committee chair', () => {
    expect(second('G3', { ZXXM: '艾力·' })).toEqual([
      expect.objectContaining({ rule: 'name.dotPlacement', ...at('G3', 'ZXXM'), suggestion: '艾力' }),
    ]);
  });
});

describe('pinyin.format', () => {
  it.each([
    ['li xiaoming', 'case', 'Li Xiaoming'],
    ['LI XIAOMING', 'case', 'Li Xiaoming'],
    ['Li XiaoMing', 'case', 'Li Xiaoming'],
    ['Li Xiao-ming', 'chars', 'Li Xiaoming'],
    ['Lv Hang', 'umlaut', 'Lyu Hang'],
    ['Lü Hang', 'umlaut', 'Lyu Hang'],
    ['lu: hang', 'umlaut', 'Lyu Hang'],
    ['Li Xi‘an', 'chars', "Li Xi'an"],
  ])('warns about %s (%s) and proposes %s', (value, reason, suggestion) => {
    const issues = second('G2', { XMPY: value });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', severity: 'warning', ...at('G2', 'XMPY'), value, suggestion }),
    ]);
    const hints: Record<string, string> = { case: '大小写不规范', chars: '以外的字符', umlaut: 'ü 应写作 yu' };
    expect(issues[0].message).toContain(hints[reason]);
    expect(issues[0].message).toContain(`建议改为“${suggestion}”`);
  });

  it('explains each kind of defect', () => {
    const message = (value: string, locale: Locale = 'zh-CN') => second('G2', { XMPY: value }, { locale })[0].message;
    expect(message('li xiaoming')).toBe('姓名拼音“li xiaoming”大小写不规范，姓和名应各自首字母大写、其余小写，建议改为“Li Xiaoming”');
    expect(message('Lixiaoming')).toBe('姓名拼音“Lixiaoming”分词不规范，姓与名之间应有且只有一个空格，复姓、名字内部不加空格');
    expect(message('Lv Hang')).toBe('姓名拼音“Lv Hang”中的 ü 应写作 yu（如 Lyu、Nyu），建议改为“Lyu Hang”');
    expect(message('Li Xiaoming2')).toBe('姓名拼音“Li Xiaoming2”含有字母、空格和隔音符号（\'）以外的字符');
    expect(message('li xiaoming', 'en-US')).toBe(
      'Name in pinyin “li xiaoming” is not capitalised correctly: surname and given name each start with a capital, the rest is lower case; suggested: “Li Xiaoming”',
    );
  });

  it('accepts passport spellings of ü and both apostrophes', () => {
    for (const [XM, XMPY] of [
      ['吕航', 'Lyu Hang'],
      ['女娜', 'Nyu Na'],
      ['李西安', "Li Xi'an"],
      ['李西安', 'Li Xi’an'],
      ['李西安', 'Li Xian'],
    ]) {
      expect(second('G2', { XM, XMPY })).toEqual([]);
      expect(withPinyin({ XM, XMPY })).toEqual([]);
    }
  });

  it('asks a Han name for surname and given name, but lets minority names be one or several words', () => {
    const [one] = second('G2', { XMPY: 'Li' });
    expect(one).toMatchObject({ rule: 'pinyin.format', ...at('G2', 'XMPY') });
    expect(one.suggestion).toBeUndefined();
    expect(second('G2', { MZM: '02', MZ: '蒙古族', XM: '巴特尔', XMPY: 'Bateer' })).toEqual([]);
    expect(second('G2', { MZM: '02', MZ: '蒙古族', XM: '巴特尔', XMPY: 'bateer' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', suggestion: 'Bateer' }),
    ]);
  });

  it('splits the name with the dictionary: surname, one space, given name', () => {
    expect(withPinyin({ XMPY: 'Lixiaoming' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', ...at('G2', 'XMPY'), suggestion: 'Li Xiaoming' }),
    ]);
    expect(withPinyin({ XMPY: 'Li Xiao Ming' })).toEqual([expect.objectContaining({ rule: 'pinyin.format', suggestion: 'Li Xiaoming' })]);
    expect(withPinyin({ XM: '欧阳文', XMPY: 'Ou Yangwen' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', suggestion: 'Ouyang Wen' }),
    ]);
    expect(withPinyin({ XM: '欧阳文', XMPY: 'ouyang wen' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', suggestion: 'Ouyang Wen' }),
    ]);
    // Several words pass without the dictionary: they may be a minority name.
    expect(second('G2', { XMPY: 'Li Xiao Ming' })).toEqual([]);
  });

  it('does not impose a split on four-character names without a known compound surname', () => {
    expect(withPinyin({ XM: '张李思远', XMPY: 'Zhangli Siyuan' })).toEqual([]);
    expect(withPinyin({ XM: '张李思远', XMPY: 'zhangli siyuan' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', suggestion: 'Zhangli Siyuan' }),
    ]);
  });

  it('with the dictionary, asks for yu where ü was written as u', () => {
    expect(withPinyin({ XM: '吕航', XMPY: 'Lu Hang' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', suggestion: 'Lyu Hang', message: expect.stringContaining('ü 应写作 yu') }),
    ]);
    // 绿 has its own reading lu: nothing to say.
    expect(withPinyin({ XM: '王绿', XMPY: 'Wang Lu' })).toEqual([]);
  });

  it('holds 来华留学 and 港澳台 names to the passport rule', () => {
    const foreign = (XMPY: string) => second('G2', { XMPY }, { category: '来华留学' });
    for (const ok of ['JOHN SMITH', "O'NEIL Mary-Jane", 'José García', 'Smith']) expect(foreign(ok)).toEqual([]);
    const issues = foreign('SMITH, JOHN');
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', severity: 'warning', ...at('G2', 'XMPY', 1, '来华留学') }),
    ]);
    expect(issues[0].message).toBe('姓名拼音“SMITH, JOHN”不是护照姓名的写法，只能含字母、空格、连字符和撇号');
    expect(second('G2', { GBM: '344', GB: '中国香港', XM: '陈大文', XMPY: 'CHAN Tai Man' })).toEqual([]);
    expect(second('G2', { GBM: '344', GB: '中国香港', XM: '陈大文', XMPY: '陈大文' })).toEqual([
      expect.objectContaining({ rule: 'pinyin.format', message: expect.stringContaining('护照') }),
    ]);
  });
});

describe('pinyin.mismatch', () => {
  it('warns when the pinyin does not spell the name and proposes its reading', () => {
    const issues = withPinyin({ XMPY: 'Li Xiaomin' });
    expect(issues).toEqual([
      expect.objectContaining({
        rule: 'pinyin.mismatch',
        severity: 'warning',
        ...at('G2', 'XMPY'),
        value: 'Li Xiaomin',
        suggestion: 'Li Xiaoming',
      }),
    ]);
    expect(issues[0].message).toBe('姓名拼音“Li Xiaomin”与姓名“李小明”的读音不符，可能应为“Li Xiaoming”');
    expect(withPinyin({ XMPY: 'Li Xiaomin' }, { locale: 'en-US' })[0].message).toBe(
      'Name in pinyin “Li Xiaomin” does not spell Name “李小明”; perhaps “Li Xiaoming”',
    );
  });

  it('catches pinyin copied from another student', () => {
    expect(withPinyin({ XMPY: 'Wang Xiaoming' })).toEqual([expect.objectContaining({ rule: 'pinyin.mismatch', suggestion: 'Li Xiaoming' })]);
  });

  it.each([
    ['曾小明', 'Zeng Xiaoming'],
    ['曾小明', 'Ceng Xiaoming'],
    ['单晓红', 'Shan Xiaohong'],
    ['单晓红', 'Dan Xiaohong'],
    ['乐思远', 'Yue Siyuan'],
    ['乐思远', 'Le Siyuan'],
    ['解浩然', 'Xie Haoran'],
    ['吕航', 'LYU HANG'],
    ['吕航', 'Lv Hang'],
    ['朴海燕', 'Piao Haiyan'],
    ['万俟明', 'Moqi Ming'],
  ])('accepts any reading of a polyphonic name: %s %s', (XM, XMPY) => {
    expect(withPinyin({ XM, XMPY }).filter((issue) => issue.rule === 'pinyin.mismatch')).toEqual([]);
  });

  it('proposes surname readings and compound surnames as one word', () => {
    expect(withPinyin({ XM: '曾小明', XMPY: 'Zhang Xiaoming' })[0].suggestion).toBe('Zeng Xiaoming');
    expect(withPinyin({ XM: '单晓红', XMPY: 'Wang Xiaohong' })[0].suggestion).toBe('Shan Xiaohong');
    expect(withPinyin({ XM: '吕航', XMPY: 'Li Hang' })[0].suggestion).toBe('Lyu Hang');
    expect(withPinyin({ XM: '欧阳文', XMPY: 'Ouyang Wei' })[0].suggestion).toBe('Ouyang Wen');
    expect(withPinyin({ XM: '诸葛思远', XMPY: 'Zhuge Siyan' })[0].suggestion).toBe('Zhuge Siyuan');
    expect(withPinyin({ XM: '李西安', XMPY: 'Li Xin' })[0].suggestion).toBe("Li Xi'an");
  });

  it('replaces the format warning rather than adding to it', () => {
    expect(withPinyin({ XMPY: 'li xiaomin' })).toEqual([expect.objectContaining({ rule: 'pinyin.mismatch', suggestion: 'Li Xiaoming' })]);
  });

  it('offers no split for a long minority name', () => {
    const issues = withPinyin({ MZM: '04', MZ: '藏族', XM: '扎西顿珠', XMPY: 'Zhaxi Dunzu' });
    expect(issues).toEqual([expect.objectContaining({ rule: 'pinyin.mismatch', ...at('G2', 'XMPY') })]);
    expect(issues[0].suggestion).toBeUndefined();
    expect(withPinyin({ MZM: '04', MZ: '藏族', XM: '扎西顿珠', XMPY: 'Zhaxi Dunzhu' })).toEqual([]);
  });

  it('is skipped without the dictionary, for names with dots or other characters, and for passport names', () => {
    expect(second('G2', { XMPY: 'Li Xiaomin' })).toEqual([]);
    expect(withPinyin({ ...UYGHUR, XMPY: 'Gulimire Aibibul' })).toEqual([]);
    expect(withPinyin({ XMPY: 'JOHN SMITH', GBM: '840', GB: '美国' })).toEqual([]);
    expect(withPinyin({ XMPY: 'JOHN SMITH' }, { category: '来华留学' })).toEqual([]);
  });
});

describe('loadPinyin', () => {
  it('gives surname readings first, then every other reading', () => {
    expect(port.readings('吕航')).toEqual([['lv'], ['hang']]);
    const [zeng] = port.readings('曾小明');
    expect(zeng[0]).toBe('zeng');
    expect(zeng).toContain('ceng');
    const [shan] = port.readings('单晓红');
    expect(shan[0]).toBe('shan');
    expect(shan).toEqual(expect.arrayContaining(['dan', 'chan']));
    expect(port.readings('万俟明').slice(0, 2).map((r) => r[0])).toEqual(['mo', 'qi']);
  });

  it('lists every reading of a polyphonic given name', () => {
    const [, jie] = port.readings('王解');
    expect(jie).toEqual(expect.arrayContaining(['jie', 'xie']));
    const [, , le] = port.readings('王思乐');
    expect(le).toEqual(expect.arrayContaining(['le', 'yue']));
  });

  it('gives no reading for a dot, Latin letters or a character the dictionary lacks, and stays aligned', () => {
    const readings = port.readings('古丽·A𠀾');
    expect(readings).toHaveLength(5);
    expect(readings[2]).toEqual([]);
    expect(readings[3]).toEqual([]);
    expect(readings[4]).toEqual([]);
    expect(readings[0]).toEqual(['gu']);
  });
});

describe('properties', () => {
  const SURNAMES: [string, string][] = [
    ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['周', 'zhou'],
    ['吴', 'wu'], ['马', 'ma'], ['胡', 'hu'], ['郭', 'guo'], ['林', 'lin'], ['何', 'he'], ['高', 'gao'], ['罗', 'luo'],
    ['欧阳', 'ouyang'], ['司马', 'sima'], ['诸葛', 'zhuge'],
  ];
  /** Characters with a single reading, so that a dropped letter can never spell another reading. */
  const GIVEN: [string, string][] = [
    ['明', 'ming'], ['华', 'hua'], ['文', 'wen'], ['静', 'jing'], ['海', 'hai'], ['燕', 'yan'], ['远', 'yuan'], ['欣', 'xin'],
    ['涵', 'han'], ['浩', 'hao'], ['然', 'ran'], ['佳', 'jia'], ['怡', 'yi'], ['轩', 'xuan'], ['宇', 'yu'], ['安', 'an'],
    ['恩', 'en'], ['鹏', 'peng'], ['芳', 'fang'], ['婷', 'ting'], ['军', 'jun'], ['伟', 'wei'], ['磊', 'lei'], ['杰', 'jie'],
  ];
  const cap = (word: string) => word[0].toUpperCase() + word.slice(1);
  const nameArbitrary = fc
    .tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }))
    .map(([[surname, surnamePinyin], given]) => {
      const givenPinyin = given.map(([, p], k) => (k > 0 && /^[aoe]/.test(p) ? `'${p}` : p)).join('');
      return { XM: surname + given.map(([c]) => c).join(''), XMPY: `${cap(surnamePinyin)} ${cap(givenPinyin)}` };
    });

  it('the single-reading characters really have a single reading', () => {
    for (const [ch, reading] of [...GIVEN, ...SURNAMES.filter(([s]) => s.length === 1)]) expect(port.readings(ch)).toEqual([[reading]]);
  });

  it('never flags a well-formed invented name', () => {
    fc.assert(
      fc.property(nameArbitrary, fc.boolean(), (name, pinyin) => {
        expect(second('G2', name, { pinyin })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('always reports a character slipped into a name at its row and field', () => {
    const intruders = [' ', 'A', 'x', '1', '?', '(', '\u2022', '.', '\uFF0E', '\u30FB', '\u00B7'];
    fc.assert(
      fc.property(
        nameArbitrary,
        fc.constantFrom(...intruders),
        fc.nat(),
        fc.constantFrom('XM', 'XZXM', 'ZXXM'),
        fc.boolean(),
        (name, intruder, at0, field, pinyin) => {
          const base = field === 'XM' ? name.XM : '李校长';
          const chars = [...base];
          const index = at0 % (chars.length + 1);
          const damaged = [...chars.slice(0, index), intruder, ...chars.slice(index)].join('');
          const atEnd = index === 0 || index === chars.length;
          // A true middle dot is only a defect at the ends of a name; a space there is trimmed (cell.whitespace).
          fc.pre(intruder === '\u00B7' ? atEnd : intruder !== ' ' || !atEnd);
          const issues = second('G2', { ...name, [field]: damaged }, { pinyin });
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(issue).toMatchObject({ ...at('G2', field), severity: 'error' });
            expect(issue.rule).toMatch(/^name\./);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('always reports a pinyin whose case was spoilt, proposing the original', () => {
    const spoil = [
      (text: string) => text.toLowerCase(),
      (text: string) => text.toUpperCase(),
      (text: string) => text.replace(/ (\w)/, (_, ch: string) => ` ${ch.toLowerCase()}`),
      (text: string) => text.replace(/^(\w)(\w)/, (_, a: string, b: string) => a + b.toUpperCase()),
    ];
    fc.assert(
      fc.property(nameArbitrary, fc.constantFrom(...spoil), fc.boolean(), (name, damage, pinyin) => {
        const damaged = damage(name.XMPY);
        fc.pre(damaged !== name.XMPY);
        expect(second('G2', { ...name, XMPY: damaged }, { pinyin })).toEqual([
          expect.objectContaining({ rule: 'pinyin.format', ...at('G2', 'XMPY'), severity: 'warning', suggestion: name.XMPY }),
        ]);
      }),
      { numRuns: 150 },
    );
  });

  it('always reports a pinyin with a dropped letter when the dictionary is loaded', () => {
    fc.assert(
      fc.property(nameArbitrary, fc.nat(), (name, at0) => {
        const letters = [...name.XMPY].map((ch, i) => (/[A-Za-z]/.test(ch) ? i : -1)).filter((i) => i >= 0);
        const drop = letters[at0 % letters.length];
        const damaged = name.XMPY.slice(0, drop) + name.XMPY.slice(drop + 1);
        const issues = withPinyin({ ...name, XMPY: damaged });
        expect(issues).toEqual([
          expect.objectContaining({ rule: 'pinyin.mismatch', ...at('G2', 'XMPY'), severity: 'warning', suggestion: name.XMPY }),
        ]);
      }),
      { numRuns: 150 },
    );
  });
});
