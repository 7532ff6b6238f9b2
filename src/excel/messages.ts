/**
 * What the gateway tells the user about the workbook, in Chinese and English: notices found while reading
 * (the pane shows them beside the results) and errors that stop an operation (nothing was changed).
 */
import type { Locale } from '../core/model/types';

export type Text = Record<Locale, string>;

/** Conditions found while reading; none of them stops validation except `noTemplate`. */
export type GatewayNotice =
  | { kind: 'noTemplate'; blocking: true; sheets: string[]; message: Text }
  | { kind: 'protected'; sheet: string; message: Text }
  | { kind: 'huge'; sheet: string; rows: number; blocks: number; message: Text }
  | { kind: 'mergedHeader'; sheet: string; address: string; message: Text }
  | { kind: 'formulas'; sheet: string; count: number; address: string; message: Text }
  | { kind: 'hiddenRows'; sheet: string; count: number; message: Text }
  | { kind: 'hiddenColumns'; sheet: string; count: number; message: Text }
  | { kind: 'filtered'; sheet: string; message: Text }
  | { kind: 'hiddenSheet'; sheet: string; message: Text }
  | { kind: 'wide'; sheet: string; columns: number; message: Text };

export type NoticeKind = GatewayNotice['kind'];

const list = (names: readonly string[], locale: Locale) =>
  locale === 'zh-CN' ? names.map((n) => `“${n}”`).join('、') : names.map((n) => `"${n}"`).join(', ');

export const notices = {
  noTemplate(sheets: string[]): GatewayNotice {
    return {
      kind: 'noTemplate',
      blocking: true,
      sheets,
      message: {
        'zh-CN':
          `没有找到学位授予信息模板：${sheets.length ? `工作表${list(sheets, 'zh-CN')}` : '工作簿'}的前 10 行里没有包含姓名或身份证件号码、以及学位字段的表头行。` +
          '请打开学位授予信息工作表，确认表头（如“姓名”“身份证件号码”“学位证书编号”）在前 10 行内。',
        'en-US':
          `No degree template found: ${sheets.length ? `the first 10 rows of ${list(sheets, 'en-US')}` : 'this workbook'} hold no header row naming 姓名 or 身份证件号码 and a degree field. ` +
          'Open the sheet with the degree data and make sure its header (姓名, 身份证件号码, 学位证书编号 …) is within the first 10 rows.',
      },
    };
  },
  protected(sheet: string): GatewayNotice {
    return {
      kind: 'protected',
      sheet,
      message: {
        'zh-CN': `工作表“${sheet}”受保护：可以校验，但无法在单元格上标记问题。如需标记，请先撤销工作表保护。`,
        'en-US': `Sheet "${sheet}" is protected: it can be validated, but its cells cannot be marked. Unprotect the sheet to mark them.`,
      },
    };
  },
  huge(sheet: string, rows: number, blocks: number): GatewayNotice {
    return {
      kind: 'huge',
      sheet,
      rows,
      blocks,
      message: {
        'zh-CN': `工作表“${sheet}”有 ${rows.toLocaleString('en-US')} 行，已分 ${blocks} 批读取；校验可能需要一些时间。`,
        'en-US': `Sheet "${sheet}" has ${rows.toLocaleString('en-US')} rows; it was read in ${blocks} blocks and may take a while to validate.`,
      },
    };
  },
  mergedHeader(sheet: string, address: string): GatewayNotice {
    return {
      kind: 'mergedHeader',
      sheet,
      address,
      message: {
        'zh-CN': `工作表“${sheet}”的表头有合并单元格（${address}）：合并区域只有左上角单元格有内容，其余列的字段名读不到。请取消合并，每列单独填写字段名。`,
        'en-US': `The header of sheet "${sheet}" has merged cells (${address}): only the top-left cell of a merged area holds text, so the other columns have no field name. Unmerge them and name every column.`,
      },
    };
  },
  formulas(sheet: string, count: number, address: string): GatewayNotice {
    return {
      kind: 'formulas',
      sheet,
      count,
      address,
      message: {
        'zh-CN': `工作表“${sheet}”有 ${count} 个数据单元格是公式（如 ${address}）：校验的是公式的计算结果，上报前请将其粘贴为数值。本助手不会改动这些公式。`,
        'en-US': `${count} data cells of sheet "${sheet}" hold formulas (e.g. ${address}): their results were validated; paste them as values before uploading. The add-in does not change them.`,
      },
    };
  },
  hiddenRows(sheet: string, count: number): GatewayNotice {
    return {
      kind: 'hiddenRows',
      sheet,
      count,
      message: {
        'zh-CN': `工作表“${sheet}”有 ${count} 行被隐藏：隐藏的行也已读取并校验。`,
        'en-US': `${count} rows of sheet "${sheet}" are hidden: hidden rows were read and validated too.`,
      },
    };
  },
  hiddenColumns(sheet: string, count: number): GatewayNotice {
    return {
      kind: 'hiddenColumns',
      sheet,
      count,
      message: {
        'zh-CN': `工作表“${sheet}”有 ${count} 列被隐藏：隐藏的列也已读取并校验。`,
        'en-US': `${count} columns of sheet "${sheet}" are hidden: hidden columns were read and validated too.`,
      },
    };
  },
  filtered(sheet: string): GatewayNotice {
    return {
      kind: 'filtered',
      sheet,
      message: {
        'zh-CN': `工作表“${sheet}”处于筛选状态：筛选掉的行也已读取并校验，问题清单里会包含它们。`,
        'en-US': `Sheet "${sheet}" is filtered: the filtered-out rows were read and validated too and appear among the issues.`,
      },
    };
  },
  hiddenSheet(sheet: string): GatewayNotice {
    return {
      kind: 'hiddenSheet',
      sheet,
      message: {
        'zh-CN': `隐藏的工作表“${sheet}”看起来也是学位授予信息模板，但未参与校验。如需校验，请先取消隐藏。`,
        'en-US': `The hidden sheet "${sheet}" also looks like the degree template but was not validated. Unhide it to include it.`,
      },
    };
  },
  wide(sheet: string, columns: number): GatewayNotice {
    return {
      kind: 'wide',
      sheet,
      columns,
      message: {
        'zh-CN': `工作表“${sheet}”的已用区域有 ${columns} 列，只读取了表头所在的列。`,
        'en-US': `The used range of sheet "${sheet}" is ${columns} columns wide; only the columns up to the header's last column were read.`,
      },
    };
  },
};

