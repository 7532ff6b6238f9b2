/**
 * A small dBASE III writer for the legacy (G1) upload file: character fields only, as the 2014-era tools wrote it
 * (lower-case field codes, GBK text; shared/reference/degree-data.md §2.2, §6). Pure: the encoder is injected.
 *
 * Layout: a 32-byte header (version 0x03, date of last update, record count, header and record length, language
 * driver), one 32-byte descriptor per field, 0x0D, then the records (a deletion flag ' ' and the fields, each
 * padded with spaces to its length in bytes) and the end-of-file mark 0x1A.
 */
import type { CharEncoder } from './encoding';

export interface DbfField {
  /** Field name, at most 10 ASCII characters (written as given; the template codes are written in lower case). */
  name: string;
  /** Length in bytes of the encoded text, 1…254. */
  length: number;
}

export interface DbfOptions {
  /** Date of last update in the header, YYYYMMDD. */
  date: string;
  /** Language driver id at byte 29: 0x4D is code page 936 (GBK) in the dBASE/ArcGIS tables. */
  languageDriver?: number;
}

/** A value that cannot be written without loss: the caller should have reported it (export.* rules) before. */
export class DbfValueError extends Error {
  constructor(
    readonly record: number,
    readonly field: string,
    readonly reason: 'unencodable' | 'tooLong',
  ) {
    super(`record ${record + 1}, field ${field}: ${reason === 'unencodable' ? 'cannot be encoded' : 'longer than the field'}`);
    this.name = 'DbfValueError';
  }
}

export const DBF_MAX_FIELD_LENGTH = 254;
export const GBK_LANGUAGE_DRIVER = 0x4d;

/** Writes the file; throws DbfValueError instead of writing “?” or cutting a value short. */
export function writeDbf(fields: readonly DbfField[], records: readonly (readonly string[])[], encoder: CharEncoder, options: DbfOptions): Uint8Array {
  if (fields.length === 0) throw new Error('a .dbf file needs at least one field');
  for (const field of fields) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(field.name)) throw new Error(`bad dBASE field name ${field.name}`);
    if (!Number.isInteger(field.length) || field.length < 1 || field.length > DBF_MAX_FIELD_LENGTH) {
      throw new Error(`bad length ${field.length} for dBASE field ${field.name}`);
    }
  }
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(options.date);
  if (!match) throw new Error(`bad dBASE header date ${options.date}`);
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  if (headerLength > 0xffff || recordLength > 0xffff) throw new Error('too many fields for a dBASE III file');

  const out = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = Number(match[1]) - 1900;
  out[2] = Number(match[2]);
  out[3] = Number(match[3]);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = options.languageDriver ?? GBK_LANGUAGE_DRIVER;

  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    for (let c = 0; c < field.name.length; c++) out[at + c] = field.name.charCodeAt(c);
    out[at + 11] = 0x43; // 'C'
    out[at + 16] = field.length;
    out[at + 17] = 0;
  });
  out[headerLength - 1] = 0x0d;

  let at = headerLength;
  records.forEach((record, r) => {
    out[at++] = 0x20;
    fields.forEach((field, f) => {
      const value = record[f] ?? '';
      let bytes: Uint8Array;
      if (value === '') bytes = new Uint8Array(0);
      else {
        const encoded = encoder.encode(value);
        if (!encoded.ok) throw new DbfValueError(r, field.name, 'unencodable');
        bytes = encoded.bytes;
      }
      if (bytes.length > field.length) throw new DbfValueError(r, field.name, 'tooLong');
      out.set(bytes, at);
      out.fill(0x20, at + bytes.length, at + field.length);
      at += field.length;
    });
  });
  out[at] = 0x1a;
  return out;
}
