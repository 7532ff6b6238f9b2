/**
 * Degree photos: one JPEG per graduate named `<证件号码>.jpg` (shared/reference/degree-data.md §6). Checks a set of
 * files (a folder or a .zip, read by src/node/photoSource.ts or picked in the pane) against the records — missing,
 * extra, unreadable (not a JPEG), wrong pixel size, too many bytes — and builds the photo package for upload.
 */
import { imageSize } from 'image-size';
import JSZip from 'jszip';

export interface PhotoEntry {
  /** Path inside the folder or zip, e.g. `外国语学院/50010120000101123X.jpg`. */
  name: string;
  bytes: Uint8Array;
}

export interface PhotoLimits {
  /** Required pixel size; a limit left out is not checked. */
  width?: number;
  height?: number;
  /** Largest file size in bytes. */
  maxBytes?: number;
}

/**
 * legacy: 学位中心〔2009〕34号 for 自考 bachelors, 150×210 px, at most 10 KB;
 * xuexin: the 学信网 学历 photo standard often reused for degree photos, 480×640 px (no byte limit is published).
 */
export const PHOTO_PRESETS = {
  legacy: { width: 150, height: 210, maxBytes: 10 * 1024 },
  xuexin: { width: 480, height: 640 },
} as const satisfies Record<string, PhotoLimits>;

export type PhotoPreset = keyof typeof PHOTO_PRESETS;

export type PhotoProblemKind = 'missing' | 'extra' | 'unreadable' | 'wrongSize' | 'oversized' | 'duplicate';

export interface PhotoProblem {
  kind: PhotoProblemKind;
  /** The file concerned (not for `missing`). */
  file?: string;
  /** The record concerned (not for `extra`). */
  sheet?: string;
  row?: number;
  zh: string;
  en: string;
}

export interface PhotoRecord {
  sheet: string;
  excelRow: number;
  values: Readonly<Record<string, string>>;
}

export interface PhotoCheck {
  /** No problem at all. */
  ok: boolean;
  problems: PhotoProblem[];
  /** Photos that passed every check, by 证件号码: what goes into the package. */
  accepted: { id: string; entry: PhotoEntry; width: number; height: number }[];
  counts: { records: number; files: number; accepted: number };
  limits: PhotoLimits;
}

/** Files a zip or a folder carries that are nobody's photo: macOS resource forks, thumbnails caches, folders. */
function isSystemFile(path: string): boolean {
  const base = baseName(path);
  return path.endsWith('/') || path.split('/').includes('__MACOSX') || base.startsWith('._') || base === '.DS_Store' || /^thumbs\.db$/i.test(base) || /^desktop\.ini$/i.test(base);
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1];
}

function stemAndExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { stem: name, extension: '' } : { stem: name.slice(0, dot), extension: name.slice(dot + 1).toLowerCase() };
}

