/**
 * Reads the photos a user points at — a folder (with its sub-folders) or a .zip — into the entries the pure photo
 * check takes. Only reads; problems with the source itself are WorkbookReadError-style one-liners for the CLI.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { PhotoEntry } from '../core/export/photos';
import { WorkbookReadError } from './workbookError';

/** More files than any degree batch has photos: a wrong folder (a whole drive) is refused, not read. */
const MAX_FILES = 200_000;

async function readFolder(root: string): Promise<PhotoEntry[]> {
  const entries: PhotoEntry[] = [];
  const walk = async (dir: string) => {
    for (const item of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) await walk(full);
      else if (item.isFile()) {
        if (entries.length >= MAX_FILES) {
          throw new WorkbookReadError('corrupt', root, `${root} 中的文件超过 ${MAX_FILES} 个，请指定照片所在的文件夹`, `${root} holds more than ${MAX_FILES} files: point at the photo folder`);
        }
        entries.push({ name: path.relative(root, full).split(path.sep).join('/'), bytes: new Uint8Array(await fs.readFile(full)) });
      }
    }
  };
  await walk(root);
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

async function readZip(file: string, bytes: Buffer): Promise<PhotoEntry[]> {
  let zip: JSZip;
  try {
    // Names without the zip's UTF-8 flag come from Chinese Windows: GBK (ID-number names are ASCII either way).
    zip = await JSZip.loadAsync(bytes, { decodeFileName: (name) => iconv.decode(Buffer.from(name as Uint8Array), 'gbk') });
  } catch (error) {
    const name = path.basename(file);
    throw new WorkbookReadError('corrupt', file, `${name} 已损坏或不是 .zip 文件`, `${name} is damaged or not a .zip file`, { cause: error });
  }
  const files = Object.values(zip.files).filter((entry) => !entry.dir);
  if (files.length > MAX_FILES) {
    throw new WorkbookReadError('corrupt', file, `${path.basename(file)} 中的文件超过 ${MAX_FILES} 个`, `${path.basename(file)} holds more than ${MAX_FILES} files`);
  }
  const entries: PhotoEntry[] = [];
  for (const entry of files) {
    entries.push({ name: entry.name, bytes: await entry.async('uint8array') });
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

/** The photo files of a folder or a .zip. Throws WorkbookReadError when the source is missing or unreadable. */
export async function readPhotoSource(source: string): Promise<PhotoEntry[]> {
  let stat;
  try {
    stat = await fs.stat(source);
  } catch (error) {
    throw new WorkbookReadError('missing', source, `找不到照片文件夹或压缩包：${source}`, `photo folder or zip not found: ${source}`, { cause: error });
  }
  if (stat.isDirectory()) return readFolder(source);
  const bytes = await fs.readFile(source);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readZip(source, bytes);
  throw new WorkbookReadError('notXlsx', source, `${path.basename(source)} 不是文件夹或 .zip 压缩包`, `${path.basename(source)} is neither a folder nor a .zip file`);
}
