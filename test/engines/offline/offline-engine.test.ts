import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../../src/engines/offline/offline-engine.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { noUsage } from '../../../src/pipeline/usage.js';
import type { Profile } from '../../../src/profile/profile-schema.js';
import { profileText } from '../../../src/profile/profile-text.js';
import {
  draftRequest,
  examplePosting,
  examplePostingsFolder,
  exampleProfile,
  fixturePosting,
  fixturePostingsFolder,
  playbooks,
  unsupportedClaims,
} from './offline-test-kit.js';

const profiles = {
  experienced: await exampleProfile('experienced-mle'),
  earlyCareer: await exampleProfile('early-career'),
  careerChanger: await exampleProfile('career-changer'),
};
const postings = [
  ...(await Promise.all((await readdir(examplePostingsFolder)).sort().map(examplePosting))),
  ...(await Promise.all((await readdir(fixturePostingsFolder)).sort().map(fixturePosting))),
];

/**
 * Retail letters must tie a model to money with a number. A profile with no quantified revenue or cost result cannot
 * do that honestly, and lede never invents one: that is the one error it may leave, for the user to fix.
 */
function profileHasBusinessMetric(profile: Profile): boolean {
  const terms = playbooks.playbooks.get('retail')?.vocabulary.businessMetrics ?? [];
  return [...profile.achievements, ...profile.projects].some((fact) => {
    const text = `${fact.result ?? ''} ${fact.metrics.join(' ')}`.toLowerCase();
    return /\d/.test(text) && terms.some((term) => new RegExp(`\\b${term.toLowerCase()}\\b`).test(text));
  });
}

/** Whether the profile names any explainability work: without it, a finance letter cannot honestly show some. */
function profileHasExplainability(profile: Profile): boolean {
  const terms = playbooks.playbooks.get('finance')?.vocabulary.explainability ?? [];
  const text = profileText(profile).toLowerCase();
  return terms.some((term) => text.includes(term.toLowerCase()));
}

describe('createOfflineEngine', () => {
  it('is the offline engine, and every stage costs nothing', async () => {
    const engine = createOfflineEngine();
    const posting = await examplePosting('harborline-bank-credit-risk.txt');
    const read = await engine.readPosting(posting, playbooks);
    const request = draftRequest(posting, profiles.experienced);
    const drafted = await engine.draftLetter(request);
    const revised = await engine.reviseLetter({
      ...request,
      previous: drafted.value,
      findings: [],
      attempt: 2,
    });
    expect({ name: engine.name, model: engine.model }).toEqual({ name: 'offline', model: 'offline' });
    expect([read.usage, drafted.usage, revised.usage]).toEqual([noUsage, noUsage, noUsage]);
    expect(read.value.industry.industry).toBe('finance');
    expect(read.value.analysis.company).toBe('Harborline Bank');
  });

  it('stops when the run is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const posting = await examplePosting('harborline-bank-credit-risk.txt');
    await expect(
      createOfflineEngine().readPosting(posting, playbooks, { signal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('runPipeline with the offline engine', () => {
  it.each(Object.entries(profiles))(
    'passes every error-level rule for the %s profile on every example and fixture posting',
    async (_kind, profile) => {
      const outcomes: { source: string; errors: string[] }[] = [];
      for (const posting of postings) {
        const result = await runPipeline(posting, profile, { engine: createOfflineEngine(), playbooks });
        const best = result.attempts.find((attempt) => attempt.attempt === result.bestAttempt);
        const errors = (best?.critique.findings ?? [])
          .filter((finding) => finding.severity === 'error')
          .map((finding) => finding.ruleId)
          // Industry requirements the profile cannot meet stay errors (lede never invents the work).
          .filter((ruleId) => ruleId !== 'retail-business-metric' || profileHasBusinessMetric(profile))
          .filter((ruleId) => ruleId !== 'finance-explainability' || profileHasExplainability(profile));
        outcomes.push({ source: posting.source, errors });
        expect(unsupportedClaims(result.letter, profile, posting)).toEqual([]);
        expect(result.usage).toEqual(noUsage);
      }
      expect(outcomes.filter((outcome) => outcome.errors.length > 0)).toEqual([]);
    },
  );

  it('passes on the first draft for the experienced profile, as `npm start` runs it', async () => {
    for (const posting of postings) {
      const result = await runPipeline(posting, profiles.experienced, {
        engine: createOfflineEngine(),
        playbooks,
      });
      expect({ source: posting.source, passedFirst: result.attempts[0]?.critique.passed }).toEqual({
        source: posting.source,
        passedFirst: true,
      });
    }
  });

  it('gives the same letter for the same posting and profile, run after run', async () => {
    const posting = await examplePosting('orbitly-ml-platform.md');
    const first = await runPipeline(posting, profiles.careerChanger, {
      engine: createOfflineEngine(),
      playbooks,
    });
    const second = await runPipeline(posting, profiles.careerChanger, {
      engine: createOfflineEngine(),
      playbooks,
    });
    expect(second.letter).toBe(first.letter);
    expect(second.attempts.map((attempt) => attempt.draft)).toEqual(
      first.attempts.map((attempt) => attempt.draft),
    );
  });

  it('never opens two companies’ letters with the same paragraph', async () => {
    const openings = new Map<string, string>();
    for (const posting of postings) {
      const result = await runPipeline(posting, profiles.experienced, {
        engine: createOfflineEngine(),
        playbooks,
      });
      const company = result.analysis.company ?? posting.source;
      const opening = result.letter.split('\n\n')[1] ?? '';
      const other = openings.get(opening);
      if (other !== undefined && other !== company) {
        // Same achievement is fine; the same wording for two companies is not.
        expect(`${company} shares its opening with ${other}`).toBe('');
      }
      openings.set(opening, company);
    }
  });
});
