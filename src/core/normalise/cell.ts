import type { CellValue, CellValueType } from '../model/types';
import { isDigitSensitive, type FieldDefinition } from '../template/fields';
import { fromExcelSerial, looksLikeDateFormat } from './excelDate';

/** What normalisation found about a cell; the engine turns each finding into an issue of that rule. */
export interface CellFinding {
  rule:
    | 'cell.errorValue'
    | 'cell.numberLostDigits'
    | 'cell.storedAsNumber'
    | 'cell.dateValue'
    | 'cell.invisibleChar'
    | 'cell.lineBreak'
    | 'cell.fullWidth'
    | 'cell.whitespace';
  suggestion?: string;
  params?: Record<string, string | number>;
}

export interface NormalisedCell {
  /** The cleaned text every rule checks. */
  text: string;
  /** The cell as the user sees it, for the issue's `value`. */
  raw: string;
  findings: CellFinding[];
}

const EMPTY: NormalisedCell = Object.freeze({ text: '', raw: '', findings: [] }) as NormalisedCell;

/** JavaScript numbers hold 15 significant decimal digits safely; Excel keeps 15. */
const EXCEL_DIGITS = 15;

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\v\f]/gu;
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu;
const ODD_SPACE = /[\u3000\u00A0\u2002-\u200A\u202F\t]/gu;

function fixedLength(definition: FieldDefinition, codeLength: number | undefined): number | undefined {
  if (definition.kind === 'date') return 8;
  if (definition.kind === 'month') return 6;
  if (definition.kind === 'digits') return definition.digits;
  if (definition.kind === 'code') return codeLength;
  return undefined;
}

/** Writes a number the way Excel shows it in a General cell, without exponent or binary noise. */
export function numberToText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(Number(value.toPrecision(EXCEL_DIGITS)));
}

function significantDigits(digits: string): number {
  return digits.replace(/^-/, '').replace(/^0+/, '').replace(/0+$/, '').length;
}

function normaliseNumber(
  value: number,
  definition: FieldDefinition,
  numberFormat: string | undefined,
  codeLength: number | undefined,
): NormalisedCell {
  const raw = numberToText(value);
  if ((definition.kind === 'date' || definition.kind === 'month') && looksLikeDateFormat(numberFormat)) {
    const date = fromExcelSerial(value);
    if (date) {
      const text = definition.kind === 'date' ? date : date.slice(0, 6);
      return { text, raw, findings: [{ rule: 'cell.dateValue', suggestion: text }] };
    }
  }
  if (!isDigitSensitive(definition)) return { text: raw, raw, findings: [] };
  const expected = fixedLength(definition, codeLength);
  const lostPrecision = Number.isInteger(value) && raw.length > EXCEL_DIGITS && significantDigits(raw) >= EXCEL_DIGITS;
  if (lostPrecision || (definition.kind === 'id' && Number.isInteger(value) && raw.length >= 16)) {
    return { text: raw, raw, findings: [{ rule: 'cell.numberLostDigits', params: { reason: 'precision' } }] };
  }
  if (expected !== undefined && Number.isInteger(value) && value >= 0 && raw.length < expected) {
    const padded = raw.padStart(expected, '0');
    return {
      text: padded,
      raw,
      findings: [{ rule: 'cell.numberLostDigits', suggestion: padded, params: { reason: 'leadingZero', expected } }],
    };
  }
  return { text: raw, raw, findings: [{ rule: 'cell.storedAsNumber', suggestion: raw }] };
}

/**
 * Anything normaliseText would change: the characters of the patterns above, doubled spaces, or white space at
 * either end (`\s` is exactly what String.prototype.trim removes).
 * Most cells have none, and one test is far cheaper than the replacements (the engine normalises every cell).
 */
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF\u00AD\r\n\u2028\u2029\v\f\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000\u00A0\u2002-\u200A\u202F\t]|^\s|\s$| {2}/u;
const NO_FINDINGS: CellFinding[] = Object.freeze([]) as unknown as CellFinding[];

function normaliseText(raw: string, definition: FieldDefinition): NormalisedCell {
  if (!NEEDS_CLEANING.test(raw)) return { text: raw, raw, findings: NO_FINDINGS };
  const findings: CellFinding[] = [];
  let text = raw;
  const visible = text.replace(INVISIBLE, '');
  if (visible !== text) {
    text = visible;
    findings.push({ rule: 'cell.invisibleChar' });
  }
  const joiner = definition.kind === 'text' || definition.kind === 'list' ? ' ' : '';
  const oneLine = text.replace(LINE_BREAK, joiner);
  if (oneLine !== text) {
    text = oneLine;
    findings.push({ rule: 'cell.lineBreak' });
  }
  const halfWidth = text.replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (halfWidth !== text) {
    text = halfWidth;
    findings.push({ rule: 'cell.fullWidth' });
  }
  const spaced = text.replace(ODD_SPACE, ' ');
  const tidy = spaced.replace(/ {2,}/g, ' ').trim();
  if (tidy !== text) {
    text = tidy;
    findings.push({ rule: 'cell.whitespace' });
  }
  if (findings.length > 0) for (const finding of findings) finding.suggestion = text;
  return { text, raw, findings };
}

/**
 * Whether a cell needs no normalisation at all: non-empty text that is not an error value and that the clean-up would
 * leave as it is (normaliseCell would return it unchanged, without findings). The engine skips normaliseCell for such
 * cells, most of a sheet, and the allocations that come with it.
 */
export function isCleanText(value: CellValue, valueType?: CellValueType): boolean {
  return (
    typeof value === 'string' &&
    value !== '' &&
    valueType !== 'Error' &&
    value.charCodeAt(0) !== 35 /* # */ &&
    !NEEDS_CLEANING.test(value)
  );
}

/**
 * Turns one cell into text plus findings. Never hides a defect: every change made here is reported with the
 * raw value, and the cleaned text is offered as the fix.
 */
export function normaliseCell(
  value: CellValue,
  definition: FieldDefinition,
  options: { numberFormat?: string; valueType?: CellValueType; codeLength?: number } = {},
): NormalisedCell {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (options.valueType === 'Error' || (typeof value === 'string' && value.charCodeAt(0) === 35 /* # */ && ERROR_TEXT.test(value))) {
    return { text: '', raw: String(value), findings: [{ rule: 'cell.errorValue' }] };
  }
  if (typeof value === 'number') return normaliseNumber(value, definition, options.numberFormat, options.codeLength);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', raw: value ? 'TRUE' : 'FALSE', findings: [] };
  return normaliseText(value, definition);
}
