import { CHINA_CODE } from '../codes/tables/country';
import { codePointLength, leadingCodePoints } from '../util/text';
import { defineRules, type RowCheck, type RowContext } from './rule';

/** 姓名 (and the president's and chair's names) and 姓名拼音. */
export const personRules = defineRules({
  'name.invalidChars': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '姓名含有不允许的字符',
        why: '中国公民的姓名须与身份证件、学位证书上的汉字完全一致，只能由汉字和少数民族姓名的间隔号“·”组成；空格、字母、数字会使记录与学籍数据比对失败，并被印到证书上。',
        fix: '按身份证件删去空格、字母、数字等字符；少数民族姓名的各部分之间用间隔号“·”（U+00B7）。',
        message: (p) => `${p.label}“${p.value}”含有不允许的字符：${p.chars}`,
      },
      'en-US': {
        title: 'Name contains characters that are not allowed',
        why: "A Chinese citizen's name must equal the Chinese characters on the ID card and the degree certificate: Chinese characters only, plus the separator “·” of minority names. Spaces, letters or digits make the comparison with the student-status records fail and would be printed on the certificate.",
        fix: 'Remove spaces, letters, digits and similar characters as on the ID card; separate the parts of a minority name with the middle dot “·” (U+00B7).',
        message: (p) => `${p.label} “${p.value}” contains characters that are not allowed: ${p.charsEn}`,
      },
    },
  },
  'name.lookalikeDot': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '姓名间隔号用错了字符',
        why: '按民委发〔2016〕33号，少数民族姓名的间隔号统一为“·”（U+00B7）；“•”“．”“.”“・”等形似字符是不同的字符，会使姓名与身份证件、学籍数据不一致。',
        fix: '把形似的点改为间隔号“·”（U+00B7），可采用建议值。',
        message: (p) =>
          `${p.label}“${p.value}”中的${p.dots}不是标准间隔号“·”（U+00B7）${p.suggestion ? `，应为“${p.suggestion}”` : ''}`,
      },
      'en-US': {
        title: 'Wrong character used as the name separator',
        why: 'By national rule (民委发〔2016〕33号) the separator in minority names is “·” (U+00B7); look-alikes such as “•”, “．”, “.” or “・” are different characters and make the name differ from the ID card and the student-status records.',
        fix: 'Replace the look-alike with the middle dot “·” (U+00B7); adopt the suggestion if one is given.',
        message: (p) =>
          `${p.label} “${p.value}” uses ${p.dotsEn} instead of the middle dot “·” (U+00B7)${p.suggestion ? `; write “${p.suggestion}”` : ''}`,
      },
    },
  },
  'name.dotPlacement': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '间隔号位置错误',
        why: '间隔号只用于分隔少数民族姓名的各部分，不能出现在姓名开头、结尾，也不能连用；否则姓名与身份证件不一致。',
        fix: '删去开头、结尾或重复的间隔号，可采用建议值。',
        message: (p) =>
          `${p.label}“${p.value}”${p.reason === 'leading' ? '以间隔号开头' : p.reason === 'trailing' ? '以间隔号结尾' : '含有连续的间隔号'}${p.suggestion ? `，应为“${p.suggestion}”` : ''}`,
      },
      'en-US': {
        title: 'Misplaced name separator',
        why: 'The middle dot only separates the parts of a minority name; it cannot start or end the name or appear twice in a row, or the name differs from the ID card.',
        fix: 'Remove the leading, trailing or repeated dot; adopt the suggestion if one is given.',
        message: (p) =>
          `${p.label} “${p.value}” ${p.reason === 'leading' ? 'starts with a middle dot' : p.reason === 'trailing' ? 'ends with a middle dot' : 'has two middle dots in a row'}${p.suggestion ? `; write “${p.suggestion}”` : ''}`,
      },
    },
  },
  'pinyin.format': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '姓名拼音格式不规范',
        why: '姓名拼音按护照拼写规则填写：姓在前、名在后，中间一个空格，姓和名各自首字母大写、其余小写（复姓、名字内部不加空格），ü 写作 yu（如 Lyu、Nyu）；来华留学生填护照上的姓名。格式不统一会给证书打印和核对带来错误。',
        fix: '按“姓 名”格式改写，如“Wang Xiaoming”“Ouyang Wen”“Lyu Hang”“Li Xi’an”；可采用建议值。',
        message: (p) => {
          const hint =
            p.reason === 'case'
              ? '大小写不规范，姓和名应各自首字母大写、其余小写'
              : p.reason === 'spacing'
                ? '分词不规范，姓与名之间应有且只有一个空格，复姓、名字内部不加空格'
                : p.reason === 'umlaut'
                  ? '中的 ü 应写作 yu（如 Lyu、Nyu）'
                  : p.reason === 'passport'
                    ? '不是护照姓名的写法，只能含字母、空格、连字符和撇号'
                    : '含有字母、空格和隔音符号（\'）以外的字符';
          return `${p.label}“${p.value}”${hint}${p.suggestion ? `，建议改为“${p.suggestion}”` : ''}`;
        },
      },
      'en-US': {
        title: 'Name in pinyin is badly formatted',
        why: 'The pinyin name follows passport spelling: surname, one space, given name, each capitalised with the rest in lower case (no spaces inside a compound surname or a given name), ü written yu (Lyu, Nyu); international students enter the name in their passport. Inconsistent spelling causes errors when certificates are printed and checked.',
        fix: "Rewrite it as “Surname Givenname”, e.g. “Wang Xiaoming”, “Ouyang Wen”, “Lyu Hang”, “Li Xi'an”; adopt the suggestion if one is given.",
        message: (p) => {
          const hint =
            p.reason === 'case'
              ? 'is not capitalised correctly: surname and given name each start with a capital, the rest is lower case'
              : p.reason === 'spacing'
                ? 'is split wrongly: exactly one space between surname and given name, none inside them'
                : p.reason === 'umlaut'
                  ? 'writes ü other than as yu (Lyu, Nyu)'
                  : p.reason === 'passport'
                    ? 'is not written as a passport name: letters, spaces, hyphens and apostrophes only'
                    : "contains characters other than letters, spaces and the syllable apostrophe (')";
          return `${p.label} “${p.value}” ${hint}${p.suggestion ? `; suggested: “${p.suggestion}”` : ''}`;
        },
      },
    },
  },
  'pinyin.mismatch': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '姓名拼音与姓名读音不符',
        why: '姓名拼音应是姓名的汉语拼音；读音对不上，通常是拼音写错或与另一名学生的记录串行。多音字已按任一读音放行，仍不符的需要人工核对。',
        fix: '按姓名的实际读音（以身份证件、护照或学籍材料为准）改正拼音；可参考建议值。',
        message: (p) =>
          `${p.label}“${p.value}”与${p.otherLabel}“${p.name}”的读音不符${p.suggestion ? `，可能应为“${p.suggestion}”` : ''}`,
      },
      'en-US': {
        title: 'Name in pinyin does not spell the name',
        why: 'The pinyin name must spell the Chinese name; a mismatch usually means a typo or a value copied from another student’s row. Every reading of a polyphonic character is accepted, so what remains needs a human check.',
        fix: "Correct the pinyin from the name's actual reading (as in the ID card, passport or student records); the suggestion may help.",
        message: (p) =>
          `${p.label} “${p.value}” does not spell ${p.otherLabel} “${p.name}”${p.suggestion ? `; perhaps “${p.suggestion}”` : ''}`,
      },
    },
  },
});

