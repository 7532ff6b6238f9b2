import fc from 'fast-check';
import { firstOccurrences } from './firstSeen';

/** What a Map from text to its first index says. */
function expected(texts: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return texts.map((text, i) => {
    if (text === '') return -1;
    const earlier = seen.get(text);
    if (earlier !== undefined) return earlier;
    seen.set(text, i);
    return -1;
  });
}

describe('firstOccurrences', () => {
  it('points every repeat at the first occurrence and leaves first occurrences and empty texts at -1', () => {
    expect([...firstOccurrences(['A', 'B', 'A', '', '', 'B', 'A'])]).toEqual([-1, -1, 0, -1, -1, 1, 0]);
  });

  it('tells apart texts that differ only in case or in one digit', () => {
    expect([...firstOccurrences(['11010519491231002x', '11010519491231002X', '110105194912310021'])]).toEqual([-1, -1, -1]);
  });

  it('agrees with a map for any texts, including many repeats from a small alphabet', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('1', '2', 'x', '学'), maxLength: 3 }), { maxLength: 300 }), (texts) => {
        expect([...firstOccurrences(texts)]).toEqual(expected(texts));
      }),
    );
  });

  it('agrees with a map on tens of thousands of similar ID numbers (a full table probes far)', () => {
    const texts = Array.from({ length: 40_000 }, (_, i) => `4401061999${String(i % 25_000).padStart(8, '0')}`);
    expect([...firstOccurrences(texts)]).toEqual(expected(texts));
  });
});
