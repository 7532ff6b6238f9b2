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

/**
 * What the pane should tell the user after the add-in read or wrote its own hidden sheets (`_dd_audit`,
 * `_dd_digests`, `_dd_baseline`, `_dd_changes`) or saved a file. `blocking`: the write did not happen.
 */
export type StoreNotice =
  /** The sheet was protected just now (once, at setup): Excel cleared its undo list. */
  | { kind: 'undoCleared'; sheet: string; message: Text }
  /** The sheet was no longer VeryHidden (a user unhid it, e.g. by undo on the web); `rehidden` tells whether it is again. */
  | { kind: 'unhidden'; sheet: string; was: string; rehidden: boolean; message: Text }
  /** The sheet was found unprotected and was protected again (or could not be: see protectFailed). */
  | { kind: 'unprotected'; sheet: string; message: Text }
  /** protect() failed (AccessDenied on some builds): the data is written, the sheet is left unprotected. */
  | { kind: 'protectFailed'; sheet: string; code: string; message: Text }
  /** unprotect() failed (AccessDenied on some builds): nothing could be written to the protected sheet. */
  | { kind: 'unprotectFailed'; sheet: string; code: string; blocking: true; message: Text }
  /** The workbook's structure is protected: the sheet could not be added (or hidden). */
  | { kind: 'workbookProtected'; sheet: string; blocking: boolean; message: Text }
  /** Someone else (a co-author) wrote the same row at the same time: the row was appended again below. */
  | { kind: 'rowMoved'; sheet: string; from: number; to: number; message: Text }
  /** What was written did not read back the same: nothing is relied upon. */
  | { kind: 'verifyFailed'; sheet: string; row: number; blocking: true; message: Text };

export type StoreNoticeKind = StoreNotice['kind'];

const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code ?? 'Error');