// ─── names ──────────────────────────────────────────────────────────────────────────────────────────────────────────

const MIDDLE_DOT = '\u00B7';

/** Characters typed in place of the middle dot U+00B7. */
const LOOKALIKE_DOTS =
  /[\u2022\uFF0E\u002E\u30FB\uFF65\u2027\u0387\u2219\u22C5\u25CF\u2024\u2E31\uA78F\u1427\uFE52\u318D\u3002\u2981]/gu;

const HAN = /\p{Script=Han}/u;
const HAN_NAME = /^\p{Script=Han}+(?:\u00B7\p{Script=Han}+)*$/u;
/** Han characters, dots (true and look-alike) and spaces: a Chinese-script name, perhaps badly separated. */
const CHINESE_SCRIPT = /^[\p{Script=Han}\u00B7\s]+$/u;

const CHAR_NAMES: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  ' ': { 'zh-CN': '空格', 'en-US': 'space' },
};

function describeChars(chars: readonly string[], locale: 'zh-CN' | 'en-US'): string {
  const parts = chars.map((ch) => CHAR_NAMES[ch]?.[locale] ?? `“${ch}”`);
  return parts.join(locale === 'zh-CN' ? '、' : ', ');
}

function unique(chars: Iterable<string>): string[] {
  return [...new Set(chars)];
}

