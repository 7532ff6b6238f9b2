/** Every rule speaks both languages: a title, why it matters, how to fix it, and a message for any parameters. */
import { LOCALES, SEVERITIES } from '../src/core/model/types';
import { RULES } from '../src/core/rules/catalogue';
import type { RuleDefinition } from '../src/core/rules/rule';

const entries = Object.entries(RULES as Record<string, RuleDefinition>);

describe('rule catalogue', () => {
  it('has rules with well-formed ids', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [id] of entries) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/);
  });

  it.each(entries)('%s has a severity and non-empty zh-CN and en-US title, why, fix and message', (_id, definition) => {
    expect(SEVERITIES).toContain(definition.severity);
    for (const locale of LOCALES) {
      const text = definition.text[locale];
      expect(text).toBeDefined();
      for (const key of ['title', 'why', 'fix'] as const) {
        expect(typeof text[key]).toBe('string');
        expect(text[key].trim()).not.toBe('');
      }
      expect(typeof text.message).toBe('function');
      const message = text.message({});
      expect(typeof message).toBe('string');
      expect(message.trim()).not.toBe('');
    }
  });

  it('has Chinese in the Chinese texts and English in the English titles', () => {
    for (const [, definition] of entries) {
      expect(definition.text['zh-CN'].title).toMatch(/\p{Script=Han}/u);
      expect(definition.text['en-US'].title).toMatch(/[A-Za-z]{2,}/);
    }
  });
});
