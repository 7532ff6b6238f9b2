/** How Excel turns written input into stored cell content, and stored content into `values`, `text`, `valueTypes`. */
import { fromExcelSerial, looksLikeDateFormat } from '../core/normalise/excelDate';
import { isErrorValue, type SimCellValue } from './model';

export const TEXT_FORMAT = '@';

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Excel keeps 15 significant digits of a number. */
export function toExcelPrecision(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

export type WrittenCell = { kind: 'skip' } | { kind: 'value'; value: SimCellValue } | { kind: 'formula'; formula: string; result: SimCellValue };

/**
 * A value written through `Range.values` (or `formulas`) into a cell with the given number format: `null`
 * leaves the cell unchanged, `""` clears it, a string starting with "=" is a formula, and in a cell not
 * formatted as Text (`@`) numeric strings become numbers (15 significant digits) and TRUE/FALSE booleans.
 */
export function interpretInput(input: unknown, numberFormat: string): WrittenCell {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') return { kind: 'value', value: toExcelPrecision(input) };
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  const text = String(input);
  if (text === '') return { kind: 'value', value: null };
  if (numberFormat === TEXT_FORMAT) return { kind: 'value', value: text };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text, result: evaluateFormula(text) };
  if (NUMERIC.test(text)) return { kind: 'value', value: toExcelPrecision(Number(text)) };
  if (/^(true|false)$/i.test(text)) return { kind: 'value', value: text.toLowerCase() === 'true' };
  return { kind: 'value', value: text };
}

function unquote(argument: string): string | number | undefined {
  const text = argument.trim();
  if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (NUMERIC.test(text)) return Number(text);
  return undefined;
}

/** Splits formula arguments at commas outside string literals. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/**
 * The simulator does not calculate. It knows the result of literals (`="text"`, `=42`) and of
 * `=HYPERLINK(target, text)`, which shows its text; any other formula's result is empty.
 */
export function evaluateFormula(formula: string): SimCellValue {
  const body = formula.slice(1).trim();
  const hyperlink = /^HYPERLINK\((.*)\)$/is.exec(body);
  if (hyperlink) {
    const args = splitArguments(hyperlink[1]).map(unquote);
    const shown = args.length > 1 ? args[1] : args[0];
    return shown === undefined ? null : shown;
  }
  const literal = unquote(body);
  return literal === undefined ? null : literal;
}

/** What `Range.values` returns for a stored cell: errors as their text (#N/A), empty cells as "". */
export function outputValue(value: SimCellValue): string | number | boolean {
  if (value === null) return '';
  if (isErrorValue(value)) return value.error;
  return value;
}

export function valueType(value: SimCellValue): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (value === null || value === '') return 'Empty';
  if (isErrorValue(value)) return 'Error';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  if (Math.abs(value) >= 1e11 || (value !== 0 && Math.abs(value) < 1e-9)) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${trimmed}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(Number(value.toPrecision(10)));
}

/**
 * An approximation of `Range.text`: General (11 digits, then scientific), Text, `0…` with padding, `0.00…`,
 * and date formats as yyyy/m/d (the zh-CN short date). Other formats fall back to General.
 */
export function formatText(value: SimCellValue, numberFormat: string): string {
  if (value === null) return '';
  if (isErrorValue(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (looksLikeDateFormat(numberFormat)) {
    const date = fromExcelSerial(value);
    if (date) return `${Number(date.slice(0, 4))}/${Number(date.slice(4, 6))}/${Number(date.slice(6, 8))}`;
  }
  const zeros = /^(0+)$/.exec(numberFormat);
  if (zeros) return String(Math.round(value)).padStart(zeros[1].length, '0');
  const decimals = /^0\.(0+)$/.exec(numberFormat);
  if (decimals) return value.toFixed(decimals[1].length);
  return generalNumber(value);
}

/** UTF-8 length of a string, as the bytes it takes in a request. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON size in bytes: what a value costs in a request or response. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return utf8Length(JSON.stringify(value));
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  pink: '#FFC0CB',
  purple: '#800080',
};

/** Normalises "#ffa500", "FFA500" or "orange" to "#FFA500"; throws on anything else. */
export function normaliseColor(color: string): string | undefined {
  const text = String(color).trim();
  const named = NAMED_COLORS[text.toLowerCase()];
  if (named) return named;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(text);
  return hex ? `#${hex[1].toUpperCase()}` : undefined;
}
