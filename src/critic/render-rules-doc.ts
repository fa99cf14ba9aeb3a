import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-root.js';
import { loadPlaybooks } from '../playbooks/load-playbooks.js';
import { batchRuleIds } from './check-batch.js';
import { examplePostings } from './example-postings.js';
import type { Rule, RuleExample } from './rule.js';
import { ruleRegistry } from './rules/index.js';

function appliesTo(rule: Rule): string {
  const industries = rule.industries === 'all' ? 'all industries' : rule.industries.join(', ');
  return rule.levels === undefined ? industries : `${industries}; ${rule.levels.join(' and ')} profiles`;
}

function needs(rule: Rule): string {
  if (rule.requires.length === 0) return 'the letter only';
  return rule.requires.map((requirement) => `the ${requirement}`).join(' and ');
}

function example(label: string, rule: Rule, letter: RuleExample): string[] {
  const industry = letter.industry ?? (rule.industries === 'all' ? 'tech' : (rule.industries[0] ?? 'tech'));
  return [
    `**${label}** (checked as a ${industry} letter${letter.note === undefined ? '' : `; ${letter.note}`}):`,
    '',
    '```text',
    letter.letter,
    '```',
    '',
  ];
}

/** The family's members and near misses, each the body of a letter (see Rule.family). */
function family(rule: Rule): string[] {
  if (rule.family === undefined) return [];
  const item = (body: string) => `- ${body.replace(/\n+/g, ' ⏎ ')}`;
  return [
    '**The family, by example** (each the body of a letter; the tests check every line):',
    '',
    'Fails:',
    '',
    ...rule.family.fails.map(item),
    '',
    'Passes:',
    '',
    ...rule.family.passes.map(item),
    '',
  ];
}

/** docs/rules.md: every rule's id, where it applies, severity, what it needs, why, and a passing and failing letter. */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const lines = [
    '# The critic’s rules',
    '',
    '<!-- Generated from src/critic/rules/ and the rules of templates/industries/*.yaml by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    'lede checks every letter against these rules. An **error** fails the letter (`lede check` exits 1) and drives a',
    'revision; a **warning** is reported and earns at most one revision. A rule that needs the posting or the profile',
    'and does not have it is listed as skipped, never as passed. Ids are stable: scripts may depend on them.',
    '',
    'Vocabulary (tool names, stock openers, explainability terms, revenue metrics, ...) lives in `templates/common.yaml`',
    'and the industry playbooks under `templates/industries/`; extend those files and the rules follow. An industry’s',
    'own rules are declared in its playbook’s `rules`, each an instance of a rule kind in `src/critic/rule-kinds/`.',
    '',
    'The examples are written by the sample profile (`examples/profiles/experienced-mle.yaml`, Priya Raman) to these',
    'postings; the test suite checks that each passing example passes its rule and each failing example fails it:',
    '',
    ...Object.entries(examplePostings).map(
      ([industry, { analysis }]) =>
        `- ${industry}: ${analysis.company ?? 'an unnamed company'}, hook "${analysis.hook?.text ?? 'none'}", asks for ${analysis.requiredTools.join(', ')}`,
    ),
    '',
    '| id | applies to | severity | needs |',
    '|---|---|---|---|',
    ...rules.map(
      (rule) => `| [\`${rule.id}\`](#${rule.id}) | ${appliesTo(rule)} | ${rule.severity} | ${needs(rule)} |`,
    ),
    '',
  ];
  for (const rule of rules) {
    lines.push(
      `## ${rule.id}`,
      '',
      `- Applies to: ${appliesTo(rule)}`,
      `- Severity: ${rule.severity}`,
      `- Needs: ${needs(rule)}`,
      '',
      `**Passes when:** ${rule.description}`,
      '',
      `**Why:** ${rule.why}`,
      '',
      ...example('Passes', rule, rule.examples.pass),
      ...example('Fails', rule, rule.examples.fail),
      ...family(rule),
    );
  }
  lines.push(
    '## Batch checks',
    '',
    '`lede batch` also compares the letters of a run with each other (`checkBatch` in `src/critic/check-batch.ts`):',
    '',
    `- \`${batchRuleIds.sharedOpening}\` (warning): two or more letters open with the same paragraph once company names are set aside.`,
    `- \`${batchRuleIds.wrongCompany}\` (error): a letter names another posting's company and never its own.`,
    '',
  );
  return lines.join('\n');
}

/** Where the generated document lives. */
export function rulesDocPath(): string {
  return join(packageRoot(), 'docs', 'rules.md');
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  writeFileSync(rulesDocPath(), renderRulesDoc(ruleRegistry(await loadPlaybooks())));
  process.stdout.write(`wrote ${rulesDocPath()}\n`);
}
