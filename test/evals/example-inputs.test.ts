import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPosting } from '../../src/posting/load-posting.js';
import { loadProfile } from '../../src/profile/load-profile.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

describe('examples/', () => {
  it('holds the three profile kinds the README promises, each valid', async () => {
    const levels: Record<string, string> = {};
    for (const name of ['experienced-mle.yaml', 'early-career.yaml', 'career-changer.yaml']) {
      levels[name] = (await loadProfile(join(examples, 'profiles', name))).level;
    }
    expect(levels).toEqual({
      'experienced-mle.yaml': 'experienced',
      'early-career.yaml': 'early-career',
      'career-changer.yaml': 'career-changer',
    });
  });

  it('marks only production software as production in the career changer profile', async () => {
    const profile = await loadProfile(join(examples, 'profiles', 'career-changer.yaml'));
    expect(profile.achievements.every((achievement) => achievement.production)).toBe(true);
    expect(profile.projects.map((project) => [project.id, project.production])).toEqual([
      ['churn-side-project', false],
    ]);
  });

  it('gives the early-career candidate a capstone with metrics and no production ML', async () => {
    const profile = await loadProfile(join(examples, 'profiles', 'early-career.yaml'));
    expect(profile.achievements.some((achievement) => achievement.production)).toBe(false);
    const capstone = profile.projects.find((project) => project.name.startsWith('Capstone'));
    expect(capstone?.metrics.length).toBeGreaterThan(0);
    expect(Object.keys(profile.comparableTools).length).toBeGreaterThan(0);
  });

  it('holds at least six postings in .txt, .md and .html that all load', async () => {
    const names = (await readdir(join(examples, 'postings'))).sort();
    const postings = await Promise.all(names.map((name) => loadPosting(join(examples, 'postings', name))));
    expect(postings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(names.map((name) => name.split('.').pop()))).toEqual(new Set(['txt', 'md', 'html']));
    const html = postings.find((posting) => posting.source.endsWith('.html'));
    expect(html?.text).not.toMatch(/<|dataLayer|cookies/);
  });
});