/** Look-alike dots mapped to U+00B7, spaces around dots dropped, repeated dots collapsed, end dots trimmed. */
function fixDots(name: string): string {
  return name
    .replace(LOOKALIKE_DOTS, MIDDLE_DOT)
    .replace(/\s*\u00B7\s*/gu, MIDDLE_DOT)
    .replace(/\u00B7{2,}/gu, MIDDLE_DOT)
    .replace(/^\u00B7+|\u00B7+$/gu, '');
}

/** The corrected name when it is a well-formed Chinese-script name; spaces are dropped only from short names. */
function correctedName(name: string): string | undefined {
  let fixed = fixDots(name);
  if (/\s/.test(fixed)) {
    const joined = fixed.replace(/\s+/g, '');
    // In a long name a space may stand for a missing separator; only a short Han name is safe to join.
    if (joined.includes(MIDDLE_DOT) || codePointLength(joined) > 4) return undefined;
    fixed = joined;
  }
  return HAN_NAME.test(fixed) ? fixed : undefined;
}

/** Checks a personal name. `strict`: the name of a Chinese citizen, Han characters and U+00B7 only. */
/** A name of Han characters only: nothing for the name rules to find (the common case, so it is tested first). */
const PLAIN_HAN_NAME = /^\p{Script=Han}+$/u;

