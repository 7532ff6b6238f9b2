import { THESIS_WITHOUT_DETAILS } from '../codes/tables/thesis';
import { codePointLength } from '../util/text';
import { defineRules, type RowCheck, type RowContext } from './rule';

/**
 * The G3 thesis fields, as the bachelor thesis spot-check platform's 填写说明 states them: details only when there
 * is a thesis, several items separated by “；” or “;”, keywords up to 100 汉字, at most two Chinese research
 * directions of up to 15 字 that are not the major's name. LWLX / LWZXYZ membership is the code family's.
 */
export const thesisRules = defineRules({
  'thesis.detailsForbidden': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '涉密论文或无论文时不应填写论文信息',
        why: '论文类型为“涉密论文”或“无”时，导师姓名、论文题目、关键词、研究方向和撰写语种都应为空；填写了会泄露涉密信息或被论文抽检平台退回。',
        fix: '清空该单元格；若该生实际有可公开的论文，请改正论文类型。',
        message: (p) => `${p.otherLabel}为“${p.type}”时${p.label}应为空`,
      },
      'en-US': {
        title: 'Thesis details given for a classified or missing thesis',
        why: 'When the thesis type is 涉密论文 (classified) or 无 (none), adviser, title, keywords, directions and language stay empty; filling them discloses classified details or gets the record sent back by the thesis spot-check platform.',
        fix: 'Clear the cell; if the student has a public thesis, correct the thesis type instead.',
        message: (p) => `${p.label} must be empty when ${p.otherLabel} is “${p.type}”`,
      },
    },
  },
  'thesis.detailsRequired': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '缺少论文信息',
        why: '自2024年6月1日起，学士学位论文抽检平台直接从学位授予信息中提取导师、题目、关键词、研究方向和撰写语种；有论文的记录缺了这些信息不能提交。',
        fix: '按学位论文原文和毕业论文（设计）管理系统补填；确实没有论文的，论文类型填“无”。',
        message: (p) => `${p.otherLabel}为“${p.type}”时${p.label}必填`,
      },
      'en-US': {
        title: 'Thesis detail missing',
        why: 'Since 1 June 2024 the thesis spot-check platform takes adviser, title, keywords, directions and language from the degree records; a record with a thesis cannot be submitted without them.',
        fix: 'Fill it in from the thesis and the graduation-project system; if there is no thesis, set the thesis type to 无.',
        message: (p) => `${p.label} is required when ${p.otherLabel} is “${p.type}”`,
      },
    },
  },
  'thesis.separator': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '多项之间应以分号分隔',
        why: '论文抽检平台规定多名导师、多个关键词、多个研究方向之间用中文或英文分号（“；”或“;”）分隔，其他分隔符会被当成一项。',
        fix: '把逗号、顿号、斜杠或空格等分隔符改为“；”（建议值）。',
        message: (p) => `${p.label}“${p.value}”用${p.found}分隔多项，多项之间应使用分号“；”`,
      },
      'en-US': {
        title: 'Items must be separated by semicolons',
        why: 'The thesis spot-check platform wants several advisers, keywords or directions separated by a semicolon (“；” or “;”); anything else is read as one item.',
        fix: 'Replace commas, enumeration commas, slashes or spaces between items with “；” (the suggestion).',
        message: (p) => `${p.label} “${p.value}” separates items with ${p.foundEn}; use a semicolon “；”`,
      },
    },
  },
  'thesis.keywordsTooLong': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '论文关键词超过100字',
        why: '论文抽检平台规定论文关键词合计不超过100个汉字，超长的记录会被退回。',
        fix: '精简关键词，一般保留3–5个，合计不超过100字。',
        message: (p) => `${p.label}共 ${p.count} 个字，超过上限 ${p.max} 个`,
      },
      'en-US': {
        title: 'Keywords longer than 100 characters',
        why: 'The thesis spot-check platform allows at most 100 Chinese characters of keywords in total and sends longer records back.',
        fix: 'Cut the keywords down, usually to 3–5, at most 100 characters in total.',
        message: (p) => `${p.label} has ${p.count} characters in total, more than the maximum of ${p.max}`,
      },
    },
  },
  'thesis.directionInvalid': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '论文研究方向不符合要求',
        why: '论文抽检平台规定研究方向只能填中文，最多2个，每个不超过15个字。',
        fix: '保留最多2个研究方向，每个用不超过15个汉字表述，不含字母、数字和标点，多个之间用“；”分隔。',
        message: (p) =>
          `${p.label}“${p.value}”不符合要求：${[
            p.count ? `有 ${p.count} 个方向，最多 2 个` : '',
            p.long ? `${p.long}超过 15 个字` : '',
            p.foreign ? `${p.foreign}含汉字以外的字符` : '',
          ]
            .filter(Boolean)
            .join('；')}`,
      },
      'en-US': {
        title: 'Research directions do not meet the rules',
        why: 'The thesis spot-check platform accepts at most two research directions, in Chinese only, of at most 15 characters each.',
        fix: 'Keep at most two directions of at most 15 Chinese characters each, without letters, digits or punctuation, separated by “；”.',
        message: (p) =>
          `${p.label} “${p.value}” does not meet the rules: ${[
            p.count ? `${p.count} directions, at most 2 allowed` : '',
            p.long ? `${p.long} longer than 15 characters` : '',
            p.foreign ? `${p.foreign} not Chinese only` : '',
          ]
            .filter(Boolean)
            .join('; ')}`,
      },
    },
  },
  'thesis.directionIsMajor': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '论文研究方向与专业名称相同',
        why: '论文抽检平台规定研究方向不能直接填写专业名称，应是论文所属的具体研究领域。',
        fix: '改为论文实际的研究方向，如“跨文化交际”“机器翻译”，而不是专业名称本身。',
        message: (p) => `${p.label}“${p.value}”中的“${p.major}”就是专业名称，应填写具体研究方向`,
      },
      'en-US': {
        title: 'Research direction is the major’s name',
        why: 'The thesis spot-check platform refuses the major’s name as a research direction; it wants the thesis’s actual field of research.',
        fix: 'Write the thesis’s actual research direction (e.g. 跨文化交际, 机器翻译), not the name of the major.',
        message: (p) => `${p.label} “${p.value}” gives the major’s name “${p.major}” as a direction; name the actual field of research`,
      },
    },
  },
});

