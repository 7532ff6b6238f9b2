import { defineRules } from './rule';

/** Findings of cell normalisation (normalise/cell.ts): the engine reports them before any field rule runs. */
export const cellRules = defineRules({
  'cell.errorValue': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '单元格是错误值',
        why: '#N/A、#VALUE! 等错误值无法上报，通常来自失效的公式或引用。',
        fix: '修正公式或改为直接填写文本值。',
        message: (p) => `${p.label}是 Excel 错误值 ${p.value}，请填写实际内容`,
      },
      'en-US': {
        title: 'Cell holds an error value',
        why: 'Error values such as #N/A or #VALUE! cannot be reported; they come from broken formulas or references.',
        fix: 'Repair the formula or type the value as text.',
        message: (p) => `${p.label} is the Excel error ${p.value}; enter the real value`,
      },
    },
  },
  'cell.numberLostDigits': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '以数字存储，数字已丢失',
        why: 'Excel 把证件号码、代码、日期当作数字保存时，超过15位的数字会被改成0，开头的0会被去掉，上报后无法还原。',
        fix: '先把该列设置为“文本”格式，再按原始材料重新录入（代码可按建议补齐前导0）。',
        message: (p) =>
          p.reason === 'leadingZero'
            ? `${p.label}以数字 ${p.value} 存储，丢失了开头的0（应为${p.expected}位）`
            : `${p.label}以数字存储，超过15位的数字已丢失，请按原件以文本重新录入`,
      },
      'en-US': {
        title: 'Stored as a number: digits were lost',
        why: 'When Excel stores an ID, code or date as a number it turns digits after the 15th into zeros and drops leading zeros; the reported value cannot be recovered.',
        fix: 'Format the column as Text, then re-enter the value from the source document (codes: pad with the suggested leading zeros).',
        message: (p) =>
          p.reason === 'leadingZero'
            ? `${p.label} is stored as the number ${p.value} and lost its leading zeros (${p.expected} characters expected)`
            : `${p.label} is stored as a number and lost the digits after the 15th; re-enter it as text from the document`,
      },
    },
  },
  'cell.storedAsNumber': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '以数字存储',
        why: '代码、编号和日期应以文本存储，否则复制、排序或再次编辑时可能丢失开头的0或变成科学计数法。',
        fix: '把该列设置为“文本”格式后重新输入，或在数值前加英文单引号。',
        message: (p) => `${p.label} ${p.value} 以数字存储，应改为文本`,
      },
      'en-US': {
        title: 'Stored as a number',
        why: 'Codes, numbers and dates must be stored as text, or copying, sorting or editing may drop leading zeros or switch to scientific notation.',
        fix: 'Format the column as Text and re-enter the value, or prefix it with an apostrophe.',
        message: (p) => `${p.label} ${p.value} is stored as a number; store it as text`,
      },
    },
  },
  'cell.dateValue': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '日期以 Excel 日期格式存储',
        why: '模板要求日期为 YYYYMMDD、年月为 YYYYMM 的文本；Excel 日期值导出时格式不可控。',
        fix: '把该列设置为“文本”格式，按建议值填写。',
        message: (p) => `${p.label}是 Excel 日期值，已按 ${p.suggestion} 校验，请改为文本`,
      },
      'en-US': {
        title: 'Date stored as an Excel date',
        why: 'The template wants dates as YYYYMMDD text and months as YYYYMM; an Excel date value exports in an uncontrolled format.',
        fix: 'Format the column as Text and enter the suggested value.',
        message: (p) => `${p.label} is an Excel date; checked as ${p.suggestion}, store it as text`,
      },
    },
  },
  'cell.invisibleChar': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '含不可见字符',
        why: '从网页或聊天软件复制的内容常带零宽字符，肉眼看不见，但会让上报数据与学籍比对失败。',
        fix: '删除后重新输入，或采用建议值。',
        message: (p) => `${p.label}含零宽等不可见字符`,
      },
      'en-US': {
        title: 'Invisible characters',
        why: 'Text copied from web pages or chat apps often carries zero-width characters that cannot be seen but break matching with the student-status data.',
        fix: 'Delete and retype the value, or adopt the suggestion.',
        message: (p) => `${p.label} contains zero-width or other invisible characters`,
      },
    },
  },
  'cell.lineBreak': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '含换行',
        why: '单元格内换行（Alt+Enter）会被原样上报，导致字段内容错误。',
        fix: '删除单元格内的换行，或采用建议值。',
        message: (p) => `${p.label}含单元格内换行`,
      },
      'en-US': {
        title: 'Line break inside the cell',
        why: 'A line break inside a cell (Alt+Enter) is reported as it is and corrupts the field.',
        fix: 'Remove the line break, or adopt the suggestion.',
        message: (p) => `${p.label} contains a line break`,
      },
    },
  },
  'cell.fullWidth': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '含全角数字或字母',
        why: '全角数字、字母（如“１２３”“Ａ”）与半角不同，证件号码、代码、日期会因此校验失败。',
        fix: '切换到半角输入后重新输入，或采用建议值。',
        message: (p) => `${p.label}含全角数字或字母`,
      },
      'en-US': {
        title: 'Full-width digits or letters',
        why: 'Full-width digits and letters (１２３, Ａ) differ from ASCII ones; IDs, codes and dates then fail their checks.',
        fix: 'Retype with half-width input, or adopt the suggestion.',
        message: (p) => `${p.label} contains full-width digits or letters`,
      },
    },
  },
  'cell.whitespace': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '多余空格',
        why: '首尾空格、连续空格或全角空格会被原样上报，造成姓名、代码与学籍或证书不一致。',
        fix: '删除多余空格，或采用建议值。',
        message: (p) => `${p.label}有首尾空格、连续空格或全角空格`,
      },
      'en-US': {
        title: 'Extra spaces',
        why: 'Leading, trailing, double or full-width spaces are reported as they are and make names and codes differ from the student-status data or the certificate.',
        fix: 'Remove the extra spaces, or adopt the suggestion.',
        message: (p) => `${p.label} has leading, trailing, double or full-width spaces`,
      },
    },
  },
});