function checkName(row: RowContext, field: string, strict: boolean): void {
  if (!row.sheet.has(field)) return;
  const value = row.get(field);
  if (!value || PLAIN_HAN_NAME.test(value)) return;
  const mapped = value.replace(LOOKALIKE_DOTS, MIDDLE_DOT);
  if (strict) {
    const invalid = unique([...mapped].filter((ch) => ch !== MIDDLE_DOT && !HAN.test(ch)));
    if (invalid.length > 0) {
      row.report(
        'name.invalidChars',
        field,
        { chars: describeChars(invalid, 'zh-CN'), charsEn: describeChars(invalid, 'en-US') },
        correctedName(value),
      );
    }
  }
  // The dot rules concern Chinese-script names only: a Latin name's full stop ("John A. Smith") is its own business.
  if (!CHINESE_SCRIPT.test(mapped) || !HAN.test(mapped)) return;
  const suggestion = correctedName(value);
  const lookalikes = unique(value.match(LOOKALIKE_DOTS) ?? []);
  if (lookalikes.length > 0) {
    const show = (ch: string) => `“${ch}”(U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
    row.report(
      'name.lookalikeDot',
      field,
      { dots: lookalikes.map(show).join('、'), dotsEn: lookalikes.map(show).join(', '), suggestion },
      suggestion,
    );
  }
  const dense = mapped.replace(/\s+/g, '');
  const reason = dense.startsWith(MIDDLE_DOT)
    ? 'leading'
    : dense.endsWith(MIDDLE_DOT)
      ? 'trailing'
      : dense.includes(MIDDLE_DOT + MIDDLE_DOT)
        ? 'double'
        : undefined;
  if (reason) row.report('name.dotPlacement', field, { reason, suggestion }, suggestion);
}

// ─── pinyin ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Compound surnames written as one word (欧阳文 → Ouyang Wen). */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕',
  '端木', '独孤', '南宫', '西门', '百里', '呼延', '司空', '澹台', '公冶', '太史', '申屠', '万俟', '闻人', '赫连', '钟离',
  '宗政', '濮阳', '淳于', '单于', '拓跋', '左丘', '东郭', '第五', '羊舌', '乐正', '巫马', '公西', '颛孙', '亓官', '司寇',
]);

/** Pinyin words (capitalised, lower case after, apostrophes only between syllables), separated by single spaces. */
const PINYIN_WORDS = /^[A-Z][a-z]*(?:['’][a-z]+)*(?: [A-Z][a-z]*(?:['’][a-z]+)*)*$/;
/** The same in any letter case. */
const LETTER_WORDS = /^[A-Za-z]+(?:['’][A-Za-z]+)*(?: [A-Za-z]+(?:['’][A-Za-z]+)*)*$/;
/** Passport names: Latin letters, spaces, hyphens and apostrophes. */
const PASSPORT_NAME = /^[\p{Script=Latin}]+(?:[ '’-]+[\p{Script=Latin}]+)*$/u;
const APOSTROPHE_LIKE = /[‘`´′]/g;

type PinyinProblem = 'case' | 'spacing' | 'umlaut' | 'chars';

// Rules run on every row: their regular expressions are made once (a literal in a function is a new object per call).
const UMLAUT_SPELLING = /[üv]|u:/i;
const NOT_PINYIN_CHAR = /[^A-Za-z'’ ]/;
const L_OR_N_UMLAUT = /^[ln]v/;

/** Words of a pinyin name, as split at spaces (two spaces make an empty word). */
function wordCount(value: string): number {
  let count = 1;
  for (let at = value.indexOf(' '); at >= 0; at = value.indexOf(' ', at + 1)) count++;
  return count;
}

/** What is wrong with a mainland pinyin name, or undefined when it is well formed. `minWords`: 2 for Han names. */
function pinyinProblem(value: string, minWords: number): PinyinProblem | undefined {
  if (UMLAUT_SPELLING.test(value)) return 'umlaut';
  if (NOT_PINYIN_CHAR.test(value)) return 'chars';
  if (wordCount(value) < minWords) return 'spacing';
  if (PINYIN_WORDS.test(value)) return undefined;
  return LETTER_WORDS.test(value) ? 'case' : 'chars';
}

/** ü spelt as passports do: lü/lv → lyu, nü/nv → nyu; after j, q, x, y it is plain u. */
function fixUmlaut(text: string): string {
  if (!/[üv:]/i.test(text)) return text;
  return text
    .replace(/u:/gi, 'ü')
    .replace(/([ln])[üv]/gi, '$1yu')
    .replace(/([jqxy])[üv]/gi, '$1u');
}

const capitalise = (word: string) => (word ? word[0].toUpperCase() + word.slice(1) : word);

/** Case, ü, hyphen and apostrophe fixes that keep the user's own split into words. */
function tidyPinyin(value: string): string {
  return value
    .replace(APOSTROPHE_LIKE, "'")
    .split(' ')
    .map((word) => capitalise(fixUmlaut(word.replace(/-/g, '').toLowerCase())))
    .join(' ')
    .replace(/\s*(['’])\s*/g, '$1');
}

interface ReadingMatch {
  /** The reading chosen for each character. */
  readings: string[];
  /** Per character, whether ü was written as a plain u. */
  plainU: boolean[];
  /** Per character, the position in the letters just after its syllable. */
  ends: number[];
}

/** Letters of a pinyin name as compared with readings: lower case, ü as v, no spaces, apostrophes or hyphens. */
function pinyinLetters(value: string): string {
  return value
    .toLowerCase()
    .replace(/u:/g, 'v')
    .replace(/ü/g, 'v')
    .replace(PINYIN_IGNORED_GLOBAL, '');
}

const PINYIN_IGNORED_GLOBAL = /[\s'’‘`´′-]/g;
const PINYIN_IGNORED = /[\s'’‘`´′-]/;

/**
 * Where, in pinyinLetters(value), the first word ends, and how many words there are (words split at spaces): the
 * letters counted as pinyinLetters counts them, without building the strings.
 */
function firstWordEnd(value: string): { end: number; words: number } {
  let letters = 0;
  let end = -1;
  let words = 1;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === ' ') {
      if (words++ === 1) end = letters;
      continue;
    }
    if (PINYIN_IGNORED.test(ch)) continue;
    if ((ch === 'u' || ch === 'U') && value[i + 1] === ':') i++;
    letters++;
  }
  return { end: words === 1 ? letters : end, words };
}

/** A search for readings that spell a name's letters; it becomes the match when one is found. */
interface ReadingSearch extends ReadingMatch {
  letters: string;
  options: readonly (readonly string[])[];
  /** (character, position) pairs that lead nowhere, so that a name with many polyphonic characters stays fast. */
  failed: Set<number> | undefined;
}

/** Finds readings for the characters from `index` on that spell the letters from `position` on. */
function searchFrom(search: ReadingSearch, index: number, position: number): boolean {
  if (index === search.options.length) return position === search.letters.length;
  const key = index * 1024 + position;
  if (search.failed?.has(key)) return false;
  const options = search.options[index];
  // Exact readings first, then ü written as yu (as passports do) or as a plain u.
  for (const reading of options) if (trySpelling(search, index, position, reading, reading, false)) return true;
  for (const reading of options) {
    if (!reading.includes('v')) continue;
    if (trySpelling(search, index, position, reading, reading.replace(/v/g, 'yu'), false)) return true;
    if (trySpelling(search, index, position, reading, reading.replace(/v/g, 'u'), true)) return true;
  }
  (search.failed ??= new Set()).add(key);
  return false;
}

function trySpelling(search: ReadingSearch, index: number, position: number, reading: string, spelling: string, plain: boolean): boolean {
  if (!search.letters.startsWith(spelling, position)) return false;
  search.readings[index] = reading;
  search.plainU[index] = plain;
  search.ends[index] = position + spelling.length;
  return searchFrom(search, index + 1, position + spelling.length);
}

/** Finds, per character, a reading that spells `letters` in order. Runs for every row: plain functions, no closures. */
function matchReadings(letters: string, readings: readonly (readonly string[])[]): ReadingMatch | undefined {
  const length = readings.length;
  const search: ReadingSearch = {
    letters,
    options: readings,
    failed: undefined,
    readings: new Array<string>(length),
    plainU: new Array<boolean>(length),
    ends: new Array<number>(length),
  };
  return searchFrom(search, 0, 0) ? search : undefined;
}

/** 1, or 2 for a compound surname; `count` is the name's length in characters. */
function surnameLength(name: string, count: number): number {
  return count >= 3 && COMPOUND_SURNAMES.has(leadingCodePoints(name, 2)) ? 2 : 1;
}

/** Surname and given name, each one capitalised word, ü as yu, an apostrophe before a/o/e syllables inside a word. */
function formatReadings(readings: readonly string[], surname: number, apostrophe: string): string {
  const word = (syllables: readonly string[]) =>
    capitalise(syllables.map((s, k) => (k > 0 && /^[aoe]/.test(s) ? apostrophe : '') + fixUmlaut(s)).join(''));
  const given = readings.slice(surname);
  return given.length > 0 ? `${word(readings.slice(0, surname))} ${word(given)}` : word(readings);
}

/** Whether the surname/given-name split of a Han name is certain enough to impose (2–3 characters or a compound surname). */
function splitIsKnown(name: string, count: number): boolean {
  return count === 2 || count === 3 || (count === 4 && surnameLength(name, count) === 2);
}

interface PersonFacts {
  /** A Chinese citizen of the mainland (country empty or 中国), not in the 来华留学 category. */
  mainland: boolean;
  /** 汉族, or no ethnic group given. */
  han: boolean;
}

function personFacts(row: RowContext): PersonFacts {
  const { sheet } = row;
  let mainland = sheet.category !== '来华留学';
  if (mainland) {
    const code = row.get('GBM');
    const name = row.get('GB');
    if (code) mainland = code === CHINA_CODE;
    else if (name) mainland = name === '中国' || sheet.codes.country.byName(name)?.entry.code === CHINA_CODE;
  }
  const ethnicity = sheet.codes.ethnicity;
  const mzm = row.get('MZM');
  const mz = row.get('MZ');
  const ethnicCode = mzm
    ? (ethnicity.byCode(mzm) ?? ethnicity.byCode(mzm.padStart(2, '0')))?.code
    : mz
      ? ethnicity.byName(mz)?.entry.code
      : undefined;
  // An unknown ethnic group is code.unknown's business; the name is then held to the Han rule.
  return { mainland, han: ethnicCode === undefined || ethnicCode === '01' };
}

function checkPinyin(row: RowContext, facts: PersonFacts): void {
  if (!row.sheet.has('XMPY')) return;
  const value = row.get('XMPY');
  if (!value) return;
  if (!facts.mainland) {
    // 来华留学 and 港澳台: the name as in the passport or travel permit.
    if (!PASSPORT_NAME.test(value)) row.report('pinyin.format', 'XMPY', { reason: 'passport' });
    return;
  }
  const problem = pinyinProblem(value, facts.han ? 2 : 1);
  const name = row.get('XM');
  const port = row.sheet.pinyin;
  const readings = port && name && PLAIN_HAN_NAME.test(name) ? port.readings(name) : undefined;
  const count = readings ? codePointLength(name) : 0;
  if (readings && readings.length === count && readings.every((options) => options.length > 0)) {
    const apostrophe = value.includes('’') ? '’' : "'";
    const match = matchReadings(pinyinLetters(value), readings);
    if (!match) {
      // A minority name of four or more characters may have no surname at all: no split is offered for it.
      const likely =
        facts.han || count <= 3
          ? formatReadings(
              readings.map((options) => options[0]),
              surnameLength(name, count),
              apostrophe,
            )
          : undefined;
      row.report('pinyin.mismatch', 'XMPY', { otherField: 'XM', name, suggestion: likely }, likely);
      return;
    }
    if (facts.han && splitIsKnown(name, count)) {
      const surname = surnameLength(name, count);
      // Exactly one word boundary, right after the surname's letters.
      const { end, words } = firstWordEnd(value);
      const split = words !== 2 || end !== match.ends[surname - 1];
      let umlautAsU = false;
      for (let i = 0; i < count; i++) if (match.plainU[i] && L_OR_N_UMLAUT.test(match.readings[i])) umlautAsU = true;
      if (problem || split || umlautAsU) {
        const canonical = formatReadings(match.readings, surname, apostrophe);
        const reason = problem && problem !== 'spacing' ? problem : split ? 'spacing' : umlautAsU ? 'umlaut' : problem;
        row.report('pinyin.format', 'XMPY', { reason, suggestion: canonical }, canonical);
      }
      return;
    }
  }
  if (!problem) return;
  const tidy = tidyPinyin(value);
  const suggestion = tidy !== value && !pinyinProblem(tidy, facts.han ? 2 : 1) ? tidy : undefined;
  row.report('pinyin.format', 'XMPY', { reason: problem, suggestion }, suggestion);
}

export const checkPerson: RowCheck = (row) => {
  const facts = personFacts(row);
  checkName(row, 'XM', facts.mainland);
  // The president and the committee chair sign a Chinese certificate: their names are checked on every sheet.
  checkName(row, 'XZXM', true);
  checkName(row, 'ZXXM', true);
  checkPinyin(row, facts);
};
