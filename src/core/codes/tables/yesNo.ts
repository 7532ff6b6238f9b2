import type { CodeTable } from '../codeTable';

export const yesNoTable: CodeTable = {
  id: 'yesNo',
  title: { 'zh-CN': '是/否', 'en-US': 'Yes/No' },
  source: '学位授予信息 flags',
  version: '2014',
  complete: true,
  entries: [
    { code: '是', name: '是', aliases: ['1', 'Y', 'y', 'T'] },
    { code: '否', name: '否', aliases: ['0', 'N', 'n', 'F'] },
  ],
};
