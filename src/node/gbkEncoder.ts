/** The GBK encoder for the .dbf upload file, from iconv-lite; characters GBK cannot hold are named, never “?”. */
import iconv from 'iconv-lite';
import { unencodableChars, type CharEncoder } from '../core/export/encoding';

/** Whether iconv-lite round-trips the text: its encoder writes “?” for what the code page lacks. */
function roundTrips(text: string, encoding: string): boolean {
  return iconv.decode(iconv.encode(text, encoding), encoding) === text;
}

export function iconvEncoder(encoding = 'gbk', name = encoding.toUpperCase()): CharEncoder {
  if (!iconv.encodingExists(encoding)) throw new Error(`iconv-lite does not know the encoding ${encoding}`);
  return {
    name,
    encode(text) {
      const bytes = iconv.encode(text, encoding);
      if (iconv.decode(bytes, encoding) === text) return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      return { ok: false, unencodable: unencodableChars(text, (char) => roundTrips(char, encoding)) };
    },
  };
}

export const gbkEncoder = (): CharEncoder => iconvEncoder('gbk', 'GBK');
