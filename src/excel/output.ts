/// <reference types="office-js" />
/**
 * Getting a generated file (upload file, publicity list, manifest, forms) out of the pane (issue 7 §7):
 *
 * - a Blob download (`<a download>`) where the platform allows it: Excel on the web (the browser) and Windows
 *   (WebView2; the download bar shows inside the pane);
 * - elsewhere — Excel on Mac, whose WKWebView ignores download links without an error (office-js#3385, #4681), and
 *   the mobile hosts — an .xlsx is opened as a new workbook with `Excel.createWorkbook(base64)` (ExcelApi 1.8) for the
 *   user to Save As; other files cannot be saved there, and the pane offers the next way instead;
 * - always: `writeRowsToNewSheet`, the rows written to a new sheet of the open workbook, every cell text, one block
 *   (one sync) per request of at most ~4 MB (Excel on the web allows 5 MB).
 */
import { bytesToBase64, mimeTypeOf } from '../core/export/bytes';
import { jsonBytes } from './cells';
import { errors, type Text } from './messages';
import { cellText } from './records';
import { Batcher, SYNC_BUDGET_BYTES, runExcel, supportsExcelApi, throwIfAborted } from './run';

/** How a file is saved: downloaded, opened as a new workbook, or neither (the pane offers a new sheet). */
export type SavePath = 'download' | 'newWorkbook' | 'none';

/** Hands bytes to the browser as a download. Replaceable (setFileSaver) for tests and the demo. */
export type FileSaver = (name: string, bytes: Uint8Array, mime: string) => void | Promise<void>;

/** The Blob + `<a download>` download. Throws outside a page (no document). */
export const blobDownload: FileSaver = (name, bytes, mime) => {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') throw new Error('no document to download from');
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the download may start after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

let saver: FileSaver = blobDownload;

/** Replaces the download (e.g. the simulator's `recordDownload` in the demo); without an argument, restores the Blob download. */
export function setFileSaver(next?: FileSaver): void {
  saver = next ?? blobDownload;
}

/** Office's platform: 'OfficeOnline', 'PC', 'Mac', 'iOS', 'Android', 'Universal'; undefined outside Office. */
export function officePlatform(): string | undefined {
  try {
    if (typeof Office === 'undefined' || !Office.context) return undefined;
    const platform = Office.context.platform ?? Office.context.diagnostics?.platform;
    return platform ? String(platform) : undefined;
  } catch {
    return undefined;
  }
}

/** Platforms whose pane can download a Blob: the web and Windows (WebView2); outside Office it is a browser. */
const DOWNLOAD_PLATFORMS = new Set(['OfficeOnline', 'PC']);

const isXlsx = (name: string) => /\.xlsx$/i.test(name);

/**
 * How `saveFile` would save a file here: a download on the web, on Windows and outside Office; a new workbook for an
 * .xlsx elsewhere when ExcelApi 1.8 is there; otherwise none (the pane offers writeRowsToNewSheet).
 */
export function savePathFor(name: string, platform: string | undefined = officePlatform(), createWorkbook = supportsExcelApi('1.8')): SavePath {
  if (platform === undefined || DOWNLOAD_PLATFORMS.has(platform)) return 'download';
  return isXlsx(name) && createWorkbook ? 'newWorkbook' : 'none';
}

export interface SaveResult {
  path: SavePath;
  platform?: string;
  /** What to tell the user: where the file went, or what to do instead. */
  message: Text;
  /** Excel's error code when opening the new workbook failed. */
  error?: string;
}

export interface SaveOptions {
  /** Take this path instead of the platform's (e.g. the user asked for a new workbook on Windows). */
  prefer?: Exclude<SavePath, 'none'>;
}

const messages = {
  download: (name: string): Text => ({
    'zh-CN': `已下载“${name}”。如果没有看到下载，请用“写入新工作表”。`,
    'en-US': `"${name}" was downloaded. If no download appears, use "Write to a new sheet".`,
  }),
  newWorkbook: (name: string): Text => ({
    'zh-CN': `已在新的 Excel 窗口中打开“${name}”的内容，请用“文件 → 另存为”保存，文件名填“${name}”。`,
    'en-US': `The content of "${name}" opened as a new workbook: save it with File → Save As, naming it "${name}".`,
  }),
  none: (name: string, platform: string | undefined): Text => ({
    'zh-CN': `此版本的 Excel${platform === 'Mac' ? '（Mac）' : ''}不支持从任务窗格下载“${name}”。请用“写入新工作表”，或在网页版或 Windows 版 Excel 中导出。`,
    'en-US': `This Excel${platform === 'Mac' ? ' (Mac)' : ''} cannot download "${name}" from the task pane. Use "Write to a new sheet", or export in Excel on the web or on Windows.`,
  }),
  failed: (name: string, code: string): Text => ({
    'zh-CN': `无法保存“${name}”（${code}）。请用“写入新工作表”。`,
    'en-US': `"${name}" could not be saved (${code}). Use "Write to a new sheet".`,
  }),
};

/**
 * Saves a generated file the way the platform allows (see savePathFor): a Blob download, or a new workbook with
 * Excel.createWorkbook for an .xlsx. Never throws: a failure comes back as `path: 'none'` with a message.
 */
export async function saveFile(name: string, bytes: Uint8Array, mime: string = mimeTypeOf(name), options: SaveOptions = {}): Promise<SaveResult> {
  const platform = officePlatform();
  const path = options.prefer ?? savePathFor(name, platform);
  const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code ?? (error as Error | undefined)?.message ?? error);
  if (path === 'download') {
    try {
      await saver(name, bytes, mime);
      return { path, platform, message: messages.download(name) };
    } catch (error) {
      return { path: 'none', platform, message: messages.failed(name, codeOf(error)), error: codeOf(error) };
    }
  }
  if (path === 'newWorkbook') {
    if (!isXlsx(name)) return { path: 'none', platform, message: messages.none(name, platform) };
    try {
      await Excel.createWorkbook(bytesToBase64(bytes));
      return { path, platform, message: messages.newWorkbook(name) };
    } catch (error) {
      // Seen on some builds (office-js#2537, #3646): the new sheet remains.
      return { path: 'none', platform, message: messages.failed(name, codeOf(error)), error: codeOf(error) };
    }
  }
  return { path: 'none', platform, message: messages.none(name, platform) };
}

