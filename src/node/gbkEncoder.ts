/**
 * The GBK encoder for the .dbf upload file, from iconv-lite. A character counts as encodable only when its bytes
 * read back as the same character both with iconv-lite and with the platform's WHATWG “gbk” decoder (code page 936
 * as Windows and Java read it). That rejects 𠮷 and the other GB18030-only characters, the 80 characters at
 * FE50–FEA0 that iconv-lite writes with their GB18030 meaning while code page 936 readers see private-use
 * characters there (䶮 among them), and private-use (造字) characters: each is named at its row, never written as
 * “?” or as a wrong character. GBK is stateless, so each character is encoded and checked once and remembered.
 */
import { TextDecoder } from 'node:util';
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
  /** Bytes of each character met so far; null for one the encoding cannot hold. */
  const known = new Map<number, Uint8Array | null>();
  const bytesOf = (char: string): Uint8Array | null => {
    const code = char.codePointAt(0)!;
    let bytes = known.get(code);
    if (bytes === undefined) {
      const encoded = iconv.encode(char, encoding);
      const readsBack = iconv.decode(encoded, encoding) === char && (!check || check.decode(encoded) === char) && !isPrivateUse(char);
      bytes = readsBack ? Uint8Array.from(encoded) : null;
      known.set(code, bytes);
    }
    return bytes;
  };
  return {
    name,
    encode(text) {
      const out = new Uint8Array(text.length * 2);
      let at = 0;
      for (const char of text) {
        const code = char.charCodeAt(0);
        if (code < 0x80) {
          out[at++] = code;
          continue;
        }
        const bytes = bytesOf(char);
        if (!bytes) return { ok: false, unencodable: unencodableChars(text, (c) => bytesOf(c) !== null) };
        out.set(bytes, at);
        at += bytes.length;
      }
      return { ok: true, bytes: out.subarray(0, at) };
    },
  };
}

export const gbkEncoder = (): CharEncoder => iconvEncoder('gbk', 'GBK');
