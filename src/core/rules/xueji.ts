import type { Locale } from '../model/types';
import { defineRules, type MessageParams, type RuleDefinition } from './rule';

/** Where the 学籍 value comes from, for messages: “学籍表第12行”. */
const source = (p: MessageParams, locale: Locale) =>
  locale === 'zh-CN' ? `（${p.xuejiSheet}第${p.xuejiRow}行）` : ` (${p.xuejiSheet} row ${p.xuejiRow})`;

/** A comparison rule: the degree value differs from the 学籍 value. */
function mismatch(
  severity: RuleDefinition['severity'],
  zh: { title: string; why: string; fix: string },
  en: { title: string; why: string; fix: string },
): RuleDefinition {
  return {
    severity,
    text: {
      'zh-CN': { ...zh, message: (p) => `${p.label}“${p.value}”与学籍“${p.xuejiValue}”不一致${source(p, 'zh-CN')}` },
      'en-US': { ...en, message: (p) => `${p.label} “${p.value}” differs from the student status “${p.xuejiValue}”${source(p, 'en-US')}` },
    },
  };
}

const KEY_WHY_ZH = '姓名、证件号码、出生日期、性别是关键信息，国家系统与学籍比对不一致会退回；上报后更改需经国务院学位办同意（规程第十五条）。';
const KEY_WHY_EN =
  'Name, ID number, date of birth and sex are key fields: the national system rejects records that differ from the student status, and changing them after reporting needs the approval of the State Council degree office.';
const KEY_FIX_ZH = '核对身份证件与学籍材料：学位数据有误则改正；学籍有误则先按程序更正学籍。关键字段不能一键采用学籍值。';
const KEY_FIX_EN =
  'Check the ID document and the student-status file: correct the degree data if it is wrong, or have the student status corrected first. Key fields are never changed with one click.';
const OTHER_WHY_ZH = '规程第九条要求学位授予信息与学籍学历信息相匹配。';
const OTHER_WHY_EN = 'The regulation (Art. 9) requires degree data to match the student-status data.';
const OTHER_FIX_ZH = '核对后改正学位数据，或在任务窗格中一键采用学籍值。';
const OTHER_FIX_EN = 'Check and correct the degree data, or adopt the student-status value with one click in the task pane.';

