import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readmeMarkers,
  renderReadmeSamples,
  renderSampleLetters,
  type SampleLetter,
  sampleLetters,
  sampleLettersPath,
  withReadmeSamples,
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

describe('the README’s sample letters', () => {
  it('are the current render, three per industry, between the markers', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(
      readme === withReadmeSamples(readme, renderReadmeSamples(samples)),
      'README.md’s sample section is stale: run `npm run docs:samples` and commit it',
    ).toBe(true);
    const section = readme.slice(readme.indexOf(readmeMarkers[0]), readme.indexOf(readmeMarkers[1]));
    expect(section.match(/^\*\*(?:experienced-mle|early-career|career-changer)\*\*/gm)).toHaveLength(12);
  });

  it('are shown under their letterhead, as `lede draft` writes them', () => {
    for (const sample of samples) expect(sample.letter.split('\n')[0]).not.toMatch(/^Dear /);
  });

  it('names the markers when the README lost them', () => {
    expect(() => withReadmeSamples('# lede', 'section')).toThrow(readmeMarkers[0]);
  });
});
