import { bytesToBase64, mimeTypeOf } from './bytes';

describe('bytes for saving', () => {
  it('encodes base64 like Node does, also past one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
  });

  it('names the MIME type of the files the export writes', () => {
    expect(mimeTypeOf('12608_2026-2_学士学位授予信息.xlsx')).toMatch(/spreadsheetml/);
    expect(mimeTypeOf('a.DBF')).toBe('application/x-dbf');
    expect(mimeTypeOf('x')).toBe('application/octet-stream');
  });
});