export const xuejiRules = defineRules({
  'xueji.notFound': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学籍中找不到该学生',
        why: '按证件号码、学号、考生号都找不到对应学籍，国家系统比对时会退回该记录。',
        fix: '核对证件号码、学号和考生号是否录错；确认学籍数据是否完整导出。',
        message: () => '按证件号码、学号、考生号均未在学籍数据中找到该学生',
      },
      'en-US': {
        title: 'Not found in the student status',
        why: 'No student-status record matches the ID number, student number or examinee number; the national check will reject the record.',
        fix: 'Check the ID, student and examinee numbers for typos and that the student-status export is complete.',
        message: () => 'No student-status record matches this ID number, student number or examinee number',
      },
    },
  },
  'xueji.ambiguous': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '与多条学籍记录对应',
        why: '证件号码、学号、考生号分别指向不同的学籍记录，说明其中某项录错。',
        fix: '对照学籍表中这些行，改正录错的证件号码、学号或考生号。',
        message: (p) => `证件号码、学号、考生号分别对应学籍表中不同的记录（第${p.rows}行）`,
      },
      'en-US': {
        title: 'Matches several student-status records',
        why: 'ID number, student number and examinee number point at different records, so one of them is wrong.',
        fix: 'Compare with those rows of the student-status sheet and correct the wrong number.',
        message: (p) => `ID, student and examinee numbers match different student-status records (rows ${p.rows})`,
      },
    },
  },
  'xueji.name': mismatch(
    'error',
    { title: '姓名与学籍不一致', why: KEY_WHY_ZH, fix: KEY_FIX_ZH },
    { title: 'Name differs from the student status', why: KEY_WHY_EN, fix: KEY_FIX_EN },
  ),
  'xueji.idNumber': mismatch(
    'error',
    { title: '证件号码与学籍不一致', why: KEY_WHY_ZH, fix: KEY_FIX_ZH },
    { title: 'ID number differs from the student status', why: KEY_WHY_EN, fix: KEY_FIX_EN },
  ),
  'xueji.birthDate': mismatch(
    'error',
    { title: '出生日期与学籍不一致', why: KEY_WHY_ZH, fix: KEY_FIX_ZH },
    { title: 'Date of birth differs from the student status', why: KEY_WHY_EN, fix: KEY_FIX_EN },
  ),
  'xueji.sex': mismatch(
    'error',
    { title: '性别与学籍不一致', why: KEY_WHY_ZH, fix: KEY_FIX_ZH },
    { title: 'Sex differs from the student status', why: KEY_WHY_EN, fix: KEY_FIX_EN },
  ),
  'xueji.examNumber': mismatch(
    'error',
    { title: '考生号与学籍不一致', why: '考生号须与学籍数据保持一致，国家系统据此关联学籍。', fix: OTHER_FIX_ZH },
    { title: 'Examinee number differs from the student status', why: 'The examinee number links the degree to the student status nationally.', fix: OTHER_FIX_EN },
  ),
  'xueji.studentNumber': mismatch(
    'error',
    { title: '学号与学籍不一致', why: '学号是学籍的关联键，不一致会导致比对失败。', fix: OTHER_FIX_ZH },
    { title: 'Student number differs from the student status', why: 'The student number is a join key to the student status.', fix: OTHER_FIX_EN },
  ),
  'xueji.majorCode': mismatch(
    'error',
    { title: '专业代码与学籍不一致', why: '专业代码（按前6位比较，学信网不带 T/K 后缀）须与学籍一致。', fix: OTHER_FIX_ZH },
    { title: 'Major code differs from the student status', why: 'The major code (first 6 digits; 学信网 drops T/K) must match the student status.', fix: OTHER_FIX_EN },
  ),
  'xueji.majorName': mismatch(
    'warning',
    { title: '专业名称与学籍不一致', why: OTHER_WHY_ZH, fix: OTHER_FIX_ZH },
    { title: 'Major name differs from the student status', why: OTHER_WHY_EN, fix: OTHER_FIX_EN },
  ),
  'xueji.ethnicity': mismatch(
    'warning',
    { title: '民族与学籍不一致', why: OTHER_WHY_ZH, fix: OTHER_FIX_ZH },
    { title: 'Ethnic group differs from the student status', why: OTHER_WHY_EN, fix: OTHER_FIX_EN },
  ),
  'xueji.political': mismatch(
    'warning',
    {
      title: '政治面貌与学籍不一致',
      why: '政治面貌可能在入学后变化（如入党），学籍中的值可能已过时，请人工确认。',
      fix: '以学生当前政治面貌为准；确属学位数据录错时改正。',
    },
    {
      title: 'Political status differs from the student status',
      why: 'Political status may change after enrolment; the student-status value may be out of date — confirm by hand.',
      fix: 'Use the student’s current status; correct the degree data only if it was mistyped.',
    },
  ),
  'xueji.studyForm': mismatch(
    'warning',
    { title: '学习形式与学籍不一致', why: OTHER_WHY_ZH, fix: OTHER_FIX_ZH },
    { title: 'Mode of study differs from the student status', why: OTHER_WHY_EN, fix: OTHER_FIX_EN },
  ),
  'xueji.length': mismatch(
    'warning',
    { title: '学制与学籍不一致', why: OTHER_WHY_ZH, fix: OTHER_FIX_ZH },
    { title: 'Programme length differs from the student status', why: OTHER_WHY_EN, fix: OTHER_FIX_EN },
  ),
  'xueji.enrolment': mismatch(
    'warning',
    { title: '入学年月与学籍不一致', why: OTHER_WHY_ZH, fix: OTHER_FIX_ZH },
    { title: 'Enrolment month differs from the student status', why: OTHER_WHY_EN, fix: OTHER_FIX_EN },
  ),
  'xueji.graduation': mismatch(
    'warning',
    { title: '毕业年月与学籍学历不一致', why: OTHER_WHY_ZH, fix: OTHER_FIX_ZH },
    { title: 'Graduation month differs from the student-status data', why: OTHER_WHY_EN, fix: OTHER_FIX_EN },
  ),
  'xueji.awardBeforeGraduation': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '获学位日期早于学历毕业日期',
        why: '规程第九条：学位获得者有对应学历的，获学位日期不应早于其毕业日期。',
        fix: '核对学位评定委员会决议日期与毕业日期。',
        message: (p) => `获学位日期 ${p.value} 早于学历毕业日期 ${p.xuejiValue}${source(p, 'zh-CN')}`,
      },
      'en-US': {
        title: 'Degree awarded before graduation',
        why: 'Art. 9: for a graduate the award date must not be earlier than the graduation date.',
        fix: 'Check the committee decision date against the graduation date.',
        message: (p) => `Award date ${p.value} is before the graduation date ${p.xuejiValue}${source(p, 'en-US')}`,
      },
    },
  },
  'xueji.status': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学籍状态不能授予学位',
        why: '休学、退学、保留学籍等状态的学生不能授予学位，上报会被退回。',
        fix: '核实学生学籍状态；状态有误先更正学籍，否则从本批次移除该记录。',
        message: (p) => `学籍状态为“${p.xuejiValue}”，不能授予学位${source(p, 'zh-CN')}`,
      },
      'en-US': {
        title: 'Student status does not allow a degree',
        why: 'Students on leave, withdrawn or with suspended status cannot be awarded a degree.',
        fix: 'Check the status; correct the student status first, or remove the record from this batch.',
        message: (p) => `Student status is “${p.xuejiValue}”, which does not allow a degree${source(p, 'en-US')}`,
      },
    },
  },
  'xueji.conclusion': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '毕结业结论不是毕业',
        why: '学士学位只授予毕业生，结业、肄业者不能获得学位。',
        fix: '核实毕结业结论；非毕业者从本批次移除。',
        message: (p) => `学历毕结业结论为“${p.xuejiValue}”，不是“毕业”${source(p, 'zh-CN')}`,
      },
      'en-US': {
        title: 'Not graduated',
        why: 'Bachelor degrees go to graduates only; students who completed without graduating cannot receive one.',
        fix: 'Check the conclusion; remove non-graduates from this batch.',
        message: (p) => `The graduation conclusion is “${p.xuejiValue}”, not 毕业 (graduated)${source(p, 'en-US')}`,
      },
    },
  },
  'xueji.noDegreeRow': {
    severity: 'info',
    text: {
      'zh-CN': {
        title: '应届学生没有学位记录',
        why: '学籍中本批次应毕业的学生没有出现在学位数据中，可能漏报，也可能未获学位。',
        fix: '确认该生是否获得学位；应报未报的请补填学位记录。',
        message: (p) => `学籍中的“${p.name}”（预计 ${p.month} 毕业）没有学位记录，请确认是否漏报`,
      },
      'en-US': {
        title: 'Graduating student without a degree row',
        why: 'A student expected to graduate in this batch has no degree record: either not awarded or forgotten.',
        fix: 'Confirm whether the student was awarded a degree; add the missing record if so.',
        message: (p) => `“${p.name}” (graduating ${p.month}) in the student status has no degree record; check for an omission`,
      },
    },
  },
});
