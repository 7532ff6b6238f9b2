import type { SchoolProfile } from '../profile/profile';
import { createLookup, extendTable, type CodeLookup, type CodeTable, type CodeTableId } from './codeTable';
import { MAJORS, majorStem, type MajorEntry } from './majors';
import { countryTable } from './tables/country';
import { degreeTypeTable } from './tables/degreeType';
import { ethnicityTable } from './tables/ethnicity';
import { idTypeTable } from './tables/idType';
import { politicalStatusTable } from './tables/politicalStatus';
import { sexTable } from './tables/sex';
import { studyFormTable } from './tables/studyForm';
import { thesisLanguageTable, thesisTypeTable } from './tables/thesis';
import { yesNoTable } from './tables/yesNo';

export const CODE_TABLES: Readonly<Record<CodeTableId, CodeTable>> = {
  sex: sexTable,
  ethnicity: ethnicityTable,
  politicalStatus: politicalStatusTable,
  idType: idTypeTable,
  country: countryTable,
  degreeType: degreeTypeTable,
  studyForm: studyFormTable,
  thesisType: thesisTypeTable,
  thesisLanguage: thesisLanguageTable,
  yesNo: yesNoTable,
};

export interface ProfileCodes {
  codes: Readonly<Record<CodeTableId, CodeLookup>>;
  /** The catalogue's entry for a major code, the school's own entries first; falls back to the 6-digit stem. */
  major(code: string): MajorEntry | undefined;
  /** Whether the profile lists its own majors (then a major outside them is worth a warning). */
  hasOwnMajors: boolean;
  isOwnMajor(code: string): boolean;
}

const cache = new WeakMap<SchoolProfile, ProfileCodes>();

/** Code lookups with the profile's extensions merged in; built once per profile object. */
export function codesFor(profile: SchoolProfile): ProfileCodes {
  const cached = cache.get(profile);
  if (cached) return cached;
  const extensions = profile.codeTables as Partial<Record<CodeTableId, CodeTable['entries']>>;
  const codes = Object.fromEntries(
    (Object.keys(CODE_TABLES) as CodeTableId[]).map((id) => [id, createLookup(extendTable(CODE_TABLES[id], extensions[id]))]),
  ) as Record<CodeTableId, CodeLookup>;
  const own: MajorEntry[] = profile.majors.map((major) => ({ ...major, catalogue: 'profile' }));
  const byCode = new Map<string, MajorEntry>();
  const byStem = new Map<string, MajorEntry>();
  for (const entry of [...MAJORS, ...own]) {
    byCode.set(entry.code, entry);
    byStem.set(majorStem(entry.code), entry);
  }
  const ownCodes = new Set(own.flatMap((entry) => [entry.code, majorStem(entry.code)]));
  const result: ProfileCodes = {
    codes,
    major: (code) => byCode.get(code) ?? byStem.get(majorStem(code)),
    hasOwnMajors: own.length > 0,
    isOwnMajor: (code) => ownCodes.has(code) || ownCodes.has(majorStem(code)),
  };
  cache.set(profile, result);
  return result;
}