export const storeNotices = {
  undoCleared(sheet: string): StoreNotice {
    return {
      kind: 'undoCleared',
      sheet,
      message: {
        'zh-CN': `已建立并保护隐藏的记录表“${sheet}”（只在首次建立时保护一次）。注意：保护工作表会清空 Excel 的撤销记录，此前的操作无法再撤销。`,
        'en-US': `The hidden record sheet "${sheet}" was set up and protected (once, at setup). Note: protecting a sheet clears Excel's undo list; earlier actions can no longer be undone.`,
      },
    };
  },
  unhidden(sheet: string, was: string, rehidden: boolean): StoreNotice {
    return {
      kind: 'unhidden',
      sheet,
      was,
      rehidden,
      message: rehidden
        ? {
            'zh-CN': `记录表“${sheet}”已不再是深度隐藏（${was === 'Visible' ? '已显示' : '已隐藏但可取消隐藏'}），可能有人取消了隐藏或在网页版中撤销了隐藏操作；已重新设为深度隐藏。请核对审计记录的校验结果。`,
            'en-US': `The record sheet "${sheet}" was no longer very hidden (${was}): someone unhid it, or undid the hiding in Excel on the web. It is very hidden again; check the audit trail's verification.`,
          }
        : {
            'zh-CN': `记录表“${sheet}”已不再是深度隐藏（${was === 'Visible' ? '已显示' : '已隐藏但可取消隐藏'}），且无法重新隐藏（工作簿结构可能受保护）。请撤销工作簿保护后重试，并核对审计记录的校验结果。`,
            'en-US': `The record sheet "${sheet}" is no longer very hidden (${was}) and could not be hidden again (the workbook structure may be protected). Unprotect the workbook and try again; check the audit trail's verification.`,
          },
    };
  },
  unprotected(sheet: string): StoreNotice {
    return {
      kind: 'unprotected',
      sheet,
      message: {
        'zh-CN': `记录表“${sheet}”未受保护（保护被撤销，或上次保护未成功）；已重新保护（这会清空 Excel 的撤销记录）。请核对审计记录的校验结果。`,
        'en-US': `The record sheet "${sheet}" was not protected (its protection was removed, or protecting it failed last time); it is protected again, which clears Excel's undo list. Check the audit trail's verification.`,
      },
    };
  },
  protectFailed(sheet: string, error: unknown): StoreNotice {
    const code = codeOf(error);
    return {
      kind: 'protectFailed',
      sheet,
      code,
      message: {
        'zh-CN': `记录已写入，但 Excel 拒绝保护记录表“${sheet}”（${code}；部分 Excel 版本的已知问题）。记录表仍深度隐藏，哈希链照样能发现改动；更新 Excel 后再次签核时会重试保护。`,
        'en-US': `The record was written, but Excel refused to protect the record sheet "${sheet}" (${code}; a known problem of some Excel builds). The sheet stays very hidden and the hash chain still shows changes; protection is tried again next time, e.g. after updating Excel.`,
      },
    };
  },
  unprotectFailed(sheet: string, error: unknown): StoreNotice {
    const code = codeOf(error);
    return {
      kind: 'unprotectFailed',
      sheet,
      code,
      blocking: true,
      message: {
        'zh-CN': `无法写入记录表“${sheet}”：它受保护，而 Excel 拒绝撤销保护（${code}；部分 Excel 版本的已知问题）。本次记录没有写入，工作簿未改动。请更新 Excel 或改用网页版 Excel 后重试。`,
        'en-US': `Cannot write to the record sheet "${sheet}": it is protected and Excel refused to unprotect it (${code}; a known problem of some Excel builds). Nothing was recorded or changed. Update Excel or use Excel on the web, then try again.`,
      },
    };
  },
  workbookProtected(sheet: string, blocking: boolean): StoreNotice {
    return {
      kind: 'workbookProtected',
      sheet,
      blocking,
      message: blocking
        ? {
            'zh-CN': `工作簿结构受保护，无法添加记录表“${sheet}”；本次记录没有写入。请先撤销工作簿保护（审阅 → 保护工作簿）再试。`,
            'en-US': `The workbook's structure is protected, so the record sheet "${sheet}" cannot be added; nothing was recorded. Unprotect the workbook (Review → Protect Workbook) and try again.`,
          }
        : {
            'zh-CN': `工作簿结构受保护，无法调整记录表“${sheet}”的隐藏状态。`,
            'en-US': `The workbook's structure is protected, so the visibility of the record sheet "${sheet}" cannot be set.`,
          },
    };
  },
  rowMoved(sheet: string, from: number, to: number): StoreNotice {
    return {
      kind: 'rowMoved',
      sheet,
      from,
      to,
      message: {
        'zh-CN': `记录表“${sheet}”第 ${from} 行同时被其他人（共同编辑者）写入；本条记录已改写到第 ${to} 行，两条记录都保留。`,
        'en-US': `Someone else (a co-author) wrote row ${from} of the record sheet "${sheet}" at the same time; this record was written to row ${to} instead, and both are kept.`,
      },
    };
  },
  verifyFailed(sheet: string, row: number): StoreNotice {
    return {
      kind: 'verifyFailed',
      sheet,
      row,
      blocking: true,
      message: {
        'zh-CN': `写入记录表“${sheet}”第 ${row} 行后读回的内容与写入的不一致（可能有他人同时编辑）。本次记录不能视为已保存，请重新打开工作簿后再试。`,
        'en-US': `Row ${row} of the record sheet "${sheet}" did not read back as written (someone may be editing at the same time). The record cannot be taken as saved; reopen the workbook and try again.`,
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
  | 'keyField'
  | 'notAdoptable'
  | 'cellChanged'
  | 'fileFormat'
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
  noTemplate(): GatewayError {
    return new GatewayError('noTemplate', {
      'zh-CN': '没有找到学位授予信息模板工作表，无法计算数据摘要。',
      'en-US': 'No degree template sheet was found, so the data cannot be digested.',
    });
  },
  cancelled(): GatewayError {
    return new GatewayError('cancelled', { 'zh-CN': '已取消。', 'en-US': 'Cancelled.' });
  },
  sheetProtected(sheets: string[], action: 'mark' | 'clear' | 'write' | 'fix'): GatewayError {
    const zhAction = { mark: '标记问题', clear: '清除标记', write: '写入问题清单', fix: '采用学籍值' }[action];
    const enAction = { mark: 'mark the issues', clear: 'clear the marks', write: 'write the issue list', fix: 'adopt the 学籍 value' }[action];
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
  keyField(field: { zh: string; en: string }): GatewayError {
    return new GatewayError('keyField', {
      'zh-CN': `“${field.zh}”是关键字段（姓名、性别、出生日期、证件号码），不能一键采用学籍值。请核对学籍和证件后手工修改；已上报的数据须按更正程序办理。`,
      'en-US': `${field.en} is a key field (name, sex, date of birth, ID number) and is never changed by one click. Check the 学籍 record and the ID document and edit it by hand; reported data needs the correction procedure.`,
    });
  },
  notVerified(sheet: string, address: string): GatewayError {
    return new GatewayError(
      'excel',
      {
        'zh-CN': `写入单元格“${sheet}”!${address} 后读回的值与写入的不一致（可能有他人同时编辑）。请检查该单元格后重试。`,
        'en-US': `Cell ${address} of sheet "${sheet}" did not read back as written (someone may be editing at the same time). Check the cell and try again.`,
      },
      { sheets: [sheet] },
    );
  },
  notAdoptable(rule: string): GatewayError {
    return new GatewayError('notAdoptable', {
      'zh-CN': `问题“${rule}”不是与学籍值不一致的问题，没有可采用的学籍值。`,
      'en-US': `Issue "${rule}" is not a difference from a 学籍 value; there is no value to adopt.`,
    });
  },
  cellChanged(sheet: string, address: string): GatewayError {
    return new GatewayError(
      'cellChanged',
      {
        'zh-CN': `单元格“${sheet}”!${address} 在比对后已被修改，未做改动。请重新比对后再采用学籍值。`,
        'en-US': `Cell ${address} of sheet "${sheet}" changed after the comparison; nothing was changed. Compare again before adopting the 学籍 value.`,
      },
      { sheets: [sheet] },
    );
  },
  fileFormat(name: string, kind: 'xls' | 'unknown' | 'damaged' | 'notXueji'): GatewayError {
    const text: Record<typeof kind, Text> = {
      xls: {
        'zh-CN': `${name} 是 Excel 97-2003（.xls）格式，请在 Excel 中“另存为” .xlsx 或 .csv 后再选择。`,
        'en-US': `${name} is an Excel 97-2003 (.xls) file: save it as .xlsx or .csv in Excel, then pick it again.`,
      },
      unknown: {
        'zh-CN': `${name} 不是 .xlsx 或 .csv 文件。请选择学信网导出的学籍/学历数据（.xlsx 或 .csv）。`,
        'en-US': `${name} is not an .xlsx or .csv file. Pick the 学信网 student-status export (.xlsx or .csv).`,
      },
      damaged: {
        'zh-CN': `${name} 已损坏或不是有效的 .xlsx 工作簿，无法读取。`,
        'en-US': `${name} is damaged or not a valid .xlsx workbook.`,
      },
      notXueji: {
        'zh-CN': `${name} 不像学信网学籍/学历导出数据：前 10 行中没有含姓名和身份证号/学号/考生号的表头。`,
        'en-US': `${name} does not look like a 学信网 student-status export: no header with name and ID/student/examinee number in the first 10 rows.`,
      },
    };
    return new GatewayError('fileFormat', text[kind]);
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
