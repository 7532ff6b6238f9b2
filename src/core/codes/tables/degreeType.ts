import type { CodeTable } from '../codeTable';

export const degreeTypeTable: CodeTable = {
  id: 'degreeType',
  title: { 'zh-CN': '学位类别', 'en-US': 'Degree type' },
  source: 'GB/T 6864 学士学位代码; 413 艺术学 since 2011',
  version: '2011',
  complete: true,
  codeLength: 3,
  entries: [
    ['401', '哲学'], ['402', '经济学'], ['403', '法学'], ['404', '教育学'], ['405', '文学'], ['406', '历史学'], ['407', '理学'],
    ['408', '工学'], ['409', '农学'], ['410', '医学'], ['411', '军事学'], ['412', '管理学'], ['413', '艺术学'],
  ]
    .map(([code, field]) => ({ code, name: `${field}学士学位`, aliases: [`${field}学士`, field] }))
    .concat([{ code: '444', name: '建筑学学士专业学位', aliases: ['建筑学学士', '建筑学学士学位'] }]),
};

/** The 门类 (first two digits of a major code) → the degree it awards when the major table has no entry. */
export const DISCIPLINE_DEGREE: Readonly<Record<string, string>> = {
  '01': '401', '02': '402', '03': '403', '04': '404', '05': '405', '06': '406', '07': '407', '08': '408', '09': '409',
  '10': '410', '11': '411', '12': '412', '13': '413',
};
