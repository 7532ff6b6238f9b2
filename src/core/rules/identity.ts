import { RESIDENT_ID_CODE } from '../codes/tables/idType';
import type { Severity } from '../model/types';
import { isRealDate } from '../util/dates';
import { birthDateOfResidentId, PROVINCE_CODES, residentIdCheckChar, sexCodeOfResidentId } from '../util/residentId';
import { codePointLength } from '../util/text';
import { defineRules, type RowCheck, type RowContext } from './rule';

/**
 * Number formats of the document types other than the resident ID card, by 身份证件类型码. The national table
 * after `01` is inferred (codes/tables/idType.ts), so only the travel permits, whose formats are published, are
 * errors; the rest only warn. Types not listed fall back to OTHER_ID_FALLBACK.
 */
interface OtherIdFormat {
  types: readonly string[];
  pattern: RegExp;
  severity: Severity;
  /** What a valid number looks like, for the message. */
  format: { 'zh-CN': string; 'en-US': string };
}

export const OTHER_ID_FORMATS: readonly OtherIdFormat[] = [
  {
    // 港澳居民来往内地通行证: H (香港) or M (澳门), 8 digits, and a 2-digit issue count on older cards.
    types: ['06', '07'],
    pattern: /^[HM]\d{8}(\d{2})?$/,
    severity: 'error',
    format: { 'zh-CN': 'H或M加8位数字（旧版另加2位换证次数）', 'en-US': 'H or M followed by 8 digits (older cards: 10)' },
  },
  {
    // 台湾居民来往大陆通行证: 8 digits, older cards 10.
    types: ['08'],
    pattern: /^\d{8}(\d{2})?$/,
    severity: 'error',
    format: { 'zh-CN': '8位或10位数字', 'en-US': '8 or 10 digits' },
  },
  {
    // 外国人永久居留身份证: 3 letters + 12 digits (2004 card) or 18 digits starting with 9 (2023 card).
    types: ['09'],
    pattern: /^([A-Z]{3}\d{12}|9\d{17})$/,
    severity: 'warning',
    format: { 'zh-CN': '3位字母加12位数字，或以9开头的18位数字', 'en-US': '3 letters and 12 digits, or 18 digits starting with 9' },
  },
  {
    // 户口簿: the holder's resident ID number.
    types: ['11'],
    pattern: /^\d{17}[\dX]$/,
    severity: 'warning',
    format: { 'zh-CN': '18位居民身份证号码', 'en-US': 'an 18-character resident ID number' },
  },
];

/** Passports and every other document type: upper-case letters and digits, 5 to 17 characters. */
export const OTHER_ID_FALLBACK: Omit<OtherIdFormat, 'types'> = {
  pattern: /^[A-Z0-9]{5,17}$/,
  severity: 'warning',
  format: { 'zh-CN': '5–17位大写字母或数字', 'en-US': '5 to 17 upper-case letters or digits' },
};

const RESIDENT_ID = /^\d{17}[\dX]$/;

