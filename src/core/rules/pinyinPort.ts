/**
 * The pinyin dictionary is large (~300 KB), so the engine takes it through this port and front ends load it lazily.
 * `readings(name)` gives, per character of the name, every toneless reading in lower case (ü as `v`),
 * with surname readings first for the first characters.
 */
export interface PinyinPort {
  readings(name: string): string[][];
}

const HAN = /^\p{Script=Han}$/u;
const READING = /^[a-z]+$/;

/**
 * Loads pinyin-pro on demand (a separate chunk in the browser build).
 *
 * pinyin-pro's `multiple: true` lists every reading only when the input is a single character (its docs:
 * 仅针对输入的 word 为单个汉字生效), so the full lists are taken character by character (and cached). The first two
 * characters read in surname mode come first (曾 → zeng, 单 → shan, 万俟 → mo qi). A character the dictionary does
 * not know gets no reading, and non-Han characters get none either.
 */
export async function loadPinyin(): Promise<PinyinPort> {
  const { pinyin } = await import('pinyin-pro');
  const options = { toneType: 'none', type: 'array', v: true } as const;
  const perCharacter = new Map<string, string[]>();
  // Surname readings depend on the first one or two characters only (曾, 单, 万俟), and surnames repeat a lot.
  const surnames = new Map<string, string[]>();
  const surnameReadings = (head: string): string[] => {
    let readings = surnames.get(head);
    if (!readings) {
      readings = pinyin(head, { ...options, surname: 'head' });
      surnames.set(head, readings);
    }
    return readings;
  };
  const allReadings = (ch: string): string[] => {
    let readings = perCharacter.get(ch);
    if (!readings) {
      readings = pinyin(ch, { ...options, multiple: true });
      perCharacter.set(ch, readings);
    }
    return readings;
  };
  return {
    readings(name: string): string[][] {
      const chars = [...name];
      // pinyin-pro returns one entry per code point; anything else would misalign the lists, so it is dropped.
      const aligned = (list: string[]) => (list.length === chars.length ? list : []);
      const likely = aligned([...surnameReadings(chars.slice(0, 2).join('')).slice(0, chars.length), ...chars.slice(2).map(() => '')]);
      return chars.map((ch, index) => {
        if (!HAN.test(ch)) return [];
        const found = new Set<string>();
        for (const reading of [likely[index], ...allReadings(ch)]) {
          const lower = reading?.toLowerCase();
          if (lower && READING.test(lower)) found.add(lower);
        }
        return [...found];
      });
    },
  };
}