/** The details a thesis type of 涉密论文 or 无 leaves empty and any other type requires, in template order. */
const DETAIL_FIELDS = ['DSXM', 'LWTM', 'LWGJC', 'LWYJFX', 'LWZXYZ'] as const;
/** Fields that may hold several items. */
const LIST_FIELDS = ['DSXM', 'LWGJC', 'LWYJFX'] as const;

const KEYWORDS_MAX = 100;
const DIRECTIONS_MAX = 2;
const DIRECTION_LENGTH_MAX = 15;

const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
/** A separator with the spaces around it, or a run of spaces. */
const SEPARATOR = /\s*([；;，,、/／|｜\\])\s*|\s+/gu;
const ALLOWED = new Set(['；', ';']);
/** Separators wrong wherever they stand; slashes, bars and spaces only between Chinese characters (TCP/IP, machine learning). */
const ALWAYS_WRONG = new Set(['，', ',', '、']);

const SEPARATOR_NAMES: Record<string, [string, string]> = {
  '，': ['中文逗号“，”', 'a Chinese comma “，”'],
  ',': ['英文逗号“,”', 'a comma “,”'],
  '、': ['顿号“、”', 'an enumeration comma “、”'],
  ' ': ['空格', 'spaces'],
  '/': ['斜杠“/”', 'a slash “/”'],
  '／': ['斜杠“／”', 'a slash “／”'],
  '|': ['竖线“|”', 'a bar “|”'],
  '｜': ['竖线“｜”', 'a bar “｜”'],
  '\\': ['反斜杠“\\”', 'a backslash “\\”'],
};

