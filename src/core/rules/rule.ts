import type { CodeLookup, CodeTableId } from '../codes/codeTable';
import type { ProfileCodes } from '../codes/lookups';
import type { Category, Generation, Locale, Severity } from '../model/types';
import type { SchoolProfile } from '../profile/profile';
import type { Presence } from '../template/generations';
import type { PinyinPort } from './pinyinPort';

/** Values a message template may use. The engine always adds `label` (the field's name in the message's language). */
export type MessageParams = Record<string, string | number | undefined>;

export interface RuleText {
  title: string;
  /** Why the rule matters to the degree office. */
  why: string;
  /** How to fix a defect of this kind. */
  fix: string;
  /** The one-line message for one defect: what is wrong with this value. */
  message: (params: MessageParams) => string;
}

export interface RuleDefinition {
  severity: Severity;
  text: Record<Locale, RuleText>;
}

/** Identity function that keeps the literal keys, so rule ids are checked by the compiler. */
export function defineRules<const T extends Record<string, RuleDefinition>>(rules: T): T {
  return rules;
}

/** Everything a row check may ask about the sheet it runs on. */
export interface SheetContext {
  readonly sheet: string;
  readonly generation: Generation;
  readonly category: Category;
  readonly profile: SchoolProfile;
  /** YYYYMMDD of the day the check runs (China time); injected so tests are stable. */
  readonly today: string;
  readonly codes: Readonly<Record<CodeTableId, CodeLookup>>;
  /** The major catalogue with the school's own majors merged in. */
  readonly majors: Pick<ProfileCodes, 'major' | 'hasOwnMajors' | 'isOwnMajor'>;
  /** Present when the pinyin dictionary was loaded; the pinyin agreement check is skipped otherwise. */
  readonly pinyin?: PinyinPort;
  /** Whether the sheet has a column for the field. */
  has(code: string): boolean;
  presence(code: string): Presence;
}

export interface RowContext {
  readonly sheet: SheetContext;
  readonly excelRow: number;
  /** Cleaned text of a field ('' when empty or when the sheet has no such column). */
  get(code: string): string;
  /**
   * Reports a defect of `rule` at `field` of this row. A param `otherField` (a field code) gets its label added as
   * `otherLabel`. `severity` overrides the catalogue's only where the rule itself knows better (unconfirmed tables).
   */
  report(rule: string, field: string | null, params?: MessageParams, suggestion?: string, severity?: Severity): void;
}

/** A check over one row; it may report several rules of its family. */
export type RowCheck = (row: RowContext) => void;

export interface CheckedRow {
  excelRow: number;
  values: Readonly<Record<string, string>>;
}

export interface SheetRows {
  context: SheetContext;
  rows: readonly CheckedRow[];
}

/** A check across all rows of all sheets validated together (uniqueness). */
export type WorkbookCheck = (
  sheets: readonly SheetRows[],
  report: (sheetIndex: number, row: CheckedRow, rule: string, field: string | null, params?: MessageParams) => void,
) => void;
