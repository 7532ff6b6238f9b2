/**
 * The GBK encoder for the .dbf upload file, from iconv-lite. A character counts as encodable only when the bytes
 * read back as the same character both with iconv-lite and with the platform's WHATWG “gbk” decoder (code page 936
 * as Windows and Java read it). That rejects 𠮷 and the other GB18030-only characters, and also the 80 characters
 * at FE50–FEA0 that iconv-lite writes with their GB18030 meaning while code page 936 readers see private-use
 * characters there (䶮 among them), and private-use (造字) characters: each is named at its row, never written as
 * “?” or as a wrong character.
 */
import iconv from 'iconv-lite';
import { isPrivateUse, unencodableChars, type CharEncoder } from '../core/export/encoding';

function platformDecoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

export function iconvEncoder(encoding = 'gbk', name = encoding.toUpperCase()): CharEncoder {
  if (!iconv.encodingExists(encoding)) throw new Error(`iconv-lite does not know the encoding ${encoding}`);
  const check = platformDecoder(encoding);
  const readsBack = (bytes: Buffer, text: string) =>
    iconv.decode(bytes, encoding) === text && (!check || check.decode(bytes) === text) && ![...text].some(isPrivateUse);
  return {
    name,
    encode(text) {
      const bytes = iconv.encode(text, encoding);
      if (readsBack(bytes, text)) return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      return { ok: false, unencodable: unencodableChars(text, (char) => readsBack(iconv.encode(char, encoding), char)) };
    },
  };
}

export const gbkEncoder = (): CharEncoder => iconvEncoder('gbk', 'GBK');
