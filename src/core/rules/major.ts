import { MAJORS, majorStem, type MajorEntry } from '../codes/majors';
import { DISCIPLINE_DEGREE } from '../codes/tables/degreeType';
import { MAJOR_CATALOGUE_EDITION } from '../codes/tables/majors';
import { defineRules, type RowCheck, type RowContext, type SheetContext } from './rule';

/**
 * 学士学位专业代码 (ZYDM) against 《普通高等学校本科专业目录》 and the school's own majors: the code's form, whether the
 * catalogue knows it, the 学位类别 the catalogue allows for it, the name it carries and whether the school offers it.
 */
export const majorRules = defineRules({
  'major.format': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '专业代码格式不对',
        why: '专业代码是本科专业目录中的6位数字代码，特设专业带“T”、国家控制布点专业带“K”（如 080904K、030612TK）；格式不对的代码上报系统不认。',
        fix: '按本科专业目录或学籍中的专业代码填写：6位数字，必要时加大写 T/K 后缀，不要写成专业名称或带其他字符。',
        message: (p) =>
          `${p.label}“${p.value}”格式不对：应为6位数字，特设专业加 T、国控专业加 K${p.suggestion ? `，是否应为“${p.suggestion}”` : ''}`,
      },
      'en-US': {
        title: 'Malformed major code',
        why: 'A major code is the 6-digit code of the undergraduate catalogue, with “T” for special majors and “K” for state-controlled ones (080904K, 030612TK); the reporting system rejects other forms.',
        fix: 'Write the code from the catalogue or the student-status record: 6 digits plus an upper-case T/K suffix where the catalogue has one, nothing else.',
        message: (p) =>
          `${p.label} “${p.value}” is malformed: it should be 6 digits, with T for special and K for state-controlled majors${p.suggestion ? `; did you mean “${p.suggestion}”?` : ''}`,
      },
    },
  },
  'major.unknown': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '专业代码不在专业目录中',
        why: '学士学位专业应是本科专业目录内的专业；目录外的代码可能是笔误、旧目录代码或研究生专业代码。',
        fix: '对照学籍和本科专业目录核对专业代码；确属本校经批准的专业（如新目录增设的专业），请在学校配置的专业清单中补充。',
        message: (p) => `${p.label}“${p.value}”不在《普通高等学校本科专业目录（${p.edition}年）》中，也不在学校配置的专业清单中`,
      },
      'en-US': {
        title: 'Major not in the catalogue',
        why: 'A bachelor’s major must be a major of the undergraduate catalogue; a code outside it may be a typo, an old catalogue’s code or a graduate programme’s code.',
        fix: 'Check the code against the student-status record and the catalogue; if the school is approved to run the major (e.g. one added by a newer catalogue), add it to the majors in the school profile.',
        message: (p) => `${p.label} “${p.value}” is neither in the ${p.edition} undergraduate catalogue nor among the school profile’s majors`,
      },
    },
  },
  'major.degreeNotAllowed': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '该专业不能授予此学位类别',
        why: '本科专业目录规定了每个专业可授的学位门类（如药学只授理学学士学位，计算机科学与技术可授工学或理学）；与专业不符的学位类别会被上报系统退回，也会印错证书。',
        fix: '按学校学位评定委员会的授予决议核对学位类别码；专业可授多个门类时，以学校为该专业确定的门类为准。',
        message: (p) =>
          `专业“${p.major}”（${p.code}）只能授予 ${p.allowed}，${p.label}填的是 ${p.value}${p.valueName ? ` ${p.valueName}` : ''}`,
      },
      'en-US': {
        title: 'Degree not allowed for this major',
        why: 'The catalogue fixes the degrees each major may award (药学 awards 理学 only, 计算机科学与技术 工学 or 理学); a degree the major cannot award is sent back by the reporting system and misprints the certificate.',
        fix: 'Check the degree code against the degree committee’s award decision; where a major may award several degrees, use the one the school set for the programme.',
        message: (p) => `Major ${p.code} ${p.major} awards ${p.allowedEn}; ${p.label} is ${p.value}${p.valueName ? ` ${p.valueName}` : ''}`,
      },
    },
  },
  'major.degreeUnverified': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '无法核对专业的学位类别',
        why: '专业不在本工具的专业目录中，只能按代码前两位的门类推断学位类别；学位类别与门类不一致时需要人工确认。',
        fix: '对照本科专业目录中该专业的学位授予门类核对学位类别码；确认无误后，可在学校配置的专业清单中写明该专业可授的学位。',
        message: (p) =>
          `专业代码 ${p.code} 不在专业目录中，按门类（${p.discipline}）应授 ${p.expected} ${p.expectedName}，${p.label}填的是 ${p.value}${p.valueName ? ` ${p.valueName}` : ''}，请确认`,
      },
      'en-US': {
        title: 'Degree cannot be verified for this major',
        why: 'The major is not in the catalogue this tool knows, so the degree can only be inferred from the 门类 (the code’s first two digits); a different degree needs a human check.',
        fix: 'Check the degree against the catalogue entry of the major; once confirmed, list the major and its degrees in the school profile.',
        message: (p) =>
          `Major ${p.code} is not in the catalogue; its 门类 (${p.discipline}) suggests ${p.expected} ${p.expectedName}, but ${p.label} is ${p.value}${p.valueName ? ` ${p.valueName}` : ''}; please confirm`,
      },
    },
  },
  'major.nameMismatch': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '专业名称与专业代码不一致',
        why: '专业名称应与本科专业目录中该代码的名称完全一致；培养方向、校内名称等应写在证书专业名称或备注中。',
        fix: '改为目录中的专业名称（建议值）；若名称正确而代码错了，请改正专业代码。',
        message: (p) =>
          `专业代码 ${p.code} 在专业目录中是“${p.suggestion}”，${p.label}填的是“${p.value}”${p.otherCode ? `（“${p.value}”的代码是 ${p.otherCode}）` : ''}`,
      },
      'en-US': {
        title: 'Major name does not match the code',
        why: 'The major name must be the catalogue’s name for the code, character for character; directions and in-house names belong in the certificate major name or the remarks.',
        fix: 'Use the catalogue’s name (the suggestion); if the name is right and the code is wrong, correct the code instead.',
        message: (p) =>
          `Major code ${p.code} is “${p.suggestion}” in the catalogue, but ${p.label} says “${p.value}”${p.otherCode ? ` (the code of “${p.value}” is ${p.otherCode})` : ''}`,
      },
    },
  },
  'major.notOwn': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '不是本校配置的专业',
        why: '学校配置了本校的专业清单，这条记录的专业不在其中，可能是代码笔误，或是其他学校、其他批次的记录。',
        fix: '核对专业代码；确属本校专业的，请补充到学校配置的专业清单中。',
        message: (p) => `${p.label}“${p.value}”（${p.major}）不在学校配置的本校专业清单中`,
      },
      'en-US': {
        title: 'Not one of the school’s majors',
        why: 'The school profile lists the school’s majors and this one is not among them: a typo, or a record of another school or batch.',
        fix: 'Check the major code; if the school does run the major, add it to the majors in the school profile.',
        message: (p) => `${p.label} “${p.value}” (${p.major}) is not among the majors listed in the school profile`,
      },
    },
  },
});

