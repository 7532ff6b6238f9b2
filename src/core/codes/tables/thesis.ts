import type { CodeTable } from '../codeTable';

/** 论文类型 as the bachelor thesis spot-check platform lists them. */
export const thesisTypeTable: CodeTable = {
  id: 'thesisType',
  title: { 'zh-CN': '论文类型', 'en-US': 'Thesis type' },
  source: '学士学位论文抽检平台 填写说明 (2024)',
  version: '2024',
  complete: true,
  entries: [
    { code: '毕业论文', name: '毕业论文', aliases: ['论文', '学位论文'] },
    { code: '毕业设计', name: '毕业设计', aliases: ['设计'] },
    { code: '涉密论文', name: '涉密论文' },
    { code: '其他', name: '其他', aliases: ['其它'] },
    { code: '无', name: '无' },
  ],
};

/** Types whose thesis details must stay empty. */
export const THESIS_WITHOUT_DETAILS: ReadonlySet<string> = new Set(['涉密论文', '无']);

/** 论文撰写语种: the platform's pick-list is unpublished, so this list is incomplete [INFERRED]. */
export const thesisLanguageTable: CodeTable = {
  id: 'thesisLanguage',
  title: { 'zh-CN': '论文撰写语种', 'en-US': 'Thesis language' },
  source: '学位授予信息 (2024) [INFERRED]',
  version: '2024-inferred',
  complete: false,
  entries: [
    '中文', '英文', '日文', '俄文', '德文', '法文', '西班牙文', '阿拉伯文', '朝鲜文', '葡萄牙文', '意大利文', '泰文', '越南文',
    '印尼文', '马来文', '缅甸文', '老挝文', '柬埔寨文', '其他',
  ].map((name) => ({ code: name, name, aliases: name.endsWith('文') ? [`${name.slice(0, -1)}语`] : [] })),
};