interface SplitList {
  /** The items, trimmed, empty ones dropped; split at wrong separators too. */
  items: string[];
  /** The wrong separators found, in order of appearance. */
  wrong: string[];
}

function splitList(value: string): SplitList {
  const items: string[] = [];
  const wrong: string[] = [];
  let start = 0;
  for (const match of value.matchAll(SEPARATOR)) {
    const at = match.index;
    const separator = match[1] ?? ' ';
    const between = HAN.test(value.charAt(at - 1)) && HAN.test(value.charAt(at + match[0].length));
    const isSeparator = ALLOWED.has(separator) || ALWAYS_WRONG.has(separator) || between;
    if (!isSeparator) continue;
    if (!ALLOWED.has(separator) && !wrong.includes(separator)) wrong.push(separator);
    items.push(value.slice(start, at));
    start = at + match[0].length;
  }
  items.push(value.slice(start));
  return { items: items.map((item) => item.trim()).filter(Boolean), wrong };
}


function checkSeparators(row: RowContext, field: string, list: SplitList): void {
  if (list.wrong.length === 0) return;
  const names = list.wrong.map((separator) => SEPARATOR_NAMES[separator] ?? [`“${separator}”`, `“${separator}”`]);
  row.report(
    'thesis.separator',
    field,
    { found: names.map(([zh]) => zh).join('、'), foundEn: names.map(([, en]) => en).join(', ') },
    list.items.join('；'),
  );
}

function checkKeywords(row: RowContext, list: SplitList): void {
  const count = codePointLength(list.items.join('').replace(/\s/g, ''));
  if (count > KEYWORDS_MAX) row.report('thesis.keywordsTooLong', 'LWGJC', { count, max: KEYWORDS_MAX });
}

function checkDirections(row: RowContext, list: SplitList): void {
  const quote = (items: string[]) => items.map((item) => `“${item}”`).join('、');
  const long = list.items.filter((item) => codePointLength(item) > DIRECTION_LENGTH_MAX);
  const foreign = list.items.filter((item) => !ONLY_HAN.test(item));
  if (list.items.length > DIRECTIONS_MAX || long.length > 0 || foreign.length > 0) {
    row.report('thesis.directionInvalid', 'LWYJFX', {
      count: list.items.length > DIRECTIONS_MAX ? list.items.length : undefined,
      long: long.length > 0 ? quote(long) : undefined,
      foreign: foreign.length > 0 ? quote(foreign) : undefined,
    });
  }
  const major = row.get('ZYMC');
  if (major && list.items.includes(major)) row.report('thesis.directionIsMajor', 'LWYJFX', { major });
}

/** Whether the thesis type asks for details: undefined when LWLX is empty or not a known type. */
function detailsWanted(row: RowContext): { type: string; wanted: boolean } | undefined {
  if (!row.sheet.has('LWLX')) return undefined;
  const value = row.get('LWLX');
  const type = value ? row.sheet.codes.thesisType.byName(value)?.entry.name : undefined;
  return type ? { type, wanted: !THESIS_WITHOUT_DETAILS.has(type) } : undefined;
}

export const checkThesis: RowCheck = (row) => {
  const { sheet } = row;
  const thesis = detailsWanted(row);
  let forbidden: Set<string> | undefined;
  if (thesis) {
    for (const field of DETAIL_FIELDS) {
      if (!sheet.has(field)) continue;
      const filled = row.get(field) !== '';
      const params = { type: thesis.type, otherField: 'LWLX' };
      if (!thesis.wanted && filled) {
        row.report('thesis.detailsForbidden', field, params);
        (forbidden ??= new Set()).add(field);
      } else if (thesis.wanted && !filled) {
        row.report('thesis.detailsRequired', field, params);
      }
    }
  }
  for (const field of LIST_FIELDS) {
    const value = row.get(field);
    if (!sheet.has(field) || !value || forbidden?.has(field)) continue;
    const list = splitList(value);
    checkSeparators(row, field, list);
    if (field === 'LWGJC') checkKeywords(row, list);
    if (field === 'LWYJFX') checkDirections(row, list);
  }
};
