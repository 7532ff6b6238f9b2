import type { CodeTable } from '../codeTable';

/** GB/T 2659 (ISO 3166-1 numeric) with the short Chinese names the G3 template uses. */
export const countryTable: CodeTable = {
  id: 'country',
  title: { 'zh-CN': '国家或地区', 'en-US': 'Country or region' },
  source: 'GB/T 2659-2000 (ISO 3166-1 numeric)',
  version: '2000',
  complete: true,
  codeLength: 3,
  entries: [
    { code: '156', name: '中国', aliases: ['中华人民共和国', 'CHN', 'China'] },
    { code: '344', name: '中国香港', aliases: ['香港', '中国香港特别行政区', '香港特别行政区'] },
    { code: '446', name: '中国澳门', aliases: ['澳门', '中国澳门特别行政区', '澳门特别行政区'] },
    { code: '158', name: '中国台湾', aliases: ['台湾', '台湾地区'] },
  ],
};

export const CHINA_CODE = '156';
/** 港澳台: Chinese nationals who are not mainland residents (政治面貌 stays empty). */
export const HK_MO_TW_CODES: ReadonlySet<string> = new Set(['344', '446', '158']);
