import { defineRules } from './rule';

/** Field-level shape checks that the zod row schema (schema/rowSchema.ts) performs. */
export const fieldRules = defineRules({
  'field.required': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '必填项为空',
        why: '不完整的记录不能从学校提交到国家学位授予信息系统。',
        fix: '按学籍或学位授予决议补填该项。',
        message: (p) => `${p.label}为必填项，不能为空`,
      },
      'en-US': {
        title: 'Required value missing',
        why: 'Incomplete records cannot be submitted from the school to the national degree system.',
        fix: 'Fill in the value from the student-status record or the award decision.',
        message: (p) => `${p.label} is required`,
      },
    },
  },
  'field.mustBeEmpty': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '该类别应为空',
        why: '来华留学生不填民族、政治面貌等只适用于中国公民的项目。',
        fix: '清空该单元格，或核对学位类别（普通/成人/来华留学）是否选对。',
        message: (p) => `${p.category}学位记录的${p.label}应为空`,
      },
      'en-US': {
        title: 'Must be empty for this category',
        why: 'International students leave fields that apply to Chinese citizens only (ethnic group, political status) empty.',
        fix: 'Clear the cell, or check that the category (普通/成人/来华留学) is right.',
        message: (p) => `${p.label} must be empty for ${p.category} degree records`,
      },
    },
  },
  'field.tooLong': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '超过最大长度',
        why: '超长内容会被上报系统截断或拒收。',
        fix: '按证书或材料核对并缩短内容。',
        message: (p) => `${p.label}有 ${p.length} 个字符，超过上限 ${p.max}`,
      },
      'en-US': {
        title: 'Too long',
        why: 'Values over the maximum length are truncated or rejected by the reporting system.',
        fix: 'Check against the certificate or documents and shorten the value.',
        message: (p) => `${p.label} has ${p.length} characters, more than the maximum of ${p.max}`,
      },
    },
  },
  'field.digits': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '应为固定位数的数字',
        why: '学位授予单位码、培养单位码是教育部编制的5位数字代码。',
        fix: '按《高等学校及科研机构代码》填写5位数字代码。',
        message: (p) => `${p.label}应为 ${p.digits} 位数字，实际为“${p.value}”`,
      },
      'en-US': {
        title: 'Must be a fixed number of digits',
        why: 'Awarding and training institution codes are the 5-digit codes assigned by the Ministry of Education.',
        fix: 'Enter the 5-digit institution code.',
        message: (p) => `${p.label} must be ${p.digits} digits, found “${p.value}”`,
      },
    },
  },
  'date.invalid': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '日期无效',
        why: '出生日期、获学位日期必须是 YYYYMMDD 形式的真实日期（如 20240620）。',
        fix: '按 YYYYMMDD 填写真实日期；若给出了建议值，可直接采用。',
        message: (p) => `${p.label}“${p.value}”不是 YYYYMMDD 形式的有效日期`,
      },
      'en-US': {
        title: 'Invalid date',
        why: 'Dates of birth and award must be real calendar dates written YYYYMMDD (e.g. 20240620).',
        fix: 'Enter a real date as YYYYMMDD; adopt the suggestion if one is given.',
        message: (p) => `${p.label} “${p.value}” is not a valid YYYYMMDD date`,
      },
    },
  },
  'month.invalid': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '年月无效',
        why: '入学年月、毕业年月等必须是 YYYYMM 形式（如 202006），月份为 01–12。',
        fix: '按 YYYYMM 填写；若给出了建议值，可直接采用。',
        message: (p) => `${p.label}“${p.value}”不是 YYYYMM 形式的有效年月`,
      },
      'en-US': {
        title: 'Invalid month',
        why: 'Months of enrolment and graduation must be written YYYYMM (e.g. 202006) with a month from 01 to 12.',
        fix: 'Enter the month as YYYYMM; adopt the suggestion if one is given.',
        message: (p) => `${p.label} “${p.value}” is not a valid YYYYMM month`,
      },
    },
  },
});