// ---------------------------------------------------------------------------------------------------------------
// A new sheet

export interface NewSheetOptions {
  /** Activate the new sheet afterwards (default true). */
  activate?: boolean;
  signal?: AbortSignal;
  /** Bytes one sync may carry; default 4,000,000 (Excel on the web allows 5 MB). */
  syncBudget?: number;
}

export interface NewSheetResult {
  /** The sheet's name: `name`, made valid, with " (2)" … when taken. */
  sheet: string;
  rows: number;
  /** Blocks written, one sync each. */
  blocks: number;
  syncs: number;
}

const INVALID_SHEET_CHARACTERS = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/** A valid sheet name not among `taken` (compared as Excel does, ignoring case). */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const base = name.replace(INVALID_SHEET_CHARACTERS, '_').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME) || 'Sheet';
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase()) && base.toLowerCase() !== 'history') return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** What the `@` format of one cell adds to a request, and a row's brackets. */
const FORMAT_BYTES_PER_CELL = 4;

/**
 * Writes rows (the first one is usually the header) to a new sheet, every cell as text — number format `@` before
 * the values, so that IDs keep their digits and nothing turns into a number, a date or a formula — in blocks of at
 * most `syncBudget` bytes, one sync each. The fallback that works on every platform.
 */
export async function writeRowsToNewSheet(
  name: string,
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  options: NewSheetOptions = {},
): Promise<NewSheetResult> {
  const budget = options.syncBudget ?? SYNC_BUDGET_BYTES;
  throwIfAborted(options.signal);
  const width = Math.max(1, ...rows.map((row) => row.length));
  const text = rows.map((row) => Array.from({ length: width }, (_, c) => cellText(row[c])));
  return runExcel(async (context) => {
    const batch = new Batcher(context, budget, options.signal);
    const worksheets = context.workbook.worksheets.load('items/name');
    const protection = context.workbook.protection.load('protected');
    await batch.sync();
    if (protection.protected) throw errors.workbookProtected();
    const sheetName = freeSheetName(name, worksheets.items.map((sheet) => sheet.name));
    const sheet = context.workbook.worksheets.add(sheetName);
    let blocks = 0;
    let offset = 0;
    while (offset < text.length) {
      let bytes = 60;
      let end = offset;
      while (end < text.length) {
        const rowBytes = jsonBytes(text[end]) + width * FORMAT_BYTES_PER_CELL + 4;
        if (end > offset && bytes + rowBytes > budget) break;
        bytes += rowBytes;
        end++;
      }
      const block = text.slice(offset, end);
      const range = sheet.getRangeByIndexes(offset, 0, block.length, width);
      range.numberFormat = block.map(() => Array.from({ length: width }, () => '@'));
      range.values = block;
      // One block per sync.
      await batch.sync();
      blocks++;
      offset = end;
    }
    if (options.activate !== false) sheet.activate();
    await batch.sync();
    return { sheet: sheetName, rows: rows.length, blocks, syncs: batch.syncs };
  });
}
