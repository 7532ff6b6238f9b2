import type { CodeTable } from '../codeTable';

const NAMES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

/** Legacy names of older editions of the standard (36 毛难族, 46 崩龙族). */
const LEGACY: Record<string, string[]> = { 毛南族: ['毛难族'], 德昂族: ['崩龙族'] };

export const ethnicityTable: CodeTable = {
  id: 'ethnicity',
  title: { 'zh-CN': '民族', 'en-US': 'Ethnic group' },
  source: 'GB/T 3304-1991',
  version: '1991',
  complete: true,
  codeLength: 2,
  entries: [
    ...NAMES.map((name, index) => ({
      code: String(index + 1).padStart(2, '0'),
      name,
      // 学信网 and hand-typed sheets often drop the trailing 族 ("汉", "蒙古").
      aliases: [name.slice(0, -1), ...(LEGACY[name] ?? [])],
    })),
    { code: '97', name: '其他', aliases: ['其它', '其他族', '其它族'] },
    { code: '98', name: '外国血统中国籍人士', aliases: ['外国血统'] },
  ],
};
