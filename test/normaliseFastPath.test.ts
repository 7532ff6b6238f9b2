/**
 * normaliseCell skips the clean-up of text that needs none (a speed-up: every cell of every row is normalised).
 * This checks, on generated text, that the result is exactly what the full clean-up gives.
 */
import fc from 'fast-check';
import { isCleanText, normaliseCell } from '../src/core/normalise/cell';
import { FIELDS } from '../src/core/template/fields';
import { isRealDate } from '../src/core/util/dates';

/** The clean-up as written before the fast path (normalise/cell.ts, normaliseText). */
function reference(raw: string, kind: string): { text: string; rules: string[] } {
  const rules: string[] = [];
  let text = raw;
  const visible = text.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/gu, '');
  if (visible !== text) {
    text = visible;
    rules.push('cell.invisibleChar');
  }
  const oneLine = text.replace(/\r\n|[\r\n\u2028\u2029\v\f]/gu, kind === 'text' || kind === 'list' ? ' ' : '');
  if (oneLine !== text) {
    text = oneLine;
    rules.push('cell.lineBreak');
  }
  const halfWidth = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (halfWidth !== text) {
    text = halfWidth;
    rules.push('cell.fullWidth');
  }
  const tidy = text.replace(/[\u3000\u00A0\u2002-\u200A\u202F\t]/gu, ' ').replace(/ {2,}/g, ' ').trim();
  if (tidy !== text) {
    text = tidy;
    rules.push('cell.whitespace');
  }
  return { text, rules };
}

const tricky = [' ', '  ', '\t', '\n', '\r\n', '\u3000', '\u00A0', '\u2000', '\u2001', '\u1680', '\u205F', '\u200B', '\uFEFF', '\u00AD',
  '\u2028', '\v', '\f', '１', 'Ａ', 'ｚ', 'x', '王', '·', '0', '9', '-', '\u202F', '\u2009'];
const text = fc.array(fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 8 }).map((parts) => parts.join(''));

describe('normaliseCell fast path', () => {
  it.each(['XM', 'ZJHM', 'LWGJC', 'BZ'])('gives the full clean-up’s result for %s', (code) => {
    const definition = FIELDS[code];
    fc.assert(
      fc.property(text, (raw) => {
        fc.pre(raw !== '' && !/^#/.test(raw));
        const cell = normaliseCell(raw, definition);
        const expected = reference(raw, definition.kind);
        expect(cell.text).toBe(expected.text);
        expect(cell.raw).toBe(raw);
        expect(cell.findings.map((f) => f.rule)).toEqual(expected.rules);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isRealDate', () => {
  it('agrees with the calendar for every day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const text = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
      expect(isRealDate(text)).toBe(d.getUTCFullYear() >= 1900);
    }
    for (const bad of ['19000229', '20230229', '21000229', '20230431', '20231301', '20230100', '20230132']) expect(isRealDate(bad)).toBe(false);
    for (const good of ['20000229', '20240229', '19960229']) expect(isRealDate(good)).toBe(true);
  });
});

describe('isCleanText', () => {
  it('holds only for cells normaliseCell returns unchanged and without findings, and for all of them but #…', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'String' as const, 'Error' as const), (raw, valueType) => {
        const cell = normaliseCell(raw, FIELDS.BZ, { valueType });
        const unchanged = raw !== '' && cell.text === raw && cell.findings.length === 0;
        if (isCleanText(raw, valueType)) expect(unchanged).toBe(true);
        // Text starting with # is left to normaliseCell, which tells error values apart.
        else if (!raw.startsWith('#')) expect(unchanged).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(isCleanText('#N/A')).toBe(false);
    expect(isCleanText('#1号楼')).toBe(false);
    expect(isCleanText(null)).toBe(false);
    expect(isCleanText(12)).toBe(false);
  });
});
