import { join } from 'node:path';
import { examplePostings } from '../../src/critic/example-postings.js';
import type { Finding } from '../../src/critic/finding.js';
import { analyzeLetter } from '../../src/critic/letter-anatomy.js';
import type { CriticContext, Rule } from '../../src/critic/rule.js';
import { ruleRegistry } from '../../src/critic/rules/index.js';
import { packageRoot } from '../../src/package-root.js';
import { loadPlaybooks, playbookFor } from '../../src/playbooks/load-playbooks.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-schema.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { type Profile, ProfileSchema } from '../../src/profile/profile-schema.js';

/** The bundled playbooks and the sample profiles the rule examples are written for. */
export interface CriticFixture {
  readonly playbooks: PlaybookSet;
  /** examples/profiles/experienced-mle.yaml (Priya Raman). */
  readonly experienced: Profile;
  /** A backend engineer moving into ML: production software, an ML capstone that never ran in production. */
  readonly careerChanger: Profile;
  /** A profile without a single number. */
  readonly noMetrics: Profile;
}

export const careerChangerProfile: Profile = ProfileSchema.parse({
  name: 'Sam Okafor',
  level: 'career-changer',
  contact: { email: 'sam.okafor@example.com' },
  achievements: [
    {
      id: 'settlement-services',
      employer: 'Ledgerly',
      role: 'Backend Engineer',
      did: 'built and ran the payment reconciliation services in Go and PostgreSQL',
      result: 'cut failed settlements by 35% across 4M monthly payments',
      metrics: ['35%', '4M monthly payments'],
      tools: ['Go', 'PostgreSQL', 'Kubernetes', 'Docker'],
      methods: ['code review', 'integration tests'],
      production: true,
    },
  ],
  projects: [
    {
      id: 'fraud-capstone',
      name: 'Capstone: card fraud detection',
      did: 'trained a gradient boosting fraud classifier on 280,000 card transactions',
      result: 'cut false alarms by 30% on a held-out set',
      metrics: ['30%', '280,000 card transactions'],
      tools: ['scikit-learn', 'XGBoost', 'pandas'],
      methods: ['gradient boosting', 'cross-validation'],
    },
  ],
  skills: ['Python', 'SQL'],
});

export const noMetricsProfile: Profile = ProfileSchema.parse({
  name: 'Alex Moreno',
  level: 'early-career',
  achievements: [],
  projects: [
    {
      id: 'thesis-classifier',
      name: 'Thesis: bird song classifier',
      did: 'trained a convolutional classifier for bird songs with PyTorch',
      result: 'the model was adopted by the university lab',
      tools: ['PyTorch'],
      methods: ['transfer learning'],
    },
  ],
  skills: ['Python'],
});

let loaded: Promise<CriticFixture> | undefined;

export function loadCriticFixture(): Promise<CriticFixture> {
  loaded ??= (async () => ({
    playbooks: await loadPlaybooks(),
    experienced: await loadProfile(join(packageRoot(), 'examples/profiles/experienced-mle.yaml')),
    careerChanger: careerChangerProfile,
    noMetrics: noMetricsProfile,
  }))();
  return loaded;
}

/**
 * The context the rule examples are written for: the industry's example posting (src/critic/
 * example-postings.ts), the experienced profile, a 250-word limit. Override any part.
 */
export function contextFor(
  fixture: CriticFixture,
  industry: string,
  overrides: Partial<CriticContext> = {},
): CriticContext {
  const example = examplePostings[industry as keyof typeof examplePostings] ?? examplePostings.general;
  return {
    industry,
    playbook: playbookFor(fixture.playbooks, industry),
    common: fixture.playbooks.common,
    posting: example.posting,
    analysis: example.analysis,
    profile: fixture.experienced,
    maxWords: 250,
    ...overrides,
  };
}

/** One rule's findings for a letter, as critiqueLetter would compute them. */
export function checkRule(rule: Rule, letter: string, context: CriticContext): Finding[] {
  return rule.check(analyzeLetter(letter, context.common), context);
}

/** The industry a rule's example is checked in: its own, else the rule's first, else tech. */
export function exampleIndustry(rule: Rule, industry: string | undefined): string {
  return industry ?? (rule.industries === 'all' ? 'tech' : (rule.industries[0] ?? 'tech'));
}

/** The profile a rule's examples are checked with: a career changer for rules that only apply below experienced. */
export function exampleProfile(rule: Rule, fixture: CriticFixture): Profile {
  return rule.levels !== undefined && !rule.levels.includes('experienced')
    ? fixture.careerChanger
    : fixture.experienced;
}

/** The evidence quoting the `occurrence`-th (0-based) appearance of `text` in the letter. */
export function quoteOf(
  letter: string,
  text: string,
  occurrence = 0,
): { text: string; start: number; end: number } {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = letter.indexOf(text, start + 1);
    if (start === -1) throw new Error(`"${text}" occurs fewer than ${occurrence + 1} times in the letter`);
  }
  return { text, start, end: start + text.length };
}

/** A letter from a greeting, body paragraphs and a signature. */
export function letterOf(
  greeting: string,
  paragraphs: readonly string[],
  signoff = 'Best,\nPriya Raman',
): string {
  return [greeting, ...paragraphs, signoff].join('\n\n');
}

/** A rule of the registry (the rules in code and the bundled playbooks' own) by its id. */
export function ruleById(fixture: CriticFixture, id: string): Rule {
  const rule = ruleRegistry(fixture.playbooks).find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`no rule ${id} in the registry`);
  return rule;
}
