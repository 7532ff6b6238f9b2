import type { CodeTable } from '../codeTable';

export const sexTable: CodeTable = {
  id: 'sex',
  title: { 'zh-CN': '性别', 'en-US': 'Sex' },
  source: 'GB/T 2261.1-2003',
  version: '2003',
  complete: true,
  codeLength: 1,
  entries: [
    { code: '1', name: '男', aliases: ['男性'] },
    { code: '2', name: '女', aliases: ['女性'] },
    { code: '0', name: '未知的性别' },
    { code: '9', name: '未说明的性别' },
  ],
};