/** Resident ID number (GB 11643), other document numbers, and their agreement with 出生日期 and 性别. */
export const identityRules = defineRules({
  'id.format': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '居民身份证号码格式错误',
        why: '居民身份证号码必须是18位（17位数字加1位数字或X）；格式错误的号码无法通过学位系统与学籍、学历数据的比对，记录会被退回。',
        fix: '按身份证原件重新录入18位号码；15位旧号码应换成18位新号码（可采用建议值）。',
        message: (p) =>
          p.reason === 'old15'
            ? `${p.label}“${p.value}”是15位旧号码，应填18位号码${p.suggestion ? `“${p.suggestion}”` : ''}`
            : p.reason === 'length'
              ? `${p.label}“${p.value}”有 ${p.length} 位，居民身份证号码应为18位`
              : `${p.label}“${p.value}”含有不允许的字符，应为17位数字加1位数字或X`,
      },
      'en-US': {
        title: 'Malformed resident ID number',
        why: 'A resident ID number has 18 characters (17 digits and a digit or X); a malformed number cannot be matched with the student-status and graduation records, and the record is sent back.',
        fix: 'Re-enter the 18-character number from the ID card; replace an old 15-digit number with its 18-character form (the suggestion).',
        message: (p) =>
          p.reason === 'old15'
            ? `${p.label} “${p.value}” is an old 15-digit number; enter the 18-character number${p.suggestion ? ` “${p.suggestion}”` : ''}`
            : p.reason === 'length'
              ? `${p.label} “${p.value}” has ${p.length} characters; a resident ID number has 18`
              : `${p.label} “${p.value}” contains characters that are not allowed; expected 17 digits and a digit or X`,
      },
    },
  },
  'id.lowercaseX': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '校验码 x 应为大写',
        why: '国家标准规定居民身份证号码末位校验码写作大写 X；小写 x 可能在比对时被判为不同的号码。',
        fix: '把末位的小写 x 改为大写 X（采用建议值）。',
        message: (p) => `${p.label}“${p.value}”末位是小写 x，应写作大写“${p.suggestion}”`,
      },
      'en-US': {
        title: 'Check character x must be upper case',
        why: 'The national standard writes the final check character as an upper-case X; a lower-case x may fail to match the same number elsewhere.',
        fix: 'Change the final x to X (adopt the suggestion).',
        message: (p) => `${p.label} “${p.value}” ends in a lower-case x; write “${p.suggestion}”`,
      },
    },
  },
  'id.area': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '身份证号码地区码无效',
        why: '居民身份证号码前两位是省级行政区划代码；不存在的代码说明号码录入有误，记录将无法与学籍数据比对。',
        fix: '按身份证原件核对号码前6位并改正。',
        message: (p) => `${p.label}“${p.value}”的前两位“${p.area}”不是有效的省级行政区划代码`,
      },
      'en-US': {
        title: 'Invalid area code in the ID number',
        why: 'The first two digits of a resident ID number are a province code; a code that does not exist means the number was mistyped and will not match the student-status records.',
        fix: 'Check the first six digits against the ID card and correct them.',
        message: (p) => `The first two digits “${p.area}” of ${p.label} “${p.value}” are not a valid province code`,
      },
    },
  },
  'id.birthDate': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '身份证号码中的出生日期无效',
        why: '居民身份证号码第7–14位是出生日期；不是真实日期（或晚于今天、早于1900年）说明号码录入有误。',
        fix: '按身份证原件核对号码第7–14位并改正。',
        message: (p) =>
          p.reason === 'future'
            ? `${p.label}“${p.value}”中的出生日期“${p.birth}”晚于今天`
            : p.reason === 'tooEarly'
              ? `${p.label}“${p.value}”中的出生日期“${p.birth}”早于1900年`
              : `${p.label}“${p.value}”中的出生日期“${p.birth}”不是真实日期`,
      },
      'en-US': {
        title: 'Invalid date of birth in the ID number',
        why: 'Characters 7 to 14 of a resident ID number are the date of birth; a date that does not exist (or lies in the future or before 1900) means the number was mistyped.',
        fix: 'Check characters 7 to 14 against the ID card and correct them.',
        message: (p) =>
          p.reason === 'future'
            ? `The date of birth “${p.birth}” in ${p.label} “${p.value}” is in the future`
            : p.reason === 'tooEarly'
              ? `The date of birth “${p.birth}” in ${p.label} “${p.value}” is before 1900`
              : `The date of birth “${p.birth}” in ${p.label} “${p.value}” is not a real date`,
      },
    },
  },
  'id.checksum': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '身份证号码校验码错误',
        why: '居民身份证号码末位是按前17位计算的校验码；校验不通过说明号码中至少有一位录入错误，记录将无法与学籍、学历数据比对。',
        fix: '按身份证原件逐位核对全部18位；错误也可能在前17位，不要只改末位。',
        message: (p) => `${p.label}“${p.value}”校验码错误：按前17位计算末位应为“${p.expected}”，实际为“${p.actual}”`,
      },
      'en-US': {
        title: 'Wrong check character in the ID number',
        why: 'The last character of a resident ID number is computed from the first 17; a failed check means at least one character was mistyped and the record will not match the student-status and graduation records.',
        fix: 'Check all 18 characters against the ID card; the error may be in the first 17, so do not just change the last one.',
        message: (p) =>
          `${p.label} “${p.value}” fails its check: the first 17 digits give check character “${p.expected}”, found “${p.actual}”`,
      },
    },
  },
  'id.otherFormat': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '证件号码与证件类型不符',
        why: '港澳台居民通行证、护照等证件号码有固定格式；不符合格式通常是证件类型选错或号码录入有误。',
        fix: '核对证件类型，并按证件原件重新录入号码（不含空格、括号和连字符）。',
        message: (p) => `${p.label}“${p.value}”不符合“${p.idType}”的号码格式（应为${p.format}）`,
      },
      'en-US': {
        title: 'Number does not fit the document type',
        why: 'Travel-permit and passport numbers have fixed formats; a number that does not fit usually means the wrong document type was chosen or the number was mistyped.',
        fix: 'Check the document type and re-enter the number from the document, without spaces, brackets or hyphens.',
        message: (p) => `${p.label} “${p.value}” does not fit the number format of “${p.idType}” (expected ${p.formatEn})`,
      },
    },
  },
  'id.birthMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '出生日期与身份证号码不一致',
        why: '出生日期必须与身份证件一致；学位系统与学籍数据比对时会发现不一致并退回记录。',
        fix: '以身份证原件为准改正出生日期（建议值取自身份证号码）；若身份证号码有误，则改正号码。',
        message: (p) => `${p.label}“${p.value}”与${p.otherLabel}中的出生日期“${p.suggestion}”不一致`,
      },
      'en-US': {
        title: 'Date of birth disagrees with the ID number',
        why: 'The date of birth must equal the one on the ID document; the comparison with the student-status records finds the difference and sends the record back.',
        fix: 'Correct the date of birth from the ID card (the suggestion is taken from the ID number); if the ID number is wrong, correct it instead.',
        message: (p) => `${p.label} “${p.value}” disagrees with the date of birth “${p.suggestion}” in ${p.otherLabel}`,
      },
    },
  },
  'id.sexMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '性别与身份证号码不一致',
        why: '居民身份证号码第17位奇数为男、偶数为女；性别与号码不一致，说明性别或号码有一项录入错误。',
        fix: '按身份证原件核对性别和号码，改正错误的一项。',
        message: (p) => `${p.label}“${p.value}”与${p.otherLabel}第17位表示的性别“${p.sexName}”不一致`,
      },
      'en-US': {
        title: 'Sex disagrees with the ID number',
        why: 'The 17th digit of a resident ID number is odd for men and even for women; a disagreement means either the sex or the number was mistyped.',
        fix: 'Check the sex and the number against the ID card and correct the wrong one.',
        message: (p) => `${p.label} “${p.value}” disagrees with the 17th digit of ${p.otherLabel}, which means ${p.sexNameEn}`,
      },
    },
  },
});

