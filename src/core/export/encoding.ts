/**
 * Character encoders for the legacy upload file, injected so that the pure core never needs a codec library:
 * the CLI passes iconv-lite's GBK (src/node/gbkEncoder.ts), the browser can build one from its own TextDecoder.
 */

export type EncodeResult = { ok: true; bytes: Uint8Array } | { ok: false; unencodable: string[] };

export interface CharEncoder {
  /** The encoding's name for messages, e.g. GBK. */
  readonly name: string;
  /** The bytes of `text`, or every distinct character the encoding cannot hold (never a silent “?”). */
  encode(text: string): EncodeResult;
}

/**
 * Private-use characters (E000–F8FF) are what 造字 programs create for rare characters: they mean nothing outside
 * the computer they were made on, so no encoder here accepts them.
 */
export function isPrivateUse(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000;
}

/** Distinct characters (code points, so 𠮷 is one) of `text` that fail `holds`, in order of appearance. */
export function unencodableChars(text: string, holds: (char: string) => boolean): string[] {
  const bad: string[] = [];
  for (const char of text) if (!bad.includes(char) && !holds(char)) bad.push(char);
  return bad;
}

/** “𠮷”(U+20BB7): how a character is named in a message. */
export function describeChar(char: string): string {
  return `“${char}”(U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * A GBK encoder built from the platform's TextDecoder (browsers; Node with full ICU): every two-byte GBK sequence is
 * decoded once and the table reversed. Only what GBK itself holds is encodable — not the four-byte GB18030 forms
 * that the WHATWG “gbk” decoder also understands — so 𠮷 is reported, as by src/node/gbkEncoder.ts, which agrees
 * with this table on every BMP character.
 */
export function gbkEncoderFromTextDecoder(): CharEncoder {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let text: string;
      try {
        text = decoder.decode(pair);
      } catch {
        continue;
      }
      // Positions decoding to astral characters are GB18030 additions, not GBK.
      if (text.length !== 1 || isPrivateUse(text)) continue;
      const code = text.charCodeAt(0);
      if (!table.has(code)) table.set(code, (lead << 8) | trail);
    }
  }
  // The one single byte above ASCII that code page 936 defines.
  table.set(0x20ac, 0x80);
  const holds = (char: string) => {
    const code = char.codePointAt(0)!;
    return code < 0x80 || table.has(code);
  };
  return {
    name: 'GBK',
    encode(text) {
      const out = new Uint8Array(text.length * 2);
      let at = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) {
          out[at++] = code;
          continue;
        }
        const mapped = table.get(code);
        // A surrogate (half of 𠮷) is never in the table: GBK holds no character outside the BMP.
        if (mapped === undefined) return { ok: false, unencodable: unencodableChars(text, holds) };
        if (mapped > 0xff) out[at++] = mapped >> 8;
        out[at++] = mapped & 0xff;
      }
      return { ok: true, bytes: out.subarray(0, at) };
    },
  };
}
