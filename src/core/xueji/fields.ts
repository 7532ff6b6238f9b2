/**
 * Columns of the 学信网 学籍 (enrolled-student) and 学历 (graduation) exports, keyed by their code.
 * Exports come with upper- or lower-case codes or with Chinese labels (degree-data.md §7).
 */
export interface XuejiField {
  code: string;
  labels: readonly string[];
}

export const XUEJI_FIELDS: readonly XuejiField[] = [
  { code: 'KSH', labels: ['考生号'] },
  { code: 'XH', labels: ['学号'] },
  { code: 'XM', labels: ['姓名'] },
  { code: 'XB', labels: ['性别'] },
  { code: 'CSRQ', labels: ['出生日期'] },
  { code: 'SFZH', labels: ['身份证号', '身份证号码', '证件号码', '身份证件号码', 'ZJHM'] },
  { code: 'ZJLX', labels: ['证件类型'] },
  { code: 'ZZMM', labels: ['政治面貌'] },
  { code: 'MZ', labels: ['民族'] },
  { code: 'YXDM', labels: ['院校代码', '学校代码'] },
  { code: 'YXMC', labels: ['院校名称', '学校名称'] },
  { code: 'ZYDM', labels: ['专业代码'] },
  { code: 'ZYMC', labels: ['专业名称', '专业'] },
  { code: 'FY', labels: ['分院', '院系'] },
  { code: 'BH', labels: ['班号', '班级'] },
  { code: 'CC', labels: ['层次'] },
  { code: 'XZ', labels: ['学制'] },
  { code: 'XXXS', labels: ['学习形式'] },
  { code: 'RXRQ', labels: ['入学日期', '入学时间'] },
  { code: 'YJBYRQ', labels: ['预计毕业日期'] },
  { code: 'ZCZT', labels: ['注册状态', '学籍状态', 'XJZT'] },
  { code: 'BYRQ', labels: ['毕业日期', '毕（结）业日期', '毕(结)业日期'] },
  { code: 'BJYJL', labels: ['毕结业结论', '毕（结）业结论', '毕(结)业结论'] },
  { code: 'ZSBH', labels: ['证书编号', '毕业证书编号'] },
];

const INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const field of XUEJI_FIELDS) {
    index.set(field.code, field.code);
    for (const label of field.labels) index.set(label.toUpperCase(), field.code);
  }
  return index;
})();

/** The 学籍 field a header cell names: a code in any case, `标签(CODE)` or the Chinese label. */
export function xuejiFieldOfHeader(cell: unknown): string | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.replace(/[\s\u3000]+/g, '').toUpperCase();
  if (!text) return undefined;
  const inParentheses = /[(（]([A-Z]{2,8})[)）]$/.exec(text);
  if (inParentheses && INDEX.has(inParentheses[1])) return INDEX.get(inParentheses[1]);
  return INDEX.get(text);
}

/** 学籍 states in which a degree cannot be awarded. */
export const STATES_WITHOUT_DEGREE: ReadonlySet<string> = new Set([
  '休学', '退学', '保留学籍', '暂缓注册', '待注册', '不予注册', '开除学籍', '取消学籍', '死亡', '注销学籍', '转出', '应征入伍保留学籍',
]);

/** Rules about key fields: a difference there is an error that only a person fixes (第十五条 for reported data). */
export const XUEJI_KEY_RULES: ReadonlySet<string> = new Set(['xueji.name', 'xueji.idNumber', 'xueji.birthDate', 'xueji.sex']);

/**
 * Degree-sheet fields never changed by adopting a 学籍 value: the key information of 第十五条 (姓名, 证件号码,
 * 性别 code and name, 学位类别 code and name) and the date of birth the national check keys on.
 */
export const XUEJI_KEY_FIELDS: ReadonlySet<string> = new Set(['XM', 'ZJHM', 'CSRQ', 'XBM', 'XB', 'XWLBM', 'XWLB']);

/**
 * Rules whose issue is a value that differs from the 学籍 value of the same field, so that adopting the 学籍 value
 * fixes it. Not: key fields, status and conclusion (about the student, not a cell), not found, ambiguous, no degree
 * row, award before graduation (the 学籍 date belongs to another field).
 */
export const XUEJI_ADOPTABLE_RULES: ReadonlySet<string> = new Set([
  'xueji.examNumber',
  'xueji.studentNumber',
  'xueji.majorCode',
  'xueji.majorName',
  'xueji.ethnicity',
  'xueji.political',
  'xueji.studyForm',
  'xueji.length',
  'xueji.enrolment',
  'xueji.graduation',
]);
