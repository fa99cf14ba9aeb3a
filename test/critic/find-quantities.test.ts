import { describe, expect, it } from 'vitest';
import { findQuantities, isResultQuantity, quantityKey } from '../../src/critic/find-quantities.js';

const kinds = (text: string) => findQuantities(text).map((quantity) => [quantity.text, quantity.kind]);

describe('findQuantities', () => {
  it('reads percentages, money, multiples, scale, decimals and counts', () => {
    expect(
      kinds(
        'Cut latency 40%, saved $1.2M, 3x faster, 2M+ users, 50+ stores, AUC 0.78, 1,200 loans, 40 percent.',
      ),
    ).toEqual([
      ['40%', 'percent'],
      ['$1.2M', 'money'],
      ['3x', 'multiple'],
      ['2M+', 'scale'],
      ['50+', 'scale'],
      ['0.78', 'decimal'],
      ['1,200', 'count'],
      ['40 percent', 'percent'],
    ]);
  });

  it('tells years and lengths of experience from results', () => {
    const found = findQuantities(
      'In 2019 I joined; I have 5+ years of experience; it shipped in 3 weeks to 2000 stores.',
    );
    expect(found.map((quantity) => [quantity.text, quantity.kind, isResultQuantity(quantity)])).toEqual([
      ['2019', 'year', false],
      ['5+', 'duration', false],
      ['3', 'duration', true],
      ['2000', 'count', true],
    ]);
  });

  it('tells numbers that are not outcomes from results: ordinals, versions, phones and spans of time', () => {
    const verdicts = (text: string) =>
      findQuantities(text).map((quantity) => [quantity.text, isResultQuantity(quantity)]);
    expect(verdicts('In my 2nd year I used Bootstrap 5 and Office 365; call (555) 123-4567.')).toEqual([
      ['2', false],
      ['5', false],
      ['365', false],
      ['555', false],
      ['123', false],
    ]);
    expect(
      verdicts('Over the past two years, 10+ years in all and seven semesters; three months ago I joined.'),
    ).toEqual([
      ['two', false],
      ['10+', false],
      ['seven', false],
      ['three', false],
    ]);
    expect(
      verdicts('I cut the nightly run from 6 hours to 40 minutes, saving 2 weeks of rework for 300 users.'),
    ).toEqual([
      ['6', true],
      ['40', true],
      ['2', true],
      ['300', true],
    ]);
  });

  it('reads a grade or a score as a credential, not an outcome', () => {
    const verdicts = (text: string) =>
      findQuantities(text).map((quantity) => [quantity.text, isResultQuantity(quantity)]);
    expect(verdicts('A GPA of 3.9 and self-assessment scores of 8.0; I cut churn by 12 points.')).toEqual([
      ['3.9', false],
      ['8.0', false],
      ['12', true],
    ]);
  });

  it('ignores digits inside words and version-like runs, and finds spelled multiples', () => {
    expect(
      kinds('p99 latency on GPT-4 with Q3 2.0.1 builds; we doubled throughput in a two-fold test.'),
    ).toEqual([
      ['doubled', 'spelled'],
      ['two-fold', 'spelled'],
    ]);
  });

  it('gives one key to two spellings of the same figure', () => {
    const key = (text: string) => quantityKey(findQuantities(text)[0] as never);
    expect(key('2M+ users')).toBe(key('2 million users'));
    expect(key('40%')).toBe(key('40 percent'));
    expect(key('40%')).not.toBe(key('40 stores'));
  });
});
