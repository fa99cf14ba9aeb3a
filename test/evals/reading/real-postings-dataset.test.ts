import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRealPostings } from '../../../src/evals/reading/reading-label.js';
import { packageRoot } from '../../../src/package-root.js';

const folder = join(packageRoot(), 'datasets', 'real-postings');
const dataset = await loadRealPostings(folder);
const labels = [...dataset.cases.map((item) => item.label), ...dataset.missing];

describe('datasets/real-postings', () => {
  it('has at least 40 postings each for tech, finance and retail, and the rest from other industries', () => {
    const count = (industry: string) => labels.filter((label) => label.industry === industry).length;
    expect(labels.length).toBeGreaterThanOrEqual(200);
    for (const industry of ['tech', 'finance', 'retail']) expect(count(industry)).toBeGreaterThanOrEqual(40);
    expect(count('general')).toBeGreaterThanOrEqual(55);
  });

  it('holds a fifth of each industry apart as the holdout', () => {
    for (const industry of ['tech', 'finance', 'retail', 'general']) {
      const mine = labels.filter((label) => label.industry === industry);
      const holdout = mine.filter((label) => label.split === 'holdout').length;
      expect(Math.abs(holdout - mine.length / 5)).toBeLessThanOrEqual(1);
    }
  });

  it('commits the texts of licensed sources only, each byte for byte as its label says', async () => {
    const committed = (await readdir(join(folder, 'postings'))).map((name) => name.replace(/\.txt$/, ''));
    const byId = new Map(labels.map((label) => [label.id, label]));
    for (const id of committed) expect(byId.get(id)?.source.license, id).not.toBe('none');
    for (const label of labels.filter((item) => item.source.license !== 'none'))
      expect(committed, `${label.id} comes from a licensed source`).toContain(label.id);
    for (const { label, text } of dataset.cases)
      expect(createHash('sha256').update(text, 'utf8').digest('hex'), label.id).toBe(label.sha256);
  });

  it('quotes every company, alias, hook and hiring manager verbatim from the posting', () => {
    for (const { label, text } of dataset.cases) {
      const quoted = [
        label.company,
        ...label.company_aliases,
        label.hook,
        ...label.hook_alternatives,
        label.hiring_manager,
      ].filter((value): value is string => value !== null);
      for (const value of quoted) expect(text.includes(value), `${label.id}: "${value}"`).toBe(true);
    }
  });
});
