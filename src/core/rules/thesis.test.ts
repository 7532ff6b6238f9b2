import type { Generation, Issue, Locale } from '../model/types';
import { gridFromRecords, validRecord } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { validateWorkbook } from '../validate';
import { thesisRules } from './thesis';

/** Issues of the thesis family for a G3 sheet of two records, the second (Excel row 3) changed. */
function thesisIssues(changes: Record<string, string>, locale: Locale = 'zh-CN', generation: Generation = 'G3'): Issue[] {
  const records = [validRecord(0, generation), { ...validRecord(1, generation), ...changes }];
  const result = validateWorkbook([gridFromRecords(generation, records)], { today: '20261128', locale });
  if (!result.ok) throw new Error(result.reason);
  return result.report.issues.filter((issue) => issue.rule.startsWith('thesis.') && issue.row === 3);
}

const rulesOf = (issues: Issue[]) => issues.map((issue) => issue.rule);
const columnOf = (code: string) => columnLetter(templateColumns('G3', '普通').findIndex((column) => column.code === code));

const NO_DETAILS = { DSXM: '', LWTM: '', LWGJC: '', LWYJFX: '', LWZXYZ: '' };

describe('the fixtures', () => {
  it('raise no thesis issue', () => {
    const records = [0, 1, 2, 3, 4].map((index) => validRecord(index, 'G3'));
    const result = validateWorkbook([gridFromRecords('G3', records)], { today: '20261128' });
    expect(result.ok && result.report.issues.filter((issue) => issue.rule.startsWith('thesis.'))).toEqual([]);
  });

  it('do not apply to sheets without thesis columns (G2)', () => {
    expect(thesisIssues({ DSXM: '张三，李四' }, 'zh-CN', 'G2')).toEqual([]);
  });
});

describe('thesis.detailsForbidden', () => {
  it.each(['涉密论文', '无'])('reports each filled detail of a “%s” record, at its own cell', (LWLX) => {
    const issues = thesisIssues({ LWLX });
    expect(issues).toEqual(
      ['DSXM', 'LWTM', 'LWGJC', 'LWYJFX', 'LWZXYZ'].map((field) =>
        expect.objectContaining({
          rule: 'thesis.detailsForbidden',
          severity: 'error',
          row: 3,
          column: columnOf(field),
          field,
        }),
      ),
    );
    expect(issues[0].message).toBe(`论文类型为“${LWLX}”时导师姓名应为空`);
    expect(issues[0].suggestion).toBeUndefined();
  });

  it('reports only the fields that are filled', () => {
    expect(thesisIssues({ LWLX: '涉密论文', ...NO_DETAILS, LWTM: '某型装置的设计' })).toEqual([
      expect.objectContaining({ rule: 'thesis.detailsForbidden', field: 'LWTM', value: '某型装置的设计' }),
    ]);
  });

  it('accepts a classified thesis without details', () => {
    expect(thesisIssues({ LWLX: '涉密论文', ...NO_DETAILS })).toEqual([]);
    expect(thesisIssues({ LWLX: '无', ...NO_DETAILS })).toEqual([]);
  });

  it('does not also check the format of a forbidden field', () => {
    expect(rulesOf(thesisIssues({ LWLX: '无', ...NO_DETAILS, DSXM: '张三，李四' }))).toEqual(['thesis.detailsForbidden']);
  });
});

describe('thesis.detailsRequired', () => {
  it.each(['毕业论文', '毕业设计', '其他'])('requires every detail of a “%s” record', (LWLX) => {
    expect(thesisIssues({ LWLX, ...NO_DETAILS })).toEqual(
      ['DSXM', 'LWTM', 'LWGJC', 'LWYJFX', 'LWZXYZ'].map((field) =>
        expect.objectContaining({ rule: 'thesis.detailsRequired', severity: 'error', row: 3, column: columnOf(field), field }),
      ),
    );
  });

  it('names the missing field and the thesis type', () => {
    const [issue] = thesisIssues({ LWLX: '毕业设计', LWZXYZ: '' });
    expect(issue).toMatchObject({ rule: 'thesis.detailsRequired', field: 'LWZXYZ', column: columnOf('LWZXYZ') });
    expect(issue.message).toBe('论文类型为“毕业设计”时论文撰写语种必填');
    expect(thesisIssues({ LWLX: '毕业设计', LWZXYZ: '' }, 'en-US')[0].message).toBe(
      'Thesis language is required when Thesis type is “毕业设计”',
    );
  });

  it('understands a short thesis type (an alias, warned about by code.alias)', () => {
    expect(rulesOf(thesisIssues({ LWLX: '论文', DSXM: '' }))).toEqual(['thesis.detailsRequired']);
  });

  it('decides nothing while the thesis type is empty or unknown', () => {
    expect(thesisIssues({ LWLX: '', ...NO_DETAILS })).toEqual([]);
    expect(thesisIssues({ LWLX: '综述', ...NO_DETAILS })).toEqual([]);
  });
});

