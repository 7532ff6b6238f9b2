import { isRealDate } from '../util/dates';
import { defineRules, type RowCheck } from './rule';

/**
 * 学位证书编号 (XWZSBH): since 2008 16 digits = 学位授予单位码 (5) + 4 (学士) + year of award (4) + 6 digits the unit
 * arranges itself (degree-data.md §4). The 2005–2007 scheme added letters (C prefix, S/E/Z at position 11); such
 * numbers are accepted with a warning for degrees awarded before 2008.
 */
export const certificateRules = defineRules({
  'cert.format': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学位证书编号格式错误',
        why: '2008年起学位证书编号统一为16位数字（学位授予单位码5位＋学位级别“4”＋授予年份4位＋单位自编6位），不含字母；格式不符的编号无法上报，也无法在学信网查询。',
        fix: '按学位证书原件填写16位数字编号，不加空格、横线或字母。',
        message: (p) =>
          p.reason === 'legacyAfter2008'
            ? `${p.label}“${p.value}”是2008年前带字母的旧式编号，但学位授予于 ${p.year} 年，应为16位数字${p.suggestion ? `，是否应为“${p.suggestion}”` : ''}`
            : `${p.label}“${p.value}”应为16位数字，${p.letters ? `实际含非数字字符，共 ${p.length} 个字符` : `实际为 ${p.length} 位`}${p.suggestion ? `，是否应为“${p.suggestion}”` : ''}`,
      },
      'en-US': {
        title: 'Malformed certificate number',
        why: 'Since 2008 a degree certificate number is 16 digits (5-digit institution code + level “4” + 4-digit year + 6 digits of the institution’s own), without letters; other numbers are refused and cannot be verified online.',
        fix: 'Enter the 16-digit number from the certificate, without spaces, dashes or letters.',
        message: (p) =>
          p.reason === 'legacyAfter2008'
            ? `${p.label} “${p.value}” is a pre-2008 number with letters, but the degree was awarded in ${p.year}; it must be 16 digits${p.suggestion ? `; did you mean “${p.suggestion}”?` : ''}`
            : `${p.label} “${p.value}” must be 16 digits, found ${p.length} characters${p.letters ? ' including non-digits' : ''}${p.suggestion ? `; did you mean “${p.suggestion}”?` : ''}`,
      },
    },
  },
  'cert.legacy': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '2008年前的旧式学位证书编号',
        why: '2005–2007年的编号方式用字母区分类别（成人加前缀 C，双学位、第二学位、自考在第11位用 S、E、Z）；2008年起统一为16位数字。旧式编号只对2008年前授予的学位有效，需人工确认与证书原件一致。',
        fix: '对照学位证书原件确认编号；确为2008年前的证书时保留原编号。',
        message: (p) => `${p.label}“${p.value}”是2008年前的旧式编号（含字母），请对照证书原件确认`,
      },
      'en-US': {
        title: 'Pre-2008 certificate number',
        why: 'The 2005–2007 scheme marked categories with letters (C prefix for adult degrees; S, E or Z at position 11); since 2008 numbers are 16 digits. A legacy number is valid only for degrees awarded before 2008 and needs a check against the certificate.',
        fix: 'Confirm the number against the certificate; keep it if the certificate is from before 2008.',
        message: (p) => `${p.label} “${p.value}” is a pre-2008 number with letters; please confirm it against the certificate`,
      },
    },
  },
  'cert.unitMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '证书编号的单位码不符',
        why: '学位证书编号的前5位是学位授予单位码，必须与本记录的学位授予单位码一致，否则编号不属于本单位。',
        fix: '按学位证书原件核对编号；编号无误时核对学位授予单位码。',
        message: (p) => `${p.label}“${p.value}”的前5位 ${p.prefix} 与${p.otherLabel} ${p.unit} 不一致`,
      },
      'en-US': {
        title: 'Certificate number of another institution',
        why: 'The first 5 digits of the certificate number are the awarding institution code and must equal this record’s institution code.',
        fix: 'Check the number against the certificate; if it is right, check the institution code.',
        message: (p) => `${p.label} “${p.value}” starts with ${p.prefix}, not the ${p.otherLabel} ${p.unit}`,
      },
    },
  },
  'cert.level': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '证书编号的学位级别不是学士',
        why: '学位证书编号第6位是学位级别（2 博士、3 硕士、4 学士），学士学位证书必须为4；其他数字说明填成了其他级别的证书编号。',
        fix: '按学士学位证书原件核对编号，第6位应为4。',
        message: (p) => `${p.label}“${p.value}”第6位是 ${p.level}，学士学位应为 4`,
      },
      'en-US': {
        title: 'Certificate number not of a bachelor degree',
        why: 'The 6th digit of a certificate number is the degree level (2 doctor, 3 master, 4 bachelor); a bachelor certificate has 4.',
        fix: 'Check the number against the bachelor certificate; its 6th digit is 4.',
        message: (p) => `${p.label} “${p.value}” has ${p.level} as its 6th digit; a bachelor degree has 4`,
      },
    },
  },
  'cert.yearMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '证书编号的年份与获学位日期不符',
        why: '学位证书编号第7–10位是授予学位的年份，必须与获学位日期的年份一致。',
        fix: '对照学位证书原件和学位授予决议，改正编号或获学位日期中录错的一项。',
        message: (p) => `${p.label}“${p.value}”中的年份 ${p.year} 与${p.otherLabel} ${p.award} 的年份 ${p.awardYear} 不一致`,
      },
      'en-US': {
        title: 'Certificate year differs from the award date',
        why: 'Digits 7 to 10 of the certificate number are the year of the award and must equal the year of the award date.',
        fix: 'Compare the certificate and the award decision, and correct the number or the award date, whichever is wrong.',
        message: (p) => `${p.label} “${p.value}” has the year ${p.year}, but the ${p.otherLabel} ${p.award} is in ${p.awardYear}`,
      },
    },
  },
});

