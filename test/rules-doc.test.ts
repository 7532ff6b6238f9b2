import { readFileSync } from 'node:fs';
import { RULES } from '../src/core/rules/catalogue';
import { renderRulesDoc, RULES_DOC } from '../scripts/generate-rules-doc';

describe('docs/rules.md', () => {
  it('is up to date with the rule catalogue (regenerate with `npm run docs:rules`)', () => {
    expect(readFileSync(RULES_DOC, 'utf8')).toBe(renderRulesDoc());
  });

  it('lists every rule once', () => {
    const doc = renderRulesDoc();
    for (const id of Object.keys(RULES)) expect(doc.split(`| \`${id}\` |`)).toHaveLength(2);
  });
});
