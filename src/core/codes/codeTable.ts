/**
 * Code tables are versioned data; lookups are built from them once.
 * A value can be the canonical name, an equivalent (accepted as exact in code-valued sheets, where the national
 * template allowed both spellings) or an alias (legacy or short form: accepted with a warning and a fix).
 */
export interface CodeEntry {
  code: string;
  /** Canonical name, as the name-valued G3 template wants it. */
  name: string;
  /** Other spellings that code-valued templates (G1, G2) accepted in the companion name column. */
  equivalents?: readonly string[];
  /** Legacy or short forms seen in real data; accepted with a warning that proposes `name`. */
  aliases?: readonly string[];
}

export type CodeTableId =
  | 'sex'
  | 'ethnicity'
  | 'politicalStatus'
  | 'idType'
  | 'country'
  | 'degreeType'
  | 'studyForm'
  | 'thesisType'
  | 'thesisLanguage'
  | 'yesNo';

export interface CodeTable {
  id: CodeTableId;
  title: { 'zh-CN': string; 'en-US': string };
  /** The standard or source the table follows. */
  source: string;
  version: string;
  /** An incomplete or unconfirmed table turns unknown values into warnings instead of errors. */
  complete: boolean;
  /** Codes are fixed-width text (leading zeros matter), e.g. 2 for 民族码 `01`. */
  codeLength?: number;
  entries: readonly CodeEntry[];
}

export type NameMatch = 'exact' | 'equivalent' | 'alias';

export interface CodeLookup {
  table: CodeTable;
  byCode(code: string): CodeEntry | undefined;
  /** Finds an entry by any of its names; `match` tells how the text matched. */
  byName(name: string): { entry: CodeEntry; match: NameMatch } | undefined;
}

export function createLookup(table: CodeTable): CodeLookup {
  const codes = new Map<string, CodeEntry>();
  const names = new Map<string, { entry: CodeEntry; match: NameMatch }>();
  for (const entry of table.entries) {
    codes.set(entry.code, entry);
  }
  // Aliases first, so that a canonical name always wins over somebody else's alias.
  for (const entry of table.entries) for (const alias of entry.aliases ?? []) names.set(alias, { entry, match: 'alias' });
  for (const entry of table.entries)
    for (const equivalent of entry.equivalents ?? []) names.set(equivalent, { entry, match: 'equivalent' });
  for (const entry of table.entries) names.set(entry.name, { entry, match: 'exact' });
  return {
    table,
    byCode: (code) => codes.get(code),
    byName: (name) => names.get(name),
  };
}

/** Merges school-specific entries (from the profile) into a table: same code replaces, new code is added. */
export function extendTable(table: CodeTable, extra: readonly CodeEntry[] | undefined): CodeTable {
  if (!extra || extra.length === 0) return table;
  const byCode = new Map(table.entries.map((entry) => [entry.code, entry]));
  for (const entry of extra) byCode.set(entry.code, { ...byCode.get(entry.code), ...entry });
  return { ...table, version: `${table.version}+profile`, entries: [...byCode.values()] };
}
