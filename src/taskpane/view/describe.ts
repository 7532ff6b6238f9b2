import type { Issue, Locale } from '../../core/model/types';
import { ruleText } from '../../core/rules/catalogue';
import { FIELDS } from '../../core/template/fields';
import { format } from '../i18n/messages';

/** A field's name in the pane's language; the code itself for fields outside the template. */
export function fieldLabel(field: string, locale: Locale): string {
  const definition = FIELDS[field];
  if (!definition) return field;
  return locale === 'zh-CN' ? definition.label : definition.en;
}

/** Where an issue is, as the user reads it: `Sheet!C12`, `第 12 行`, or the sheet's name. */
export function issueLocation(issue: Issue, locale: Locale, withSheet: boolean): string {
  if (issue.row === null) return issue.sheet;
  const row = String(issue.row);
  if (issue.column === null) {
    const text = format(locale, 'issue.row', { row });
    return withSheet ? `${issue.sheet} · ${text}` : text;
  }
  const cell = `${issue.column}${row}`;
  return withSheet ? format(locale, 'issue.where', { sheet: issue.sheet, cell }) : cell;
}

/** The rule's title, falling back to its id for a rule this build does not know. */
export function ruleTitle(rule: string, locale: Locale): string {
  return ruleText(rule, locale)?.title ?? rule;
}

/** The full text of an issue for tooltips and screen readers. */
export function issueDetails(issue: Issue, locale: Locale): string {
  const parts = [issue.message];
  if (issue.value !== null && issue.value !== '') parts.push(format(locale, 'issue.value', { value: issue.value }));
  if (issue.suggestion !== undefined) parts.push(format(locale, 'issue.suggestion', { value: issue.suggestion }));
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}
