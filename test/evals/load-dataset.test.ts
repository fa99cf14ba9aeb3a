import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadDataset } from '../../src/evals/load-dataset.js';
import { normalizeForMatch } from '../../src/text/verbatim.js';
import { tinyCases, tinyLabels, writeTinyDataset } from './support/tiny-dataset.js';

const industries = ['tech', 'finance', 'retail', 'general'];

async function loadError(
  folder: string,
): Promise<{ code: string; message: string; field: string | undefined }> {
  try {
    await loadDataset(folder, { industries });
  } catch (error) {
    if (error instanceof InputError) return { code: error.code, message: error.message, field: error.field };
    throw error;
  }
  throw new Error('expected the dataset to be refused');
}

describe('loadDataset', () => {
  it('loads postings of every format with their labels, and profiles, in case order', async () => {
    const { folder } = await writeTinyDataset();
    const dataset = await loadDataset(folder, { industries });
    expect(dataset.cases.map((item) => [item.id, item.label.industry, item.profile.name])).toEqual([
      ['tech/engineer', 'tech', 'Robin Vale'],
      ['tech/graduate', 'tech', 'Sky Ono'],
      ['finance/engineer', 'finance', 'Robin Vale'],
      ['finance/graduate', 'finance', 'Sky Ono'],
      ['retail/engineer', 'retail', 'Robin Vale'],
      ['retail/graduate', 'retail', 'Sky Ono'],
      ['general/engineer', 'general', 'Robin Vale'],
      ['general/graduate', 'general', 'Sky Ono'],
    ]);
    const html = dataset.cases.find((item) => item.postingId === 'cedar-grocers');
    expect(html?.posting.text).not.toContain('<p>');
    expect(html?.label).toEqual({
      industry: 'retail',
      company: 'Cedar Grocers',
      aliases: [],
      hookKeywords: ['demand forecasts'],
      requiredTools: ['Python', 'Spark', 'dbt', 'Airflow'],
      traits: ['html'],
    });
  });

  it('refuses a posting without a label, naming the file and the fix', async () => {
    const { folder } = await writeTinyDataset({ extraPostings: { 'orphan.txt': 'x '.repeat(40) } });
    expect(await loadError(folder)).toEqual({
      code: 'dataset.unlabelled-posting',
      message: `${join(folder, 'postings', 'orphan.txt')} has no entry in ${join(folder, 'labels.yaml')}`,
      field: 'orphan',
    });
  });

  it('refuses a label whose posting file is missing', async () => {
    const { folder } = await writeTinyDataset();
    await rm(join(folder, 'postings', 'acme-cloud.txt'));
    expect(await loadError(folder)).toMatchObject({ code: 'dataset.missing-posting', field: 'acme-cloud' });
  });

  it('refuses a case naming an unknown profile and suggests the likely one', async () => {
    const { folder } = await writeTinyDataset({
      cases: tinyCases.replace('profile: graduate }', 'profile: graduat }'),
    });
    expect(await loadError(folder)).toEqual({
      code: 'dataset.unknown-profile',
      message: `${join(folder, 'cases.yaml')}: cases[1].profile names profile "graduat", which is not in ${join(folder, 'profiles')} (did you mean "graduate"?)`,
      field: 'cases[1].profile',
    });
  });

  it('refuses duplicate case ids', async () => {
    const { folder } = await writeTinyDataset({
      cases: tinyCases.replace('id: tech/graduate', 'id: tech/engineer'),
    });
    expect(await loadError(folder)).toMatchObject({ code: 'dataset.duplicate-case', field: 'cases[1].id' });
  });

  it('refuses a malformed label with the line, the field and what was expected', async () => {
    const { folder } = await writeTinyDataset({
      labels: tinyLabels.replace('hookKeywords: [credit model]', 'hookKeyword: [credit model]'),
    });
    const error = await loadError(folder);
    expect(error.code).toBe('dataset.invalid');
    expect(error.message).toContain(`${join(folder, 'labels.yaml')}:`);
    expect(error.message).toContain('unknown key "hookKeyword" (did you mean "hookKeywords"?) in birch-bank');
    expect(error.message).toContain('birch-bank.hookKeywords is required');
  });

  it('refuses an industry no playbook defines', async () => {
    const { folder } = await writeTinyDataset({
      labels: tinyLabels.replace('industry: finance', 'industry: banking'),
    });
    expect(await loadError(folder)).toMatchObject({
      code: 'dataset.unknown-industry',
      field: 'birch-bank.industry',
    });
  });

  it('refuses an empty cases file', async () => {
    const { folder } = await writeTinyDataset();
    await writeFile(join(folder, 'cases.yaml'), 'cases: []\n');
    expect(await loadError(folder)).toMatchObject({ code: 'dataset.invalid', field: 'cases' });
  });
});

