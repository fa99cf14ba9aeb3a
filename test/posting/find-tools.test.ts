import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findToolMentions, toolNamesIn } from '../../src/posting/find-tools.js';
import { playbooks } from '../engines/offline/offline-test-kit.js';

const names = (text: string): string[] => toolNamesIn(text, playbooks.common.tools);

describe('findToolMentions', () => {
  it('names tools by their canonical names, longest first', () => {
    expect(
      names('We serve models with TF Serving and TensorFlow Serving, track runs in wandb, and use sklearn.'),
    ).toEqual(['TensorFlow Serving', 'Weights & Biases', 'scikit-learn']);
  });

  it('keeps the capitals of acronyms and ordinary words: LIME is a tool, lime is a fruit', () => {
    expect(names('Explain models with LIME; we sell lime, spark joy and feast on data.')).toEqual(['LIME']);
  });

  it('counts short names only in a list of tools', () => {
    expect(names('Python, Go or Rust for services; R&D is a plus; you will go far.')).toEqual([
      'Python',
      'Go',
      'Rust',
    ]);
    expect(names('Experience with R or Python, written in Go.')).toEqual(['R', 'Python', 'Go']);
  });
});

describe('findToolMentions against a plain scan', () => {
  // The reference: every spelling of every tool scanned over the whole text with its bounded pattern, the same
  // capitals rule and longest-first overlap resolution. The texts hold no two-letter names, whose list rule is
  // tested above.
  function scanAll(text: string): { name: string; start: number; end: number }[] {
    const found: { name: string; start: number; end: number }[] = [];
    for (const tool of playbooks.common.tools) {
      for (const spelling of [tool.name, ...tool.aliases]) {
        const body = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
        const keepsCase =
          /^[A-Z0-9&+]+$/.test(spelling) || /^[A-Z][a-z]+$/.test(spelling) || spelling.length <= 2;
        const pattern = new RegExp(
          `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_]|[&'’]\\p{L})`,
          keepsCase ? 'gu' : 'giu',
        );
        for (const match of text.matchAll(pattern)) {
          found.push({ name: tool.name, start: match.index, end: match.index + match[0].length });
        }
      }
    }
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: typeof found = [];
    for (const mention of found) {
      if (!kept.some((other) => mention.start < other.end && other.start < mention.end)) kept.push(mention);
    }
    return kept.sort((a, b) => a.start - b.start);
  }

  it('finds what scanning every spelling finds', () => {
    const words = fc.constantFrom(
      'TensorFlow',
      'Serving',
      'TF',
      'tensorflow',
      'C++',
      'LIME',
      'lime',
      'W&B',
      'wandb',
      'Weights',
      '&',
      'Biases',
      'scikit-learn',
      'sklearn',
      'Python',
      'Spark',
      'spark',
      ',',
      'or',
      'and',
      '(',
      ')',
      '.',
    );
    const text = fc
      .array(fc.tuple(words, fc.constantFrom(' ', '', '\n', ', ')), { maxLength: 16 })
      .map((parts) => parts.map(([word, gap]) => `${word}${gap}`).join(''));
    fc.assert(
      fc.property(text, (haystack) => {
        expect(findToolMentions(haystack, playbooks.common.tools)).toEqual(scanAll(haystack));
      }),
      { numRuns: 400 },
    );
  });
});
