/**
 * 《普通高等学校本科专业目录》 majors with the 学位类别 each may award, taken from the catalogue's notes.
 * The first two digits of a code do not decide the degree (药学 100701 awards 理学 407), so the table is per major.
 * The catalogue is not embedded in full: a school adds its own majors in the profile, and a major missing from both
 * falls back to its 门类 with a warning, never an error.
 */
export interface MajorEntry {
  /** 6-digit stem plus the optional T (特设) / K (国家控制) suffix, e.g. `080904K`. */
  code: string;
  name: string;
  /** 学位类别码 the major may award, first the usual one. */
  degrees: readonly string[];
  /** Catalogue edition the entry comes from. */
  catalogue: string;
}

export { MAJORS } from './tables/majors';

/** `080904K` → `080904`, `0502100T` → `0502100`: 学信网 and some sheets drop the T/K suffix. */
export function majorStem(code: string): string {
  return code.replace(/[TK]+$/i, '');
}
