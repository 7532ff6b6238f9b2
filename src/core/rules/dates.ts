import { GENERATIONS } from '../model/types';
import { TEMPLATES } from '../template/generations';
import { isRealDate, isRealMonth, monthsBetween } from '../util/dates';
import { defineRules, type RowCheck, type RowContext } from './rule';

/**
 * The order and plausibility of a record's dates: enrolment → graduation → award (第九条 of the school regulation:
 * 获学位日期 not before graduation), 学制 against the time actually studied, the award date against today, the
 * template generation and the batch window, the age at award, and the adult English exam before the award.
 * Every comparison uses only values that passed their own format (date.invalid / month.invalid report the rest).
 */
export const datesRules = defineRules({
  'date.enrolAfterGraduation': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '入学年月不早于毕业年月',
        why: '入学必然早于毕业；顺序颠倒说明入学年月或毕业年月录错，与学籍学历信息比对时会不通过。',
        fix: '按学籍档案或学历证书核对入学年月和毕业年月（均为 YYYYMM）。',
        message: (p) => `${p.label} ${p.value} 不早于${p.otherLabel} ${p.other}，入学应早于毕业`,
      },
      'en-US': {
        title: 'Enrolment not before graduation',
        why: 'A student enrols before graduating; reversed months mean one of them was mistyped, and the check against the student-status record fails.',
        fix: 'Check the months of enrolment and graduation (both YYYYMM) against the student-status record or the diploma.',
        message: (p) => `${p.label} ${p.value} is not before ${p.otherLabel} ${p.other}; enrolment must come first`,
      },
    },
  },
  'xz.invalid': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学制无效',
        why: '学制按学信网的取值填写年数：1.5 至 6 年每半年一档，或 7、8 年；非数字或不常见的学制会导致学籍学历比对失败。',
        fix: '按招生计划或学籍档案填写学制年数，只写数字（如 4、5、2.5），不写“年”字。',
        message: (p) =>
          p.reason === 'notNumber'
            ? `${p.label}“${p.value}”不是数字，应只填写年数（如 4 或 2.5）${p.suggestion ? `，是否应为“${p.suggestion}”` : ''}`
            : `${p.label} ${p.value} 年不是学信网允许的学制（1.5–6 年每半年一档，或 7、8 年），请核对`,
      },
      'en-US': {
        title: 'Invalid length of programme',
        why: 'The length of programme is a number of years from the CHSI list: 1.5 to 6 in half years, 7 or 8; other values fail the check against the student-status record.',
        fix: 'Enter the number of years from the enrolment plan or the student-status record, digits only (4, 5, 2.5), without 年.',
        message: (p) =>
          p.reason === 'notNumber'
            ? `The length of programme “${p.value}” is not a number of years (e.g. 4 or 2.5)${p.suggestion ? `; did you mean “${p.suggestion}”?` : ''}`
            : `A length of programme of ${p.value} years is not allowed (1.5 to 6 in half years, 7 or 8); please check`,
      },
    },
  },
  'date.lengthOfStudy': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '修业时间与学制不符',
        why: '从入学到毕业的时间应与学制大致相当（提前不超过半年；普通、来华留学延期不超过一年）；相差过大多是入学年月、毕业年月或学制录错。',
        fix: '按学籍档案核对入学年月、毕业年月和学制；确属提前毕业、延期毕业或休学的，可在备注中说明。',
        message: (p) =>
          `从入学（${p.from}）到毕业（${p.to}）共 ${p.months} 个月，比${p.label} ${p.value} 年${p.direction === 'short' ? '少' : '多'} ${p.diff} 个月`,
      },
      'en-US': {
        title: 'Time studied does not match the length of programme',
        why: 'The time from enrolment to graduation should roughly equal the length of programme (at most half a year shorter; for regular and international students at most a year longer); a larger gap usually means a mistyped month or length.',
        fix: 'Check the months of enrolment and graduation and the length against the student-status record; note early or late graduation or a suspension in the remarks.',
        message: (p) =>
          `Enrolment (${p.from}) to graduation (${p.to}) is ${p.months} months, ${p.diff} months ${p.direction === 'short' ? 'shorter' : 'longer'} than the ${p.value}-year length of programme`,
      },
    },
  },
  'date.awardBeforeGraduation': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '获学位日期早于毕业',
        why: '学校《学位授予信息管理规程》第九条：学位获得者有对应学历的，获学位日期不应早于其毕业日期（普通、成人、自考均适用）。',
        fix: '按学位授予决议核对获学位日期，按学历证书核对毕业年月，改正录错的一项。',
        message: (p) => `${p.label} ${p.value} 早于${p.otherLabel} ${p.other}，获学位日期不应早于毕业日期`,
      },
      'en-US': {
        title: 'Degree awarded before graduation',
        why: 'Article 9 of the school regulation: for a graduate with a diploma, the award date may not precede the graduation date (regular, adult and self-study alike).',
        fix: 'Check the award date against the award decision and the graduation month against the diploma, and correct the wrong one.',
        message: (p) => `${p.label} ${p.value} is before ${p.otherLabel} ${p.other}; a degree cannot be awarded before graduation`,
      },
    },
  },
  'date.awardInFuture': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '获学位日期晚于今天',
        why: '只能报送已经授予的学位；获学位日期应为学位评定委员会作出授予决议的日期。',
        fix: '按学位授予决议填写获学位日期（YYYYMMDD）；尚未授予的学位不要报送。',
        message: (p) => `${p.label} ${p.value} 晚于今天（${p.today}）`,
      },
      'en-US': {
        title: 'Award date in the future',
        why: 'Only degrees already awarded can be reported; the award date is the date of the degree committee’s decision.',
        fix: 'Enter the date of the award decision (YYYYMMDD); do not report degrees not yet awarded.',
        message: (p) => `${p.label} ${p.value} is after today (${p.today})`,
      },
    },
  },
  'date.generationMismatch': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '获学位日期与模板版本不符',
        why: '2024年6月1日起授予的学位使用新模板（名称值＋论文信息），此前授予的使用旧模板；用错模板的记录上报时会缺项或被拒收。',
        fix: '核对获学位日期；日期无误时，把该记录移到对应版本的模板中报送。',
        message: (p) =>
          `${p.label} ${p.value} ${p.direction === 'before' ? '早于' : '晚于'} ${p.bound}，不应使用“${p.template}”，应使用“${p.expected}”`,
      },
      'en-US': {
        title: 'Award date does not fit the template edition',
        why: 'Degrees awarded from 1 June 2024 are reported in the new template (names + thesis), earlier ones in the old template; a record in the wrong template lacks fields or is rejected.',
        fix: 'Check the award date; if it is right, move the record to the template edition for that date.',
        message: (p) =>
          `${p.label} ${p.value} is ${p.direction === 'before' ? 'before' : 'after'} ${p.bound}: use the “${p.expectedEn}”, not the “${p.templateEn}”`,
      },
    },
  },
  'date.outsideWindow': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '获学位日期不在本批次时间段内',
        why: '学位授予信息按批次报送，每批只报送该时间段内授予的学位；时间段外的记录可能属于其他批次或日期录错。',
        fix: '核对获学位日期；确属其他批次的记录，移到该批次报送。',
        message: (p) => `${p.label} ${p.value} 不在本批次报送时间段 ${p.from}–${p.to} 内`,
      },
      'en-US': {
        title: 'Award date outside the reporting batch',
        why: 'Degrees are reported in batches, each covering the degrees awarded in its period; a record outside it belongs to another batch or has a mistyped date.',
        fix: 'Check the award date; report records of another batch with that batch.',
        message: (p) => `${p.label} ${p.value} is outside this batch’s period ${p.from}–${p.to}`,
      },
    },
  },
  'date.implausibleAge': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '获学位时年龄不合常理',
        why: '获得学士学位时未满16周岁或超过70周岁极为罕见，多是出生日期或获学位日期录错。',
        fix: '按身份证件核对出生日期，按学位授予决议核对获学位日期。',
        message: (p) =>
          Number(p.age) < 0
            ? `${p.label} ${p.value} 晚于${p.otherLabel} ${p.award}`
            : `按${p.label} ${p.value}，获学位（${p.award}）时 ${p.age} 周岁，${Number(p.age) < 16 ? '未满16周岁' : '超过70周岁'}，请核对`,
      },
      'en-US': {
        title: 'Implausible age at award',
        why: 'A bachelor under 16 or over 70 at the award is extremely rare; usually the date of birth or the award date was mistyped.',
        fix: 'Check the date of birth against the ID document and the award date against the award decision.',
        message: (p) =>
          Number(p.age) < 0
            ? `${p.label} ${p.value} is after ${p.otherLabel} ${p.award}`
            : `${p.label} ${p.value} makes the graduate ${p.age} at the award (${p.award}), ${Number(p.age) < 16 ? 'under 16' : 'over 70'}; please check`,
      },
    },
  },
  'date.birthAfterToday': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '出生日期晚于今天',
        why: '出生日期必须与身份证件一致，不可能晚于今天。',
        fix: '按身份证件填写出生日期（YYYYMMDD）。',
        message: (p) => `${p.label} ${p.value} 晚于今天（${p.today}）`,
      },
      'en-US': {
        title: 'Date of birth in the future',
        why: 'The date of birth must match the ID document and cannot be after today.',
        fix: 'Enter the date of birth from the ID document (YYYYMMDD).',
        message: (p) => `${p.label} ${p.value} is after today (${p.today})`,
      },
    },
  },
  'date.examAfterAward': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '英语考试晚于获学位日期',
        why: '成人学士学位须在通过学位英语水平考试后授予；考试年月晚于获学位日期，说明其中一项录错。',
        fix: '按成绩单核对通过英语水平考试年月，按学位授予决议核对获学位日期。',
        message: (p) => `${p.label} ${p.value} 晚于${p.otherLabel} ${p.other}，成人学士学位应在通过英语考试后授予`,
      },
      'en-US': {
        title: 'English exam after the award',
        why: 'An adult bachelor degree is awarded only after the degree English exam is passed; an exam month after the award date means one of them is wrong.',
        fix: 'Check the exam month against the score report and the award date against the award decision.',
        message: (p) => `${p.label} ${p.value} is after ${p.otherLabel} ${p.other}; adult degrees are awarded after the English exam`,
      },
    },
  },
});

