import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-schema.js';
import { leanPosting, tokensOfText } from '../../src/posting/lean-posting.js';

let playbooks: PlaybookSet;
beforeAll(async () => {
  playbooks = await loadPlaybooks();
});

const posting = [
  'Machine Learning Engineer, Payments',
  'Lumen Pay | Lisbon',
  '',
  'Lumen Pay moves money for 3,000 online shops. This year we are launching real-time fraud scoring across Europe.',
  '',
  'What you will do',
  '- Build fraud models in Python and ship them behind our scoring API',
  '- Monitor drift and report to the risk team',
  '',
  'Requirements',
  '- Python and SQL; XGBoost or LightGBM',
  '',
  'Benefits',
  '- Health insurance from day one',
  '- A learning budget of 1,000 EUR a year',
  '',
  'Lumen Pay is an equal opportunity employer and welcomes applicants of every background.',
  '',
].join('\n');

describe('leanPosting', () => {
  it('leaves out the benefits section and the equal-opportunity statement, and keeps the rest as written', () => {
    const lean = leanPosting(posting, playbooks.common);
    expect(lean.text).toBe(
      [
        'Machine Learning Engineer, Payments',
        'Lumen Pay | Lisbon',
        '',
        'Lumen Pay moves money for 3,000 online shops. This year we are launching real-time fraud scoring across Europe.',
        '',
        'What you will do',
        '- Build fraud models in Python and ship them behind our scoring API',
        '- Monitor drift and report to the risk team',
        '',
        'Requirements',
        '- Python and SQL; XGBoost or LightGBM',
      ].join('\n'),
    );
    expect(lean).toMatchObject({ boilerplateDropped: 3, cutForBudget: 0, totalWords: 89 });
    expect(lean.words).toBe(lean.text.split(/\s+/).length);
  });

  it('keeps the title and the duties first when the budget is short, each kept sentence verbatim', () => {
    const lean = leanPosting(posting, playbooks.common, 40);
    expect(tokensOfText(lean.text)).toBeLessThanOrEqual(40);
    expect(lean.text).toContain('Machine Learning Engineer, Payments');
    expect(lean.text).toContain('What you will do\n- Build fraud models in Python');
    expect(lean.text).not.toContain('Requirements');
    expect(lean.cutForBudget).toBeGreaterThan(0);
    for (const line of lean.text.split('\n').filter((item) => item !== '')) expect(posting).toContain(line);
  });

  it('cuts a real posting of 1,800 words to the default budget of 1,500 tokens', async () => {
    const text = await readFile(
      'datasets/real-postings/postings/tech-a064-zinnia-principal-ds-ml.txt',
      'utf8',
    );
    const lean = leanPosting(text, playbooks.common);
    expect(tokensOfText(text)).toBeGreaterThan(3000);
    expect(tokensOfText(lean.text)).toBeLessThanOrEqual(1500);
    expect(lean.text).toContain("WHAT YOU'LL DO:");
    expect(lean.words).toBeLessThan(lean.totalWords / 2);
  });
});