export type GatewayErrorCode =
  | 'noTemplate'
  | 'sheetProtected'
  | 'workbookProtected'
  | 'sheetNotFound'
  | 'sheetHidden'
  | 'marksUnreadable'
  | 'cancelled'
  | 'excel';

/** An operation that stopped; nothing in the workbook was changed unless the message says otherwise. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly text: Text,
    readonly details: { sheets?: string[]; cause?: unknown } = {},
  ) {
    super(text['en-US']);
    this.name = code === 'cancelled' ? 'AbortError' : 'GatewayError';
  }

  /** The message in the pane's language. */
  localized(locale: Locale): string {
    return this.text[locale];
  }
}

export const errors = {
  cancelled(): GatewayError {
    return new GatewayError('cancelled', { 'zh-CN': '已取消。', 'en-US': 'Cancelled.' });
  },
  sheetProtected(sheets: string[], action: 'mark' | 'clear' | 'write'): GatewayError {
    const zhAction = { mark: '标记问题', clear: '清除标记', write: '写入问题清单' }[action];
    const enAction = { mark: 'mark the issues', clear: 'clear the marks', write: 'write the issue list' }[action];
    return new GatewayError(
      'sheetProtected',
      {
        'zh-CN': `工作表${list(sheets, 'zh-CN')}受保护，无法${zhAction}；工作簿没有任何改动。请先撤销工作表保护（审阅 → 撤销工作表保护）再试。`,
        'en-US': `Cannot ${enAction}: sheet ${list(sheets, 'en-US')} is protected; nothing in the workbook was changed. Unprotect the sheet (Review → Unprotect Sheet) and try again.`,
      },
      { sheets },
    );
  },
  workbookProtected(): GatewayError {
    return new GatewayError('workbookProtected', {
      'zh-CN': '工作簿结构受保护，无法添加工作表；工作簿没有任何改动。请先撤销工作簿保护再试。',
      'en-US': "The workbook's structure is protected, so no sheet can be added; nothing was changed. Unprotect the workbook and try again.",
    });
  },
  sheetNotFound(sheet: string): GatewayError {
    return new GatewayError(
      'sheetNotFound',
      {
        'zh-CN': `找不到工作表“${sheet}”：它可能已被重命名或删除。请重新校验。`,
        'en-US': `Sheet "${sheet}" was not found: it may have been renamed or deleted. Please validate again.`,
      },
      { sheets: [sheet] },
    );
  },
  sheetHidden(sheet: string): GatewayError {
    return new GatewayError(
      'sheetHidden',
      {
        'zh-CN': `工作表“${sheet}”是隐藏的，无法跳转到它的单元格。请先取消隐藏。`,
        'en-US': `Sheet "${sheet}" is hidden, so its cells cannot be selected. Unhide it first.`,
      },
      { sheets: [sheet] },
    );
  },
  marksUnreadable(sheet: string): GatewayError {
    return new GatewayError(
      'marksUnreadable',
      {
        'zh-CN': `无法识别标记记录表“${sheet}”的内容，未做任何改动。`,
        'en-US': `The marks record sheet "${sheet}" could not be read; nothing was changed.`,
      },
      { sheets: [sheet] },
    );
  },
  excel(cause: unknown): GatewayError {
    const code = (cause as { code?: string } | undefined)?.code;
    const detail = cause instanceof Error ? cause.message : String(cause);
    const text: Text =
      code === 'InvalidOperationInCellEditMode'
        ? {
            'zh-CN': 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再试一次。',
            'en-US': 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.',
          }
        : {
            'zh-CN': `Excel 返回了错误（${code ?? 'Error'}）：${detail}`,
            'en-US': `Excel returned an error (${code ?? 'Error'}): ${detail}`,
          };
    return new GatewayError('excel', text, { cause });
  },
};
