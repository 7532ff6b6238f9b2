import type { CodeTable } from '../codeTable';

/**
 * Only `01` is confirmed for the 学位 table; the rest follow JY/T 1001 padded to two characters [INFERRED],
 * so the table is marked incomplete (unknown values warn) and a school profile can correct it.
 */
export const idTypeTable: CodeTable = {
  id: 'idType',
  title: { 'zh-CN': '身份证件类型', 'en-US': 'ID document type' },
  source: '学位授予信息代码手册 表3.2.1; JY/T 1001 [INFERRED after 01]',
  version: '2012-inferred',
  complete: false,
  codeLength: 2,
  entries: [
    { code: '01', name: '中华人民共和国居民身份证', equivalents: ['居民身份证'], aliases: ['身份证', '二代身份证'] },
    { code: '02', name: '军官证' },
    { code: '03', name: '士兵证' },
    { code: '04', name: '文职干部证' },
    { code: '05', name: '部队离退休证' },
    { code: '06', name: '香港特区护照/身份证明', aliases: ['港澳居民来往内地通行证(香港)', '香港身份证'] },
    { code: '07', name: '澳门特区护照/身份证明', aliases: ['港澳居民来往内地通行证(澳门)', '澳门身份证'] },
    { code: '08', name: '台湾居民来往大陆通行证', aliases: ['台胞证'] },
    { code: '09', name: '境外永久居住证' },
    { code: '10', name: '护照' },
    { code: '11', name: '户口簿' },
    { code: '99', name: '其他' },
  ],
};

/** The resident ID card: the one type whose number structure (GB 11643) can be fully checked. */
export const RESIDENT_ID_CODE = '01';