/** 学制 values 学信网 accepts (§3.9), in half years: 1.5 … 6, then 7 and 8. */
const ALLOWED_HALF_YEARS: ReadonlySet<number> = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16]);
const NUMBER = /^\d+(\.\d+)?$/;
const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };

/** Years of a 学制 value that is a plain number, else undefined. */
function numericYears(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

function isAllowedLength(years: number): boolean {
  return ALLOWED_HALF_YEARS.has(years * 2);
}

/** A 学制 written with words (4年, 四年, 二年半, 4 年制) read as the allowed number it means. */
function looseYears(text: string): string | undefined {
  const digits = /^(\d+(?:\.\d+)?)\s*年制?$/.exec(text);
  const words = /^([一二两三四五六七八])年(半)?制?$/.exec(text);
  const years = digits ? Number(digits[1]) : words ? CHINESE_DIGITS[words[1]] + (words[2] ? 0.5 : 0) : undefined;
  return years !== undefined && isAllowedLength(years) ? String(years) : undefined;
}

/** Checks 学制 and returns its years when they are an allowed length. */
function checkLength(row: RowContext): number | undefined {
  const text = row.get('XZ');
  if (!text) return undefined;
  const years = numericYears(text);
  if (years === undefined) {
    const suggestion = looseYears(text);
    row.report('xz.invalid', 'XZ', { reason: 'notNumber', suggestion }, suggestion);
    return undefined;
  }
  if (!isAllowedLength(years)) {
    row.report('xz.invalid', 'XZ', { reason: 'unusual' }, undefined, 'warning');
    return undefined;
  }
  return years;
}

/** Whole years from `birth` to `date` (both YYYYMMDD): the age on that day. */
function ageOn(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(4) < birth.slice(4) ? years - 1 : years;
}

function checkStudy(row: RowContext, years: number | undefined): void {
  const enrol = row.get('RXNY');
  const graduation = row.get('BYNY');
  if (!isRealMonth(enrol) || !isRealMonth(graduation)) return;
  if (enrol >= graduation) {
    row.report('date.enrolAfterGraduation', 'RXNY', { other: graduation, otherField: 'BYNY' });
    return;
  }
  if (years === undefined) return;
  const months = monthsBetween(enrol, graduation);
  const expected = Math.round(years * 12);
  // 成人 students may take longer (part-time study, the degree exam), so only a shortfall is suspicious there.
  const mayBeLonger = row.sheet.category === '成人';
  const direction = months < expected - 6 ? 'short' : !mayBeLonger && months > expected + 12 ? 'long' : undefined;
  if (direction) {
    row.report('date.lengthOfStudy', 'XZ', { from: enrol, to: graduation, months, direction, diff: Math.abs(months - expected) });
  }
}

function checkAward(row: RowContext): void {
  const award = row.get('HXWRQ');
  if (!isRealDate(award)) return;
  const { today, generation, profile } = row.sheet;
  const graduation = row.get('BYNY');
  if (isRealMonth(graduation) && award.slice(0, 6) < graduation) {
    row.report('date.awardBeforeGraduation', 'HXWRQ', { other: graduation, otherField: 'BYNY' });
  }
  if (award > today) row.report('date.awardInFuture', 'HXWRQ', { today });

  const template = TEMPLATES[generation];
  const before = template.awardedFrom !== undefined && award < template.awardedFrom;
  const after = template.awardedUntil !== undefined && award > template.awardedUntil;
  if (before || after) {
    const expected = GENERATIONS.map((id) => TEMPLATES[id]).find(
      (t) =>
        (t.awardedFrom !== undefined || t.awardedUntil !== undefined) &&
        (t.awardedFrom === undefined || award >= t.awardedFrom) &&
        (t.awardedUntil === undefined || award <= t.awardedUntil),
    );
    row.report('date.generationMismatch', 'HXWRQ', {
      direction: before ? 'before' : 'after',
      bound: before ? template.awardedFrom : template.awardedUntil,
      template: template.title['zh-CN'],
      templateEn: template.title['en-US'],
      expected: expected?.title['zh-CN'],
      expectedEn: expected?.title['en-US'],
    });
  }

  const batch = profile.reportingWindow;
  if (batch && (award < batch.from || award > batch.to)) {
    row.report('date.outsideWindow', 'HXWRQ', { from: batch.from, to: batch.to });
  }

  const exam = row.get('WYKSNY');
  if (row.sheet.category === '成人' && isRealMonth(exam) && exam > award.slice(0, 6)) {
    row.report('date.examAfterAward', 'WYKSNY', { other: award, otherField: 'HXWRQ' });
  }
}

function checkBirth(row: RowContext): void {
  const birth = row.get('CSRQ');
  if (!isRealDate(birth)) return;
  const { today } = row.sheet;
  if (birth > today) {
    row.report('date.birthAfterToday', 'CSRQ', { today });
    return;
  }
  const award = row.get('HXWRQ');
  if (!isRealDate(award)) return;
  const age = ageOn(birth, award);
  if (age < 16 || age > 70) row.report('date.implausibleAge', 'CSRQ', { age, award, otherField: 'HXWRQ' });
}

export const checkDates: RowCheck = (row) => {
  checkBirth(row);
  const years = checkLength(row);
  checkStudy(row, years);
  checkAward(row);
};