const CURRENT = /^\d{16}$/;
const LEGACY = /^[CZ]?\d{5}4\d{4}[0-9SEZ]\d{5}$/;
/** Separators people type inside a number: spaces, dashes, dots, underscores. */
const SEPARATORS = /[\s\-－—_.·]/gu;

const UNIT_CODE = /^\d{5}$/;

export const checkCertificate: RowCheck = (row) => {
  const number = row.get('XWZSBH').toUpperCase();
  if (!number) return;
  const award = row.get('HXWRQ');
  const awardKnown = isRealDate(award);

  let core: string;
  if (CURRENT.test(number)) {
    core = number;
  } else if (LEGACY.test(number)) {
    const prefix = /^[CZ]/.test(number) ? 1 : 0;
    // Without a valid award date, the year inside the number decides whether it belongs to the old scheme.
    const year = awardKnown ? Number(award.slice(0, 4)) : Number(number.slice(prefix + 6, prefix + 10));
    if (year >= 2008) {
      row.report('cert.format', 'XWZSBH', { reason: 'legacyAfter2008', year });
      return;
    }
    row.report('cert.legacy', 'XWZSBH');
    core = number.slice(prefix);
  } else {
    const stripped = number.replace(SEPARATORS, '');
    const suggestion = CURRENT.test(stripped) ? stripped : undefined;
    row.report('cert.format', 'XWZSBH', { length: [...number].length, letters: /\D/.test(number) ? 1 : 0, suggestion }, suggestion);
    return;
  }

  const { profile } = row.sheet;
  const unit = row.get('XWSYDWM');
  const unitKnown = UNIT_CODE.test(unit);
  const unitWrong = unitKnown && core.slice(0, 5) !== unit;
  const levelWrong = core[5] !== '4';
  const yearWrong = awardKnown && core.slice(6, 10) !== award.slice(0, 4);

  // One corrected number for all the defects found, built from the parts this record determines: the unit code
  // when it is the profile's own (a wrong code there is unit.codeMismatch), the level, the year of the award.
  let corrected: string | undefined = core;
  if (unitWrong) corrected = unit === profile.unitCode ? unit + corrected.slice(5) : undefined;
  if (corrected && levelWrong) corrected = `${corrected.slice(0, 5)}4${corrected.slice(6)}`;
  if (corrected && yearWrong) corrected = corrected.slice(0, 6) + award.slice(0, 4) + corrected.slice(10);
  // A legacy number's corrected form is still legacy-shaped: keep its prefix.
  if (corrected && core !== number) corrected = number.slice(0, number.length - core.length) + corrected;

  if (unitWrong) row.report('cert.unitMismatch', 'XWZSBH', { prefix: core.slice(0, 5), unit, otherField: 'XWSYDWM' }, corrected);
  if (levelWrong) row.report('cert.level', 'XWZSBH', { level: core[5] }, corrected);
  if (yearWrong) {
    row.report(
      'cert.yearMismatch',
      'XWZSBH',
      { year: core.slice(6, 10), award, awardYear: award.slice(0, 4), otherField: 'HXWRQ' },
      corrected,
    );
  }
};
