import type { CodeTableId } from '../codes/codeTable';

/**
 * What a field holds, which decides its format check and how a number-typed Excel cell is judged:
 * for `code`, `id`, `digits`, `date` and `month` a number cell may have lost digits or leading zeros.
 */
export type FieldKind =
  | 'text' // free text
  | 'personName' // 姓名 and other people's names
  | 'pinyin'
  | 'code' // value of a code table, by code
  | 'codeName' // value of a code table, by name
  | 'id' // 身份证件号码
  | 'digits' // fixed digit strings: unit codes, certificate number, 考生号
  | 'date' // YYYYMMDD
  | 'month' // YYYYMM
  | 'decimal' // 学制
  | 'list'; // several values separated by ；

export interface FieldDefinition {
  code: string;
  /** 汉字名称 as the national template writes it. */
  label: string;
  /** Other header labels seen in exporters (证件号码 for 身份证件号码 …). */
  labelAliases?: readonly string[];
  en: string;
  /** Maximum length in characters. */
  maxLength: number;
  kind: FieldKind;
  codeTable?: CodeTableId;
  /** The other half of a code/name pair: XBM ↔ XB. */
  companion?: string;
  /** Exact digit count for `digits` fields. */
  digits?: number;
}

const field = (
  code: string,
  label: string,
  en: string,
  maxLength: number,
  kind: FieldKind,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({ code, label, en, maxLength, kind, ...extra });

/** Every field any generation of the template uses, keyed by upper-case code. */
export const FIELDS: Readonly<Record<string, FieldDefinition>> = Object.fromEntries(
  [
    field('XM', '姓名', 'Name', 40, 'personName'),
    field('XMPY', '姓名拼音', 'Name in pinyin', 60, 'pinyin'),
    field('XBM', '性别码', 'Sex code', 1, 'code', { codeTable: 'sex', companion: 'XB' }),
    field('XB', '性别', 'Sex', 10, 'codeName', { codeTable: 'sex', companion: 'XBM' }),
    field('GBM', '国家或地区码', 'Country code', 3, 'code', { codeTable: 'country', companion: 'GB', labelAliases: ['国籍码', '国别码'] }),
    field('GB', '国家或地区', 'Country or region', 40, 'codeName', { codeTable: 'country', companion: 'GBM', labelAliases: ['国籍', '国别'] }),
    field('MZM', '民族码', 'Ethnic group code', 2, 'code', { codeTable: 'ethnicity', companion: 'MZ' }),
    field('MZ', '民族', 'Ethnic group', 20, 'codeName', { codeTable: 'ethnicity', companion: 'MZM' }),
    field('ZZMMM', '政治面貌码', 'Political status code', 2, 'code', { codeTable: 'politicalStatus', companion: 'ZZMM' }),
    field('ZZMM', '政治面貌', 'Political status', 30, 'codeName', { codeTable: 'politicalStatus', companion: 'ZZMMM' }),
    field('CSRQ', '出生日期', 'Date of birth', 8, 'date'),
    field('ZJLXM', '身份证件类型码', 'ID type code', 2, 'code', { codeTable: 'idType', companion: 'ZJLX', labelAliases: ['证件类型码'] }),
    field('ZJLX', '身份证件类型', 'ID type', 30, 'codeName', { codeTable: 'idType', companion: 'ZJLXM', labelAliases: ['证件类型'] }),
    field('ZJHM', '身份证件号码', 'ID number', 18, 'id', { labelAliases: ['证件号码', '身份证号', '身份证号码'] }),
    field('XWSYDWM', '学位授予单位码', 'Awarding institution code', 5, 'digits', { digits: 5, companion: 'XWSYDW', labelAliases: ['学位授予单位代码'] }),
    field('XWSYDW', '学位授予单位名称', 'Awarding institution', 60, 'text', { companion: 'XWSYDWM', labelAliases: ['学位授予单位'] }),
    field('XZXM', '学位授予单位校长姓名', "President's name", 40, 'personName', {
      labelAliases: ['学位授予单位校长（院长、所长）姓名', '学位授予单位校长(院长、所长)姓名', '校长姓名'],
    }),
    field('ZXXM', '学位评定委员会主席姓名', 'Chair of the degree committee', 40, 'personName', { labelAliases: ['主席姓名'] }),
    field('PYDWM', '培养单位码', 'Training institution code', 5, 'digits', { digits: 5, companion: 'PYDW', labelAliases: ['培养单位代码'] }),
    field('PYDW', '培养单位名称', 'Training institution', 60, 'text', { companion: 'PYDWM', labelAliases: ['培养单位'] }),
    field('XWLBM', '学位类别码', 'Degree type code', 3, 'code', { codeTable: 'degreeType', companion: 'XWLB', labelAliases: ['学位代码'] }),
    field('XWLB', '学位类别', 'Degree type', 30, 'codeName', { codeTable: 'degreeType', companion: 'XWLBM', labelAliases: ['学位类别名称'] }),
    field('ZYDM', '学士学位专业代码', 'Major code', 8, 'code', { companion: 'ZYMC', labelAliases: ['专业代码', '专业码', '学士专业码'] }),
    field('ZYMC', '学士学位专业名称', 'Major', 60, 'text', { companion: 'ZYDM', labelAliases: ['专业名称', '学士专业', '专业'] }),
    field('ZSZYMC', '证书专业名称', 'Major as printed on the certificate', 60, 'text', { labelAliases: ['自主设置专业名称'] }),
    field('KSH', '考生号', 'Examinee number', 40, 'digits', {}),
    field('RXNY', '入学年月', 'Month of enrolment', 6, 'month'),
    field('XH', '学号', 'Student number', 40, 'digits'),
    field('XZ', '学制', 'Length of programme (years)', 3, 'decimal'),
    field('XXXSM', '学习形式码', 'Mode of study code', 2, 'code', { codeTable: 'studyForm', companion: 'XXXS' }),
    field('XXXS', '学习形式', 'Mode of study', 20, 'codeName', { codeTable: 'studyForm', companion: 'XXXSM' }),
    field('WYKSNY', '通过英语水平考试年月', 'Month the English exam was passed', 6, 'month', { labelAliases: ['外语考试年月', '通过外语考试年月'] }),
    field('BYNY', '毕业年月', 'Month of graduation', 6, 'month'),
    field('HXWRQ', '获学位日期', 'Date the degree was awarded', 8, 'date', { labelAliases: ['获得学位日期', '授予学位日期'] }),
    field('SFDEXW', '是否第二学位', 'Second bachelor degree', 5, 'codeName', { codeTable: 'yesNo' }),
    field('SFFXXW', '是否辅修学位', 'Minor degree', 5, 'codeName', { codeTable: 'yesNo' }),
    field('XWZSBH', '学位证书编号', 'Degree certificate number', 17, 'digits', { labelAliases: ['证书编号'] }),
    field('JYBH', '决议编号', 'Decision number', 60, 'text', { labelAliases: ['决议编号（文号）', '决议编号(文号)', '学位授予决议编号'] }),
    field('ZP', '照片文件名称', 'Photo file name', 60, 'text', { labelAliases: ['照片', '照片文件名'] }),
    field('BZ', '备注', 'Remarks', 200, 'text'),
    field('QQHM', 'QQ号码', 'QQ number', 20, 'text'),
    field('WXZH', '微信账号', 'WeChat account', 40, 'text'),
    field('DZYX', '电子邮箱', 'E-mail', 60, 'text'),
    field('YXDM', '院系代码', 'Department code', 20, 'text'),
    field('DSXM', '导师姓名', 'Adviser(s)', 100, 'list'),
    field('LWLX', '论文类型', 'Thesis type', 10, 'codeName', { codeTable: 'thesisType' }),
    field('LWTM', '论文题目', 'Thesis title', 200, 'text'),
    field('LWGJC', '论文关键词', 'Thesis keywords', 200, 'list'),
    field('LWXTLY', '论文选题来源', 'Source of the thesis topic', 60, 'text'),
    field('LWYJFX', '论文研究方向', 'Research direction(s)', 40, 'list'),
    field('LWZXYZ', '论文撰写语种', 'Thesis language', 20, 'codeName', { codeTable: 'thesisLanguage' }),
  ].map((definition) => [definition.code, definition]),
);

/** Columns where a number-typed Excel cell can have lost digits, leading zeros or become a date. */
export function isDigitSensitive(definition: FieldDefinition): boolean {
  return (
    definition.kind === 'code' ||
    definition.kind === 'id' ||
    definition.kind === 'digits' ||
    definition.kind === 'date' ||
    definition.kind === 'month'
  );
}
