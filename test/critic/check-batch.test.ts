import { describe, expect, it } from 'vitest';
import { type BatchLetter, checkBatch } from '../../src/critic/check-batch.js';

const letter = (opening: string, company: string): string =>
  `Dear Hiring Manager,\n\n${opening}\n\nI would love to help ${company} ship its next model.\n\nBest,\nPriya Raman`;
const quote = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { text: part, start, end: start + part.length };
};

describe('checkBatch', () => {
  it('passes letters with their own openings, each naming its own company', () => {
    const letters: BatchLetter[] = [
      {
        source: 'fernway.txt',
        company: 'Fernway',
        letter: letter('I cut inference latency by 40% at Streamline.', 'Fernway'),
      },
      {
        source: 'larkspur.txt',
        company: 'Larkspur Bank',
        letter: letter('I lifted AUC from 0.71 to 0.78 at Northwind Lending.', 'Larkspur'),
      },
      {
        source: 'agency.txt',
        company: null,
        letter: letter('I cut overtime costs by 12% at Northwind Lending.', 'your client'),
      },
    ];
    expect(checkBatch(letters)).toEqual([]);
  });

  it('warns on every letter that shares its opening paragraph, company names aside', () => {
    const letters: BatchLetter[] = [
      {
        source: 'a.txt',
        company: 'Fernway',
        letter: letter('At Fernway I would cut latency by 40%, as I did at Streamline.', 'Fernway'),
      },
      {
        source: 'b.txt',
        company: 'Brightcart',
        letter: letter('At Brightcart I would cut latency by 40%, as I did at Streamline!', 'Brightcart'),
      },
      {
        source: 'c.txt',
        company: 'Larkspur Bank',
        letter: letter('I lifted AUC to 0.78 at Northwind Lending.', 'Larkspur Bank'),
      },
    ];
    const [first, second] = letters as [BatchLetter, BatchLetter];
    expect(checkBatch(letters)).toEqual([
      {
        source: 'a.txt',
        ruleId: 'batch-unique-opening',
        severity: 'warning',
        message:
          'Rewrite the opening paragraph for Fernway: it is the same as in 1 other letter of this batch (b.txt). Lead with the result that fits this posting best.',
        evidence: quote(first.letter, 'At Fernway I would cut latency by 40%, as I did at Streamline.'),
      },
      {
        source: 'b.txt',
        ruleId: 'batch-unique-opening',
        severity: 'warning',
        message:
          'Rewrite the opening paragraph for Brightcart: it is the same as in 1 other letter of this batch (a.txt). Lead with the result that fits this posting best.',
        evidence: quote(second.letter, 'At Brightcart I would cut latency by 40%, as I did at Streamline!'),
      },
    ]);
  });

  it('flags a letter that names another posting’s company and never its own', () => {
    const mixedUp = letter('I cut inference latency by 40% at Streamline.', 'Fernway');
    const letters: BatchLetter[] = [
      {
        source: 'fernway.txt',
        company: 'Fernway',
        letter: letter('I raised retention by 6% at Streamline.', 'Fernway'),
      },
      { source: 'brightcart.txt', company: 'Brightcart Inc.', letter: mixedUp },
    ];
    expect(checkBatch(letters)).toEqual([
      {
        source: 'brightcart.txt',
        ruleId: 'batch-own-company',
        severity: 'error',
        message:
          'This letter is for Brightcart Inc. but names Fernway, the company of fernway.txt, and never Brightcart Inc.: replace it with Brightcart Inc., or regenerate the letter from its own posting.',
        evidence: quote(mixedUp, 'Fernway'),
      },
    ]);
  });

  it('accepts a letter that names its own company by its short name, and others besides', () => {
    const letters: BatchLetter[] = [
      {
        source: 'a.txt',
        company: 'Fernway',
        letter: letter('I cut latency by 40% at Streamline.', 'Fernway'),
      },
      {
        source: 'b.txt',
        company: 'Brightcart Inc.',
        letter: letter('Unlike Fernway, I measure models in margin: 4% at Streamline.', 'Brightcart'),
      },
    ];
    expect(checkBatch(letters)).toEqual([]);
  });
});

describe('checkBatch on a large batch', () => {
  it('names at most three of the letters sharing an opening and counts the rest', () => {
    const letters: BatchLetter[] = Array.from({ length: 6 }, (_, index) => ({
      source: `${index}.txt`,
      company: null,
      letter: letter('I cut inference latency by 40% at Streamline.', 'your client'),
    }));
    const messages = checkBatch(letters).map((finding) => finding.message);
    expect(messages).toHaveLength(6);
    expect(messages[0]).toBe(
      'Rewrite the opening paragraph: it is the same as in 5 other letters of this batch (1.txt, 2.txt, 3.txt and 2 more). Lead with the result that fits this posting best.',
    );
    expect(messages[5]).toContain('(0.txt, 1.txt, 2.txt and 2 more)');
  });
});
