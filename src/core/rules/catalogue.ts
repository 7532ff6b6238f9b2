import type { Locale, Severity } from '../model/types';
import { categoryRules, checkCategory } from './category';
import { cellRules } from './cell';
import { certificateRules, checkCertificate } from './certificate';
import { checkCodes, codeRules } from './code';
import { checkDates, datesRules } from './dates';
import { exportRules } from './export';
import { fieldRules } from './field';
import { checkIdentity, identityRules } from './identity';
import { checkInstitution, institutionRules } from './institution';
import { checkMajor, majorRules } from './major';
import { checkPerson, personRules } from './person';
import type { MessageParams, RowCheck, RuleDefinition, RuleText, WorkbookCheck } from './rule';
import { structureRules } from './structure';
import { checkThesis, thesisRules } from './thesis';
import { checkUniqueness, uniqueRules } from './unique';
import { xuejiRules } from './xueji';

/** Every rule the product knows, by stable id. Rule ids are a contract: never rename one. */
export const RULES = {
  ...structureRules,
  ...cellRules,
  ...fieldRules,
  ...codeRules,
  ...identityRules,
  ...personRules,
  ...datesRules,
  ...certificateRules,
  ...institutionRules,
  ...majorRules,
  ...thesisRules,
  ...categoryRules,
  ...uniqueRules,
  ...xuejiRules,
  ...exportRules,
} satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

/** Row checks in the order their issues read best: identity first, then the record's content. */
export const ROW_CHECKS: readonly RowCheck[] = [
  checkCodes,
  checkIdentity,
  checkPerson,
  checkDates,
  checkCertificate,
  checkInstitution,
  checkMajor,
  checkThesis,
  checkCategory,
];

export const WORKBOOK_CHECKS: readonly WorkbookCheck[] = [checkUniqueness];

/** Bumped whenever a rule is added, removed or changes meaning; recorded with every sign-off. */
export const RULES_VERSION = '2026.11.1';

export function ruleDefinition(id: string): RuleDefinition | undefined {
  return (RULES as Record<string, RuleDefinition>)[id];
}

export function ruleText(id: string, locale: Locale): RuleText | undefined {
  return ruleDefinition(id)?.text[locale];
}

export function renderMessage(id: string, locale: Locale, params: MessageParams): string {
  const text = ruleText(id, locale);
  if (!text) throw new Error(`Rule ${id} is not in the catalogue`);
  return text.message(params);
}

export function defaultSeverity(id: string): Severity {
  const definition = ruleDefinition(id);
  if (!definition) throw new Error(`Rule ${id} is not in the catalogue`);
  return definition.severity;
}
