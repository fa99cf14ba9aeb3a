import { describe, expect, it } from 'vitest';
import { familyLetter } from '../../../src/critic/rule.js';
import { ruleRegistry } from '../../../src/critic/rules/index.js';
import {
  checkRule,
  contextFor,
  exampleIndustry,
  exampleProfile,
  loadCriticFixture,
} from '../critic-fixture.js';

const fixture = await loadCriticFixture();
// The rules in code and the bundled playbooks' own: a rule added to either is checked here without naming it.
const rules = ruleRegistry(fixture.playbooks);

describe('the rule registry', () => {
  it('lists each rule once, with a kebab-case id', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
  });

  it('applies each rule to every industry, or to the one whose playbook declares it', () => {
    for (const rule of rules) {
      if (rule.industries === 'all') continue;
      expect(rule.industries).toHaveLength(1);
      const playbook = fixture.playbooks.playbooks.get(rule.industries[0] as string);
      expect(playbook?.rules.map((declaration) => declaration.id)).toContain(rule.id);
    }
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it('documents when it passes and why it matters', () => {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.why.length).toBeGreaterThan(20);
    });

    it('passes its own passing example', () => {
      const { letter, industry } = rule.examples.pass;
      const context = contextFor(fixture, exampleIndustry(rule, industry), {
        profile: exampleProfile(rule, fixture),
      });
      expect(checkRule(rule, letter, context)).toEqual([]);
    });

    it('fails every member of its family and passes every near miss', () => {
      const context = contextFor(fixture, exampleIndustry(rule, undefined), {
        profile: exampleProfile(rule, fixture),
      });
      const fired = (body: string) => checkRule(rule, familyLetter(body), context).length > 0;
      expect((rule.family?.fails ?? []).filter((body) => !fired(body))).toEqual([]);
      expect((rule.family?.passes ?? []).filter(fired)).toEqual([]);
    });

    it('fails its own failing example with findings of its own id and severity', () => {
      const { letter, industry } = rule.examples.fail;
      const context = contextFor(fixture, exampleIndustry(rule, industry), {
        profile: exampleProfile(rule, fixture),
      });
      const findings = checkRule(rule, letter, context);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(rule.id);
        expect(finding.severity).toBe(rule.severity);
        expect(finding.message.length).toBeGreaterThan(20);
        if (finding.evidence !== null) {
          expect(letter.slice(finding.evidence.start, finding.evidence.end)).toBe(finding.evidence.text);
        }
      }
    });
  });
});
