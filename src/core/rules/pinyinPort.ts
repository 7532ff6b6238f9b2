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
 * 仅针对输入的 word 为单个汉字生效), so the full lists are taken character by character. The reading of the whole
 * name in surname mode comes first: surname readings at the head (曾 → zeng, 单 → shan, 万俟 → mo qi), readings in
 * context after it. A character the dictionary does not know gets no reading, and non-Han characters get none either.
 */
export async function loadPinyin(): Promise<PinyinPort> {
  const { pinyin } = await import('pinyin-pro');
  const options = { toneType: 'none', type: 'array', v: true } as const;
  const perCharacter = new Map<string, string[]>();
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
      const likely = aligned(pinyin(name, { ...options, surname: 'head' }));
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