const KIB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What the bytes are when they are not a JPEG, for the message. */
function sniff(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'PNG';
  if (starts(0x47, 0x49, 0x46)) return 'GIF';
  if (starts(0x42, 0x4d)) return 'BMP';
  if (starts(0x52, 0x49, 0x46, 0x46)) return 'WebP';
  if (starts(0x49, 0x49, 0x2a) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'TIFF';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'PDF';
  return undefined;
}

/** Pixel size of a JPEG, or why it cannot be read. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | { error: { zh: string; en: string } } {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) {
    const kind = sniff(bytes);
    return {
      error: kind
        ? { zh: `是 ${kind} 图片，不是 JPEG`, en: `is a ${kind} image, not a JPEG` }
        : { zh: bytes.length === 0 ? '是空文件' : '不是 JPEG 图片', en: bytes.length === 0 ? 'is empty' : 'is not a JPEG image' },
    };
  }
  try {
    const size = imageSize(bytes);
    if (size.type !== 'jpg' || !size.width || !size.height) throw new Error('no size');
    // EXIF orientations 5–8 turn the picture on its side: what people see is height × width.
    const turned = size.orientation !== undefined && size.orientation >= 5;
    return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return { error: { zh: '已损坏，读不出图片尺寸', en: 'is damaged: its pixel size cannot be read' } };
  }
}

/**
 * Checks photo files against the records (matched by 证件号码, case-insensitively for the final X; .jpg or .jpeg).
 * Every record needs exactly one readable JPEG within the limits; files for no record are reported as extra.
 */
export function checkPhotos(entries: readonly PhotoEntry[], records: readonly PhotoRecord[], limits: PhotoLimits = PHOTO_PRESETS.legacy): PhotoCheck {
  const problems: PhotoProblem[] = [];
  const byId = new Map<string, PhotoRecord>();
  for (const record of records) {
    const id = (record.values.ZJHM ?? '').trim().toUpperCase();
    if (id && !byId.has(id)) byId.set(id, record);
  }
  const files = entries.filter((entry) => !isSystemFile(entry.name));
  const found = new Map<string, PhotoEntry[]>();
  for (const entry of files) {
    const { stem, extension } = stemAndExtension(baseName(entry.name));
    const id = stem.trim().toUpperCase();
    const record = byId.get(id);
    if (!record) {
      problems.push({
        kind: 'extra',
        file: entry.name,
        zh: `照片 ${entry.name} 没有对应的学位记录（文件名应为 <证件号码>.jpg）`,
        en: `photo ${entry.name} belongs to no degree record (name it <ID number>.jpg)`,
      });
      continue;
    }
    if (extension !== 'jpg' && extension !== 'jpeg') {
      problems.push({
        kind: 'unreadable',
        file: entry.name,
        sheet: record.sheet,
        row: record.excelRow,
        zh: `${record.sheet}第${record.excelRow}行的照片 ${entry.name} 不是 .jpg 文件`,
        en: `the photo ${entry.name} for ${record.sheet} row ${record.excelRow} is not a .jpg file`,
      });
      continue;
    }
    found.set(id, [...(found.get(id) ?? []), entry]);
  }

  const accepted: PhotoCheck['accepted'] = [];
  for (const [id, record] of byId) {
    const where = { sheet: record.sheet, row: record.excelRow };
    const candidates = found.get(id);
    if (!candidates) {
      if (!problems.some((p) => p.sheet === record.sheet && p.row === record.excelRow)) {
        problems.push({
          kind: 'missing',
          ...where,
          zh: `${record.sheet}第${record.excelRow}行（${record.values.XM ?? ''}）没有照片`,
          en: `${record.sheet} row ${record.excelRow} (${record.values.XM ?? ''}) has no photo`,
        });
      }
      continue;
    }
    if (candidates.length > 1) {
      problems.push({
        kind: 'duplicate',
        file: candidates.map((c) => c.name).join(', '),
        ...where,
        zh: `${record.sheet}第${record.excelRow}行有 ${candidates.length} 张照片：${candidates.map((c) => c.name).join('、')}，请只保留一张`,
        en: `${record.sheet} row ${record.excelRow} has ${candidates.length} photos (${candidates.map((c) => c.name).join(', ')}): keep one`,
      });
      continue;
    }
    const entry = candidates[0];
    const size = jpegSize(entry.bytes);
    if ('error' in size) {
      problems.push({ kind: 'unreadable', file: entry.name, ...where, zh: `照片 ${entry.name} ${size.error.zh}`, en: `photo ${entry.name} ${size.error.en}` });
      continue;
    }
    let fine = true;
    const wrongWidth = limits.width !== undefined && size.width !== limits.width;
    const wrongHeight = limits.height !== undefined && size.height !== limits.height;
    if (wrongWidth || wrongHeight) {
      fine = false;
      const want = `${limits.width ?? '任意'}×${limits.height ?? '任意'}`;
      const wantEn = `${limits.width ?? 'any'}×${limits.height ?? 'any'}`;
      problems.push({
        kind: 'wrongSize',
        file: entry.name,
        ...where,
        zh: `照片 ${entry.name} 是 ${size.width}×${size.height} 像素，应为 ${want} 像素`,
        en: `photo ${entry.name} is ${size.width}×${size.height} px, not ${wantEn} px`,
      });
    }
    if (limits.maxBytes !== undefined && entry.bytes.length > limits.maxBytes) {
      fine = false;
      problems.push({
        kind: 'oversized',
        file: entry.name,
        ...where,
        zh: `照片 ${entry.name} 有 ${KIB(entry.bytes.length)}，超过 ${KIB(limits.maxBytes)}`,
        en: `photo ${entry.name} is ${KIB(entry.bytes.length)}, more than ${KIB(limits.maxBytes)}`,
      });
    }
    if (fine) accepted.push({ id, entry, ...size });
  }

  const order: Record<PhotoProblemKind, number> = { missing: 0, unreadable: 1, wrongSize: 2, oversized: 3, duplicate: 4, extra: 5 };
  problems.sort((a, b) => order[a.kind] - order[b.kind] || (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0));
  return {
    ok: problems.length === 0,
    problems,
    accepted,
    counts: { records: byId.size, files: files.length, accepted: accepted.length },
    limits,
  };
}

/** The photo package: the accepted photos, each named `<证件号码>.jpg` at the top level of the zip. */
export async function buildPhotoPackage(check: Pick<PhotoCheck, 'accepted'>): Promise<Uint8Array> {
  const zip = new JSZip();
  // A fixed date keeps the package byte-identical for the same photos (its SHA-256 goes into the manifest).
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const { id, entry } of check.accepted) zip.file(`${id}.jpg`, entry.bytes, { binary: true, date, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/** The package's name beside the upload file: 12608_2026-2_学士学位授予信息.xlsx → 12608_2026-2_学位照片.zip. */
export function photoPackageName(uploadFile: string): string {
  const stem = uploadFile.replace(/\.(xlsx|dbf)$/i, '');
  return stem.includes('学士学位授予信息') ? `${stem.replace('学士学位授予信息', '学位照片')}.zip` : `${stem}_照片.zip`;
}
