import { defineRules } from './rule';

/** Sheet structure: reported once per sheet, before any row is checked. */
export const structureRules = defineRules({
  'header.missing': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '缺少必需的列',
        why: '上报系统按模板列导入，缺列的记录不完整，无法上报。',
        fix: '按模板补上该列（表头可写代码，如 ZJHM，或“身份证件号码(ZJHM)”）。',
        message: (p) => `缺少“${p.label}(${p.code})”列（${p.template} ${p.category}模板必需）`,
      },
      'en-US': {
        title: 'Required column missing',
        why: 'The reporting system imports the template columns; without this column every record is incomplete.',
        fix: 'Add the column (header: the code, e.g. ZJHM, or “身份证件号码(ZJHM)”).',
        message: (p) => `Column “${p.label} (${p.code})” is missing; the ${p.template} ${p.category} template requires it`,
      },
    },
  },
  'header.duplicate': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '重复的列',
        why: '同一字段出现两列时无法确定上报哪一列。',
        fix: '删除或合并重复的列，只保留一列。',
        message: (p) => `“${p.label}(${p.code})”列重复出现（${p.columns}），只校验第一列`,
      },
      'en-US': {
        title: 'Duplicate column',
        why: 'With two columns for one field it is unclear which one is reported.',
        fix: 'Delete or merge the duplicate columns and keep one.',
        message: (p) => `Column “${p.label} (${p.code})” appears more than once (${p.columns}); only the first is checked`,
      },
    },
  },
  'header.unknown': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '模板外的列',
        why: '模板外的列不会被上报，也不会被校验；可能是表头写错了。',
        fix: '核对表头是否写错；辅助列可保留，导出上报文件时会被去掉。',
        message: (p) => `“${p.header}”不是模板中的列，不会被校验或上报`,
      },
      'en-US': {
        title: 'Column not in the template',
        why: 'Columns outside the template are neither checked nor reported; the header may be misspelt.',
        fix: 'Check the header spelling; helper columns may stay, the upload file leaves them out.',
        message: (p) => `“${p.header}” is not a template column; it is neither checked nor reported`,
      },
    },
  },
  'sheet.noData': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '没有数据行',
        why: '表头下方没有任何记录。',
        fix: '在表头下方填写学位授予记录。',
        message: () => '表头下方没有数据行',
      },
      'en-US': {
        title: 'No data rows',
        why: 'There is no record below the header row.',
        fix: 'Enter the degree records below the header row.',
        message: () => 'There are no data rows below the header',
      },
    },
  },
  'row.blank': {
    severity: 'info',
    text: {
      'zh-CN': {
        title: '空行',
        why: '数据中间的空行不会被上报；若本应有记录，可能是漏填。',
        fix: '删除空行，或补填该行记录。',
        message: () => '该行为空行，已跳过',
      },
      'en-US': {
        title: 'Blank row',
        why: 'A blank row between records is not reported; if a record belongs there, it is missing.',
        fix: 'Delete the blank row or fill in the record.',
        message: () => 'This row is blank and was skipped',
      },
    },
  },
});
