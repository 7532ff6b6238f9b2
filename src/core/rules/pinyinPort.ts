/**
 * The pinyin dictionary is large (~300 KB), so the engine takes it through this port and front ends load it lazily.
 * `readings(name)` gives, per character of the name, every toneless reading in lower case (ü as `v`),
 * with surname readings first for the first characters.
 */
export interface PinyinPort {
  readings(name: string): string[][];
}

/** Loads pinyin-pro on demand (a separate chunk in the browser build). */
export async function loadPinyin(): Promise<PinyinPort> {
  const { pinyin } = await import('pinyin-pro');
  return {
    readings(name: string): string[][] {
      const surname = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
      const all = pinyin(name, { toneType: 'none', type: 'array', multiple: true, v: true });
      return [...name].map((_, index) => {
        const options = new Set<string>();
        if (surname[index]) options.add(surname[index].toLowerCase());
        for (const reading of (all[index] ?? '').split(' ')) if (reading) options.add(reading.toLowerCase());
        return [...options];
      });
    },
  };
}
