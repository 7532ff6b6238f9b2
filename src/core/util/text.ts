/**
 * Lengths in characters as people count them: code points, so that a rare character outside the Basic
 * Multilingual Plane (a CJK Extension B name character, two UTF-16 units) counts once.
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The first `count` characters (code points) of `text`. */
export function leadingCodePoints(text: string, count: number): string {
  let end = 0;
  for (let k = 0; k < count && end < text.length; k++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return text.slice(0, end);
}
