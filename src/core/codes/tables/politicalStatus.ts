import type { CodeTable } from '../codeTable';

export const politicalStatusTable: CodeTable = {
  id: 'politicalStatus',
  title: { 'zh-CN': '政治面貌', 'en-US': 'Political status' },
  source: 'GB/T 4762-1984',
  version: '1984',
  complete: true,
  codeLength: 2,
  entries: [
    { code: '01', name: '中国共产党党员', aliases: ['中共党员', '党员', '共产党员'] },
    { code: '02', name: '中国共产党预备党员', aliases: ['中共预备党员', '预备党员'] },
    { code: '03', name: '中国共产主义青年团团员', aliases: ['共青团员', '团员', '中共团员'] },
    { code: '04', name: '中国国民党革命委员会会员', aliases: ['民革会员', '民革党员'] },
    { code: '05', name: '中国民主同盟盟员', aliases: ['民盟盟员'] },
    { code: '06', name: '中国民主建国会会员', aliases: ['民建会员'] },
    { code: '07', name: '中国民主促进会会员', aliases: ['民进会员'] },
    { code: '08', name: '中国农工民主党党员', aliases: ['农工党党员'] },
    { code: '09', name: '中国致公党党员', aliases: ['致公党党员'] },
    { code: '10', name: '九三学社社员' },
    { code: '11', name: '台湾民主自治同盟盟员', aliases: ['台盟盟员'] },
    { code: '12', name: '无党派民主人士', aliases: ['无党派人士'] },
    { code: '13', name: '群众' },
  ],
};
