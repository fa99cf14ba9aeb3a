import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRulesDoc, rulesDocPath } from '../../src/critic/render-rules-doc.js';
import type { Rule } from '../../src/critic/rule.js';
import { ruleRegistry } from '../../src/critic/rules/index.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';

let rules: readonly Rule[];
beforeAll(async () => {
  rules = ruleRegistry(await loadPlaybooks());
});

describe('docs/rules.md', () => {
  it('is the current render of the rule list', () => {
    const committed = readFileSync(rulesDocPath(), 'utf8');
    expect(
      committed === renderRulesDoc(rules),
      'docs/rules.md is stale: run `npm run docs:rules` and commit it',
    ).toBe(true);
  });

  it('documents every rule with where it applies, its severity, why, and both examples', () => {
    const doc = renderRulesDoc(rules);
    for (const rule of rules) {
      const section = doc.slice(doc.indexOf(`## ${rule.id}\n`));
      expect(section).toContain(`- Severity: ${rule.severity}`);
      expect(section).toContain(`**Why:** ${rule.why}`);
      expect(section).toContain(rule.examples.pass.letter);
      expect(section).toContain(rule.examples.fail.letter);
    }
  });
});
