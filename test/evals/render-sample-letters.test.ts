import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  renderSampleLetters,
  type SampleLetter,
  sampleLetters,
  sampleLettersPath,
} from '../../src/evals/render-sample-letters.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';

let samples: SampleLetter[];
beforeAll(async () => {
  samples = await sampleLetters(await loadPlaybooks());
});

describe('docs/sample-letters.md', () => {
  it('holds three letters per industry, one per example profile', () => {
    const byIndustry = new Map<string, string[]>();
    for (const sample of samples)
      byIndustry.set(sample.industry, [...(byIndustry.get(sample.industry) ?? []), sample.profile]);
    expect([...byIndustry.keys()].sort()).toEqual(['finance', 'general', 'retail', 'tech']);
    for (const profiles of byIndustry.values())
      expect(profiles.sort()).toEqual(['career-changer', 'early-career', 'experienced-mle']);
  });

  it('is the current render of what the offline engine writes', () => {
    expect(
      readFileSync(sampleLettersPath(), 'utf8') === renderSampleLetters(samples),
      'docs/sample-letters.md is stale: run `npm run docs:samples` and commit it',
    ).toBe(true);
  });
});
