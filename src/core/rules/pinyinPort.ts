import { leadingCodePoints } from '../util/text';

/**
 * The pinyin dictionary is large (~300 KB), so the engine takes it through this port and front ends load it lazily.
 * `readings(name)` gives, per character of the name, every toneless reading in lower case (ü as `v`),
 * with surname readings first for the first characters. The lists are shared between calls: callers must not
 * modify them.
 */
export interface PinyinPort {
  readings(name: string): readonly (readonly string[])[];
}

const HAN = /^\p{Script=Han}$/u;
const READING = /^[a-z]+$/;

/**
 * Loads pinyin-pro on demand (a separate chunk in the browser build).
 *
 * pinyin-pro's `multiple: true` lists every reading only when the input is a single character (its docs:
 * 仅针对输入的 word 为单个汉字生效), so the full lists are taken character by character. The first two
 * characters read in surname mode come first (曾 → zeng, 单 → shan, 万俟 → mo qi). A character the dictionary does
 * not know gets no reading, and non-Han characters get none either.
 *
 * Everything is cached, already lower-cased and filtered: a sheet of 50,000 names has a few thousand distinct
 * characters and surnames, and asking pinyin-pro again for each would be most of the check's time.
 */
export async function loadPinyin(): Promise<PinyinPort> {
  const { pinyin } = await import('pinyin-pro');
  const options = { toneType: 'none', type: 'array', v: true } as const;

  /** Distinct lower-case readings, the given one first. */
  const tidy = (readings: readonly (string | undefined)[]): string[] => {
    const found = new Set<string>();
    for (const reading of readings) {
      const lower = reading?.toLowerCase();
      if (lower && READING.test(lower)) found.add(lower);
    }
    return [...found];
  };

  /** By code point, so that looking a character up makes no string. */
  const perCharacter = new Map<number, readonly string[]>();
  const characterReadings = (codePoint: number): readonly string[] => {
    let readings = perCharacter.get(codePoint);
    if (!readings) {
      const ch = String.fromCodePoint(codePoint);
      readings = HAN.test(ch) ? tidy(pinyin(ch, { ...options, multiple: true })) : [];
      perCharacter.set(codePoint, readings);
    }
    return readings;
  };

  /** The lists of the first one or two characters (the possible surname), its surname reading first. */
  const heads = new Map<string, readonly (readonly string[])[]>();
  const headReadings = (head: string): readonly (readonly string[])[] => {
    let lists = heads.get(head);
    if (!lists) {
      const chars = [...head];
      const surname: string[] = pinyin(head, { ...options, surname: 'head' });
      // pinyin-pro returns one entry per code point; anything else would misalign the lists, so it is not used.
      const likely = surname.length === chars.length ? surname : [];
      lists = chars.map((ch, index) =>
        HAN.test(ch) ? tidy([likely[index], ...characterReadings(ch.codePointAt(0)!)]) : [],
      );
      heads.set(head, lists);
    }
    return lists;
  };

  return {
    readings(name: string): readonly (readonly string[])[] {
      const head = leadingCodePoints(name, 2);
      const lists = [...headReadings(head)];
      for (let i = head.length; i < name.length; ) {
        const codePoint = name.codePointAt(i)!;
        lists.push(characterReadings(codePoint));
        i += codePoint > 0xffff ? 2 : 1;
      }
      return lists;
    },
  };
}
