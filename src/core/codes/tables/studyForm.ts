import type { CodeTable } from '../codeTable';

/**
 * The 学位 学习形式 table was never published; this is GB/T 14946.1 A.3 plus 网络教育, with the 学信网 wording as
 * aliases [INFERRED]. Incomplete on purpose: unknown values and code/name disagreements are warnings.
 */
export const studyFormTable: CodeTable = {
  id: 'studyForm',
  title: { 'zh-CN': '学习形式', 'en-US': 'Mode of study' },
  source: 'GB/T 14946.1-2009 A.3 [INFERRED]',
  version: '2009-inferred',
  complete: false,
  codeLength: 2,
  entries: [
    { code: '01', name: '全日制', equivalents: ['正规高等院校', '普通全日制'], aliases: ['脱产'] },
    { code: '02', name: '高等教育自学考试', aliases: ['自学考试', '自考'] },
    { code: '03', name: '夜大学', aliases: ['业余', '夜大'] },
    { code: '04', name: '职工大学' },
    { code: '05', name: '电视大学', aliases: ['广播电视大学'] },
    { code: '06', name: '业余大学' },
    { code: '07', name: '函授' },
    { code: '08', name: '研修班' },
    { code: '09', name: '高等学校进修' },
    { code: '10', name: '党校' },
    { code: '11', name: '社会主义学院' },
    { code: '15', name: '培训' },
    { code: '21', name: '网络教育', aliases: ['远程教育', '网络'] },
    { code: '99', name: '其他', aliases: ['其它', '非全日制'] },
  ],
};