const MAJOR_CODE = /^\d{6}(T|K|TK)?$/;
/** The catalogue numbers its 100th and later foreign languages with 7 digits (0502100T 语言学). */
const LONG_MAJOR_CODE = /^\d{7}(T|K|TK)?$/;

const digitsOf = (code: string): string => code.replace(/[TK]+$/, '');
/** The stem alone first, then with each suffix the catalogue uses. */
const SUFFIXES = ['', 'T', 'K', 'TK'];

/** Catalogue names → entries, to tell a wrong code from a wrong name. */
const CATALOGUE_BY_NAME: ReadonlyMap<string, MajorEntry> = new Map(MAJORS.map((entry) => [entry.name, entry]));

/**
 * The entry for a major code, whatever T/K suffix the sheet wrote (学信网 drops it). The lookup falls back to the
 * 6-digit stem, which the 7-digit codes share with another major (0502100T and 050210 菲律宾语), so an entry only
 * counts when its digits are the value's digits.
 */
function findMajor(majors: SheetContext['majors'], code: string): MajorEntry | undefined {
  const digits = digitsOf(code);
  const exact = majors.major(code);
  if (exact && digitsOf(exact.code) === digits) return exact;
  for (const suffix of SUFFIXES) {
    const entry = majors.major(digits + suffix);
    if (entry && digitsOf(entry.code) === digits) return entry;
  }
  return undefined;
}