describe('datasets/ (the committed eval dataset)', async () => {
  const dataset = await loadDataset('datasets', { industries });
  const postings = new Map(dataset.cases.map((item) => [item.postingId, item]));

  it('holds at least 60 postings, at least 12 per industry, in .txt, .md and .html', () => {
    const perIndustry: Record<string, number> = {};
    for (const item of postings.values())
      perIndustry[item.label.industry] = (perIndustry[item.label.industry] ?? 0) + 1;
    expect(postings.size).toBeGreaterThanOrEqual(60);
    for (const industry of industries) expect(perIndustry[industry]).toBeGreaterThanOrEqual(12);
    const formats = new Set([...postings.values()].map((item) => item.posting.source.split('.').pop()));
    expect(formats).toEqual(new Set(['txt', 'md', 'html']));
  });

  it('covers the hard kinds of posting: agency, parent and subsidiary, partner, ambiguous, non-ML, HTML pages', () => {
    const traits = new Map<string, number>();
    for (const item of postings.values())
      for (const trait of item.label.traits) traits.set(trait, (traits.get(trait) ?? 0) + 1);
    for (const trait of [
      'agency',
      'parent-subsidiary',
      'partner',
      'ambiguous',
      'non-ml',
      'html',
      'boilerplate',
      'benefits',
      'bullets',
      'small',
      'big',
    ]) {
      expect([trait, (traits.get(trait) ?? 0) >= 2]).toEqual([trait, true]);
    }
    const agencies = [...postings.values()].filter((item) => item.label.traits.includes('agency'));
    expect(
      agencies.every((item) => item.label.company === null && item.label.hookKeywords.length === 0),
    ).toBe(true);
  });

  it('pairs every industry with every profile kind at least three times', () => {
    const pairs = new Map<string, number>();
    for (const item of dataset.cases)
      pairs.set(
        `${item.label.industry}×${item.profileId}`,
        (pairs.get(`${item.label.industry}×${item.profileId}`) ?? 0) + 1,
      );
    const profiles = [...new Set(dataset.cases.map((item) => item.profileId))].sort();
    expect(profiles).toEqual([
      'career-changer',
      'finance-mle',
      'generalist-ds',
      'new-grad',
      'retail-mle',
      'tech-mle',
    ]);
    for (const industry of industries)
      for (const profile of profiles)
        expect(pairs.get(`${industry}×${profile}`) ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('has the profile kinds the suite needs, one without a single quantified achievement', () => {
    const profiles = new Map(dataset.cases.map((item) => [item.profileId, item.profile]));
    const levels = Object.fromEntries([...profiles].map(([id, profile]) => [id, profile.level]));
    expect(levels).toMatchObject({
      'new-grad': 'early-career',
      'career-changer': 'career-changer',
      'tech-mle': 'experienced',
    });
    expect(profiles.get('new-grad')?.achievements).toEqual([]);
    const generalist = profiles.get('generalist-ds');
    const facts = [...(generalist?.achievements ?? []), ...(generalist?.projects ?? [])];
    expect(
      facts.every((fact) => fact.metrics.length === 0 && !/\d/.test(`${fact.did} ${fact.result ?? ''}`)),
    ).toBe(true);
  });

  it('labels only what the posting says: the company, every hook keyword and every required tool occur in its text', () => {
    const missing: string[] = [];
    for (const [id, item] of postings) {
      const text = normalizeForMatch(item.posting.text);
      const said = [
        item.label.company,
        ...item.label.aliases,
        ...item.label.hookKeywords,
        ...item.label.requiredTools,
      ];
      for (const word of said)
        if (word !== null && !text.includes(normalizeForMatch(word))) missing.push(`${id}: ${word}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives each company alias a word of its own: "Acme, Inc." quoted whole, never split into a bare "Inc."', () => {
    const loose = [...postings]
      .flatMap(([id, item]) => item.label.aliases.map((alias) => ({ id, alias })))
      .filter(({ alias }) => !/\p{L}{3,}/u.test(alias.replace(/\b(?:inc|llc|ltd|corp|plc|n\.a)\b\.?/giu, '')))
      .map(({ id, alias }) => `${id}: ${alias}`);
    expect(loose).toEqual([]);
  });
});
