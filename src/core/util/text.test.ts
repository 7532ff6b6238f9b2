import fc from 'fast-check';
import { codePointLength, leadingCodePoints } from './text';

describe('code point helpers', () => {
  it('count a supplementary-plane character once, and a lone surrogate once', () => {
    expect(codePointLength('王𠀾明')).toBe(3);
    expect(codePointLength('a\uD800b')).toBe(3);
    expect(codePointLength('')).toBe(0);
    expect(leadingCodePoints('𠀾王明', 2)).toBe('𠀾王');
    expect(leadingCodePoints('王', 2)).toBe('王');
  });

  it('agree with spreading the string into characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(5), (text, count) => {
        expect(codePointLength(text)).toBe([...text].length);
        expect(leadingCodePoints(text, count)).toBe([...text].slice(0, count).join(''));
      }),
    );
  });
});