describe('thesis.separator', () => {
  it.each([
    ['DSXM', '张三，李四', '张三；李四'],
    ['DSXM', '张三、李四', '张三；李四'],
    ['DSXM', '张三 李四', '张三；李四'],
    ['DSXM', '张三/李四', '张三；李四'],
    ['LWGJC', '人才培养,教学改革', '人才培养；教学改革'],
    ['LWGJC', '人才培养；教学改革、课程思政', '人才培养；教学改革；课程思政'],
    ['LWYJFX', '应用研究 ， 教学研究', '应用研究；教学研究'],
  ])('reports %s “%s” and proposes “%s”', (field, value, suggestion) => {
    expect(thesisIssues({ [field]: value }).filter((issue) => issue.rule === 'thesis.separator')).toEqual([
      expect.objectContaining({
        rule: 'thesis.separator',
        severity: 'error',
        row: 3,
        column: columnOf(field),
        field,
        value,
        suggestion,
      }),
    ]);
  });

  it('names the separator it found', () => {
    expect(thesisIssues({ DSXM: '张三、李四' })[0].message).toBe('导师姓名“张三、李四”用顿号“、”分隔多项，多项之间应使用分号“；”');
    expect(thesisIssues({ DSXM: '张三、李四' }, 'en-US')[0].message).toBe(
      'Adviser(s) “张三、李四” separates items with an enumeration comma “、”; use a semicolon “；”',
    );
  });

  it.each([
    ['DSXM', '张三；李四'],
    ['DSXM', '张三;李四'],
    ['DSXM', '阿卜杜·热合曼'],
    ['DSXM', 'John Smith'],
    ['LWGJC', '机器学习；TCP/IP；machine learning'],
    ['LWGJC', '人才培养'],
  ])('accepts %s “%s”', (field, value) => {
    expect(thesisIssues({ [field]: value })).toEqual([]);
  });
});

describe('thesis.keywordsTooLong', () => {
  const keyword = '人工智能辅助英语写作教学'; // 12 characters

  it('reports keywords over 100 characters in total, separators not counted', () => {
    const value = Array.from({ length: 9 }, () => keyword).join('；'); // 108 characters
    expect(thesisIssues({ LWGJC: value })).toEqual([
      expect.objectContaining({ rule: 'thesis.keywordsTooLong', severity: 'error', row: 3, column: columnOf('LWGJC'), field: 'LWGJC' }),
    ]);
    expect(thesisIssues({ LWGJC: value })[0].message).toBe('论文关键词共 108 个字，超过上限 100 个');
  });

  it('accepts exactly 100 characters', () => {
    const value = [...Array.from({ length: 8 }, () => keyword), '教学改革'].join('；'); // 96 + 4
    expect(thesisIssues({ LWGJC: value })).toEqual([]);
  });
});

describe('thesis.directionInvalid', () => {
  it('reports more than two directions', () => {
    const [issue] = thesisIssues({ LWYJFX: '应用研究；教学研究；翻译研究' });
    expect(issue).toMatchObject({ rule: 'thesis.directionInvalid', severity: 'error', row: 3, column: columnOf('LWYJFX'), field: 'LWYJFX' });
    expect(issue.message).toBe('论文研究方向“应用研究；教学研究；翻译研究”不符合要求：有 3 个方向，最多 2 个');
  });

  it('reports a direction longer than 15 characters', () => {
    const long = '基于语料库的商务英语翻译策略与方法研究'; // 19
    expect(thesisIssues({ LWYJFX: `应用研究；${long}` })[0].message).toBe(
      `论文研究方向“应用研究；${long}”不符合要求：“${long}”超过 15 个字`,
    );
  });

  it('reports a direction that is not Chinese only', () => {
    const issues = thesisIssues({ LWYJFX: 'AI写作；5G通信' });
    expect(issues).toEqual([expect.objectContaining({ rule: 'thesis.directionInvalid', field: 'LWYJFX' })]);
    expect(issues[0].message).toBe('论文研究方向“AI写作；5G通信”不符合要求：“AI写作”、“5G通信”含汉字以外的字符');
  });

  it('counts directions split by a wrong separator, which thesis.separator reports', () => {
    expect(rulesOf(thesisIssues({ LWYJFX: '应用研究，教学研究，翻译研究' }))).toEqual(['thesis.separator', 'thesis.directionInvalid']);
  });

  it('accepts up to two Chinese directions of up to 15 characters', () => {
    expect(thesisIssues({ LWYJFX: '跨文化交际；基于语料库的翻译策略研究' })).toEqual([]);
  });
});

describe('thesis.directionIsMajor', () => {
  it('reports a direction that is the major’s name', () => {
    // Record 1 studies 日语.
    const issues = thesisIssues({ LWYJFX: '日语；日本文学' });
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'thesis.directionIsMajor', severity: 'error', row: 3, column: columnOf('LWYJFX'), field: 'LWYJFX' }),
    ]);
    expect(issues[0].message).toBe('论文研究方向“日语；日本文学”中的“日语”就是专业名称，应填写具体研究方向');
  });

  it('accepts a direction that only contains the major’s name', () => {
    expect(thesisIssues({ LWYJFX: '日语教学' })).toEqual([]);
  });
});

describe('texts', () => {
  it('has Chinese and English texts for every rule', () => {
    for (const definition of Object.values(thesisRules)) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = definition.text[locale];
        expect(text.title && text.why && text.fix).toBeTruthy();
      }
    }
  });
});