/** The 身份证件类型码 of the row: from the code column, else from the name column; undefined when unknown. */
function idTypeOf(row: RowContext): string | undefined {
  const lookup = row.sheet.codes.idType;
  const code = row.get('ZJLXM');
  if (code) {
    const entry = lookup.byCode(code) ?? (/^\d$/.test(code) ? lookup.byCode(code.padStart(2, '0')) : undefined);
    if (entry) return entry.code;
  }
  const name = row.get('ZJLX');
  if (name) return lookup.byName(name)?.entry.code;
  return undefined;
}

/** The 18-character form of an old 15-digit number (GB 11643-1999: insert the century 19, add the check). */
function upgradeOldId(old: string): string | undefined {
  if (!/^\d{15}$/.test(old)) return undefined;
  const first17 = `${old.slice(0, 6)}19${old.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** Whether an 18-character number passes every structural check (area, date, check character). */
function isValidResidentId(id: string, today: string): boolean {
  if (!RESIDENT_ID.test(id) || !PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const birth = birthDateOfResidentId(id);
  return isRealDate(birth) && birth <= today && residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** 18 characters as a resident ID number has them, the check character in either case. */
const RESIDENT_ID_ANY_X = /^\d{17}[\dXx]$/;

/** A corrected resident ID number when the value is a valid one dressed in spaces, hyphens or a lower-case x. */
function tidyResidentId(value: string, today: string): string | undefined {
  const tidy = value.replace(/[\s-]/g, '').toUpperCase();
  return tidy !== value && isValidResidentId(tidy, today) ? tidy : undefined;
}

/**
 * Checks a resident ID number. Returns the number (upper-cased) when it passed every structural check, so that the
 * cross-field checks only run on numbers that are right in themselves.
 */
function checkResidentId(row: RowContext, value: string): string | undefined {
  const { today } = row.sheet;
  if (value.length === 15 && /^\d{15}$/.test(value)) {
    const upgraded = upgradeOldId(value);
    const birth = row.get('CSRQ');
    // The upgrade is deterministic, but only offered when it is a valid number that agrees with 出生日期.
    const safe = upgraded && isValidResidentId(upgraded, today) && birthDateOfResidentId(upgraded) === birth ? upgraded : undefined;
    row.report('id.format', 'ZJHM', { reason: 'old15', length: 15, suggestion: safe }, safe);
    return undefined;
  }
  if (!RESIDENT_ID_ANY_X.test(value)) {
    const reason = value.length !== 18 && /^[\dXx]+$/.test(value) ? 'length' : 'charset';
    const suggestion = tidyResidentId(value, today);
    row.report('id.format', 'ZJHM', { reason, length: codePointLength(value) }, suggestion);
    return undefined;
  }
  let id = value;
  if (id.endsWith('x')) {
    id = id.toUpperCase();
    row.report('id.lowercaseX', 'ZJHM', { suggestion: id }, id);
  }
  let structural = true;
  const area = id.slice(0, 2);
  if (!PROVINCE_CODES.has(area)) {
    row.report('id.area', 'ZJHM', { area });
    structural = false;
  }
  const birth = birthDateOfResidentId(id);
  const reason = !isRealDate(birth)
    ? Number(birth.slice(0, 4)) < 1900 && isRealDate(`2000${birth.slice(4)}`)
      ? 'tooEarly'
      : 'invalid'
    : birth > today
      ? 'future'
      : undefined;
  if (reason) {
    row.report('id.birthDate', 'ZJHM', { reason, birth });
    structural = false;
  }
  // A wrong area or date already says the number is mistyped; the check character would only repeat it.
  if (!structural) return undefined;
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (expected !== id[17]) {
    row.report('id.checksum', 'ZJHM', { expected, actual: id[17] });
    return undefined;
  }
  return id;
}

function checkOtherId(row: RowContext, type: string, value: string): void {
  const rule = OTHER_ID_FORMATS.find((format) => format.types.includes(type)) ?? OTHER_ID_FALLBACK;
  if (rule.pattern.test(value)) return;
  const tidy = value.replace(/[\s()（）-]/g, '').toUpperCase();
  const suggestion = tidy !== value && rule.pattern.test(tidy) ? tidy : undefined;
  const entry = row.sheet.codes.idType.byCode(type);
  row.report(
    'id.otherFormat',
    'ZJHM',
    { idType: entry?.name ?? type, format: rule.format['zh-CN'], formatEn: rule.format['en-US'] },
    suggestion,
    rule.severity,
  );
}

/** 出生日期 must equal the birth date in a valid resident ID number. */
function checkBirth(row: RowContext, id: string): void {
  if (!row.sheet.has('CSRQ')) return;
  const birth = row.get('CSRQ');
  // An empty or invalid 出生日期 is field.required / date.invalid.
  if (!isRealDate(birth)) return;
  const fromId = birthDateOfResidentId(id);
  if (birth !== fromId) row.report('id.birthMismatch', 'CSRQ', { otherField: 'ZJHM', suggestion: fromId }, fromId);
}

/** 性别 (code, or name in the name-valued G3) must agree with the parity of the ID's 17th digit. */
function checkSex(row: RowContext, id: string): void {
  const lookup = row.sheet.codes.sex;
  const sexOf = (field: 'XBM' | 'XB') => {
    const value = row.get(field);
    if (!value) return undefined;
    const entry = field === 'XBM' ? lookup.byCode(value) : lookup.byName(value)?.entry;
    return entry ? { field, entry } : undefined;
  };
  const stated = sexOf('XBM') ?? sexOf('XB');
  // 0 未知 and 9 未说明 make no claim to contradict.
  if (!stated || (stated.entry.code !== '1' && stated.entry.code !== '2')) return;
  const fromId = sexCodeOfResidentId(id);
  if (stated.entry.code === fromId) return;
  const expected = lookup.byCode(fromId)!;
  const suggestion = stated.field === 'XBM' ? expected.code : expected.name;
  row.report(
    'id.sexMismatch',
    stated.field,
    { otherField: 'ZJHM', sexName: expected.name, sexNameEn: fromId === '1' ? 'male' : 'female', suggestion },
    suggestion,
  );
}

export const checkIdentity: RowCheck = (row) => {
  if (!row.sheet.has('ZJHM')) return;
  const value = row.get('ZJHM');
  if (!value) return;
  const type = idTypeOf(row);
  // Without a known type an 18-character value is taken for a resident ID number, the usual case.
  const resident = type === RESIDENT_ID_CODE || (type === undefined && value.length === 18);
  if (!resident) {
    if (type !== undefined) checkOtherId(row, type, value);
    return;
  }
  const id = checkResidentId(row, value);
  if (!id) return;
  checkBirth(row, id);
  checkSex(row, id);
};
