import JSZip from 'jszip';
import { validRecord } from '../testing/fixtures';
import { pngBytes, tinyJpeg } from '../testing/exportFixtures';
import { buildPhotoPackage, checkPhotos, photoPackageName, PHOTO_PRESETS, type PhotoEntry } from './photos';

const records = [0, 1, 2, 3, 4, 5].map((i) => ({ sheet: '外国语学院', excelRow: i + 2, values: validRecord(i) }));
const id = (i: number) => records[i].values.ZJHM;
const good = (i: number, name = `${id(i)}.jpg`): PhotoEntry => ({ name, bytes: tinyJpeg(150, 210, 6000) });

describe('photo checks', () => {
  it('accepts one JPEG of the right size per record', () => {
    const check = checkPhotos(records.map((_, i) => good(i)), records, PHOTO_PRESETS.legacy);
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.counts).toEqual({ records: 6, files: 6, accepted: 6 });
  });

  it('reports missing, extra, unreadable, wrong-size, oversized and duplicate photos', () => {
    const entries: PhotoEntry[] = [
      good(0, `照片/${id(0)}.jpg`), // in a folder: fine
      { name: `${id(1)}.jpg`, bytes: tinyJpeg(480, 640, 6000) }, // wrong size
      { name: `${id(2)}.JPG`, bytes: tinyJpeg(150, 210, 12 * 1024) }, // oversized
      { name: `${id(3)}.jpg`, bytes: pngBytes() }, // a PNG named .jpg
      { name: `${id(4)}.jpg`, bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]) }, // no frame header
      good(5),
      good(5, `${id(5)}.jpeg`), // the same person twice
      good(0, '110101199001011237.jpg'), // nobody's
      { name: '__MACOSX/._x.jpg', bytes: new Uint8Array(4) },
      { name: 'Thumbs.db', bytes: new Uint8Array(4) },
    ];
    const check = checkPhotos(entries, [...records, { sheet: '商学院', excelRow: 2, values: validRecord(6) }], PHOTO_PRESETS.legacy);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => [p.kind, p.sheet ?? null, p.row ?? null])).toEqual([
      ['missing', '商学院', 2],
      ['unreadable', '外国语学院', 5],
      ['unreadable', '外国语学院', 6],
      ['wrongSize', '外国语学院', 3],
      ['oversized', '外国语学院', 4],
      ['duplicate', '外国语学院', 7],
      ['extra', null, null],
    ]);
    const byKind = Object.fromEntries(check.problems.map((p) => [p.kind, p]));
    expect(byKind.wrongSize.zh).toContain('480×640 像素，应为 150×210 像素');
    expect(byKind.oversized.en).toContain('12.0 KB, more than 10.0 KB');
    expect(check.problems[1].zh).toContain('PNG');
    expect(check.problems[2].zh).toContain('读不出图片尺寸');
    expect(byKind.extra.file).toBe('110101199001011237.jpg');
    expect(check.accepted.map((a) => a.id)).toEqual([id(0)]);
    expect(check.counts).toEqual({ records: 7, files: 8, accepted: 1 });
  });

  it('matches a lower-case x in the file name and reads a file of another format named by the ID as not a JPEG', () => {
    const withX = { sheet: 'S', excelRow: 2, values: { ...validRecord(0), ZJHM: '11010119900307803X' } };
    expect(checkPhotos([{ name: '11010119900307803x.jpg', bytes: tinyJpeg(150, 210) }], [withX]).ok).toBe(true);
    const png = checkPhotos([{ name: '11010119900307803X.png', bytes: pngBytes() }], [withX]);
    expect(png.problems.map((p) => p.kind)).toEqual(['unreadable']);
  });

  it('takes any limits: the 学信网 preset, a size without a byte limit, no limits at all', () => {
    const big = [{ name: `${id(0)}.jpg`, bytes: tinyJpeg(480, 640, 40 * 1024) }];
    expect(checkPhotos(big, records.slice(0, 1), PHOTO_PRESETS.xuexin).ok).toBe(true);
    expect(checkPhotos(big, records.slice(0, 1), PHOTO_PRESETS.legacy).problems.map((p) => p.kind)).toEqual(['wrongSize', 'oversized']);
    expect(checkPhotos(big, records.slice(0, 1), {}).ok).toBe(true);
    expect(checkPhotos(big, records.slice(0, 1), { maxBytes: 30 * 1024 }).problems.map((p) => p.kind)).toEqual(['oversized']);
  });

  it('packs the accepted photos as <证件号码>.jpg, the same bytes every time', async () => {
    const entries = [good(0, `a/${id(0)}.jpeg`), good(1), { name: `${id(2)}.jpg`, bytes: pngBytes() }];
    const check = checkPhotos(entries, records.slice(0, 3));
    const zipped = await buildPhotoPackage(check);
    const zip = await JSZip.loadAsync(zipped);
    expect(Object.keys(zip.files).sort()).toEqual([`${id(0)}.jpg`, `${id(1)}.jpg`].sort());
    expect(await zip.file(`${id(1)}.jpg`)!.async('uint8array')).toEqual(entries[1].bytes);
    expect(await buildPhotoPackage(check)).toEqual(zipped);
    expect(photoPackageName('12608_2026-2_学士学位授予信息.xlsx')).toBe('12608_2026-2_学位照片.zip');
    expect(photoPackageName('upload.dbf')).toBe('upload_照片.zip');
  });
});