/** A fix for a malformed code: upper-case suffix, stray spaces or dashes, a lost leading zero. */
function formatSuggestion(majors: SheetContext['majors'], value: string): string | undefined {
  const tidy = value.toUpperCase().replace(/[\s\-_.]/g, '');
  for (const candidate of [tidy, `0${tidy}`]) {
    if (!MAJOR_CODE.test(candidate) && !LONG_MAJOR_CODE.test(candidate)) continue;
    const entry = findMajor(majors, candidate);
    if (entry) return entry.code;
  }
  return MAJOR_CODE.test(tidy) ? tidy : undefined;
}

function degreeLabel(row: RowContext, code: string): string {
  const name = row.sheet.codes.degreeType.byCode(code)?.name;
  return name ? `${code} ${name}` : code;
}

function checkDegree(row: RowContext, code: string, entry: MajorEntry | undefined): void {
  const degree = row.get('XWLBM');
  // An empty or unknown degree code is field.required / code.unknown already.
  if (!degree || !row.sheet.codes.degreeType.byCode(degree)) return;
  const valueName = row.sheet.codes.degreeType.byCode(degree)?.name;
  if (entry) {
    if (entry.degrees.includes(degree)) return;
    const allowed = entry.degrees.map((d) => degreeLabel(row, d));
    row.report(
      'major.degreeNotAllowed',
      'XWLBM',
      {
        code: entry.code,
        major: entry.name,
        valueName,
        allowed: allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join('、')}或${allowed[allowed.length - 1]}`,
        allowedEn: allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`,
      },
      entry.degrees.length === 1 ? entry.degrees[0] : undefined,
    );
    return;
  }
  const expected = DISCIPLINE_DEGREE[code.slice(0, 2)];
  if (!expected || expected === degree) return;
  const expectedName = row.sheet.codes.degreeType.byCode(expected)?.name ?? '';
  row.report('major.degreeUnverified', 'XWLBM', {
    code,
    discipline: `${code.slice(0, 2)} ${expectedName.replace(/学士学位$/, '')}`,
    expected,
    expectedName,
    valueName,
  });
}

function checkName(row: RowContext, entry: MajorEntry): void {
  const name = row.get('ZYMC');
  if (!name || name === entry.name) return;
  const other = CATALOGUE_BY_NAME.get(name);
  const otherCode = other && majorStem(other.code) !== majorStem(entry.code) ? other.code : undefined;
  row.report('major.nameMismatch', 'ZYMC', { code: entry.code, suggestion: entry.name, otherCode }, entry.name);
}

export const checkMajor: RowCheck = (row) => {
  const { sheet } = row;
  if (!sheet.has('ZYDM')) return;
  const code = row.get('ZYDM');
  if (!code) return;
  const entry = MAJOR_CODE.test(code) || LONG_MAJOR_CODE.test(code) ? findMajor(sheet.majors, code) : undefined;
  if (!MAJOR_CODE.test(code) && !entry) {
    const suggestion = formatSuggestion(sheet.majors, code);
    row.report('major.format', 'ZYDM', { suggestion }, suggestion);
    return;
  }
  if (!entry) {
    row.report('major.unknown', 'ZYDM', { edition: MAJOR_CATALOGUE_EDITION });
  } else {
    if (sheet.majors.hasOwnMajors && !sheet.majors.isOwnMajor(entry.code)) {
      row.report('major.notOwn', 'ZYDM', { major: entry.name });
    }
    checkName(row, entry);
  }
  checkDegree(row, code, entry);
};
