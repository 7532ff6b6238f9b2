/** Kept apart from the reader so that the CLI can recognise read errors without loading ExcelJS. */

export type WorkbookReadErrorCode = 'missing' | 'notXlsx' | 'corrupt' | 'notTemplate' | 'sameAsInput';

/** Why a workbook cannot be used, with one line of Chinese and one of English for the user. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: WorkbookReadErrorCode,
    readonly file: string,
    readonly zh: string,
    readonly en: string,
    options?: { cause?: unknown },
  ) {
    super(`${zh} / ${en}`, options);
    this.name = 'WorkbookReadError';
  }
}
