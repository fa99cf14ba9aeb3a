import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignOutputStems, outputFilesFor, slugify } from '../../src/batch/output-names.js';

describe('output names', () => {
  it('slugs a file name to lowercase words joined by dashes', () => {
    expect(
      [
        'Senior ML Engineer (Acme)',
        'Ingénieure ML — Paris',
        '***',
        'a'.repeat(80),
        'data--scientist__2026',
      ].map(slugify),
    ).toEqual([
      'senior-ml-engineer-acme',
      'ingenieure-ml-paris',
      'posting',
      'a'.repeat(48),
      'data-scientist-2026',
    ]);
  });

  it('names the letter and both reports after the stem', () => {
    expect(outputFilesFor('acme-d2bedf')).toEqual({
      letter: 'acme-d2bedf.letter.md',
      report: 'acme-d2bedf.report.md',
      reportJson: 'acme-d2bedf.report.json',
    });
  });

  it('gives same-named postings different, stable stems', () => {
    const postings = ['acme.txt', 'Acme.md', 'east/acme.txt', 'west/acme.txt', 'ACME!.html'];

    const stems = assignOutputStems(postings);

    expect([...stems.values()]).toEqual([
      'acme-d2bedf',
      'acme-d3755a',
      'acme-668603',
      'acme-5dcb8a',
      'acme-6ec99c',
    ]);
    expect(assignOutputStems([...postings].reverse())).toEqual(stems);
  });

  it('never gives two postings the same stem', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9 ._-]{1,12}$/), { maxLength: 40 }),
        (postings) => {
          const stems = assignOutputStems(postings);
          return new Set(stems.values()).size === postings.length;
        },
      ),
    );
  });
});
