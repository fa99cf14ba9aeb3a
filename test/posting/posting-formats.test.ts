import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompany } from '../../src/posting/find-company.js';
import { findHook } from '../../src/posting/find-hook.js';
import { loadPosting } from '../../src/posting/load-posting.js';
import { playbooks } from '../engines/offline/offline-test-kit.js';

const folder = join(import.meta.dirname, '..', 'fixtures', 'formats');

describe('one posting as .txt, .md and .html', () => {
  it('gives the same company, role and hiring manager whatever the format', async () => {
    const readings = await Promise.all(
      ['harvest-hearth.txt', 'harvest-hearth.md', 'harvest-hearth.html'].map(async (name) => {
        const posting = await loadPosting(join(folder, name));
        const { company, role, hiringManager } = findHook(posting, playbooks);
        return { company, role, hiringManager };
      }),
    );
    // The posting writes "Harvest & Hearth Home Goods, Inc.", "Harvest and Hearth Home Goods" and "Harvest & Hearth".
    for (const reading of readings)
      expect(reading).toEqual({
        company: 'Harvest & Hearth Home Goods',
        role: 'Senior Data Scientist, Demand Forecasting',
        hiringManager: 'Dana Whitfield',
      });
  });

  it('is as sure of the company in every format', async () => {
    for (const name of ['harvest-hearth.txt', 'harvest-hearth.md', 'harvest-hearth.html']) {
      const posting = await loadPosting(join(folder, name));
      expect(readCompany(posting.text)?.confidence).toBeGreaterThan(0.9);
    }
  });
});
