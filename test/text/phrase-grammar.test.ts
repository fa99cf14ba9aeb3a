import { describe, expect, it } from 'vitest';
import {
  article,
  asClause,
  dutyAsGerund,
  gerund,
  joinList,
  possessive,
} from '../../src/text/phrase-grammar.js';

describe('asClause', () => {
  it.each([
    ['cut inference latency by 40%', 'cut inference latency by 40%'],
    ['Cut inference latency by 40%.', 'cut inference latency by 40%'],
    ['I cut inference latency by 40%.', 'cut inference latency by 40%'],
    ['  Led the migration;  ', 'led the migration'],
    ['SHAP reason codes went to every reviewer', 'SHAP reason codes went to every reviewer'],
    ['PyTorch models now serve search', 'PyTorch models now serve search'],
  ])('turns "%s" into a clause that follows "I"', (phrase, clause) => {
    expect(asClause(phrase)).toBe(clause);
  });

  it('keeps the capital of a known name', () => {
    expect(asClause('Redis caching cut p99 latency', new Set(['redis']))).toBe(
      'Redis caching cut p99 latency',
    );
  });
});

describe('small grammar', () => {
  it('makes gerunds', () => {
    expect(['design', 'improve', 'run', 'ship', 'tie', 'see', 'build'].map(gerund)).toEqual([
      'designing',
      'improving',
      'running',
      'shipping',
      'tying',
      'seeing',
      'building',
    ]);
  });

  it('turns a duty bullet into a gerund phrase, coordinated verbs included', () => {
    expect(dutyAsGerund('Design and improve real-time fraud detection models')).toBe(
      'designing and improving real-time fraud detection models',
    );
    expect(dutyAsGerund('build models, work with data, and help our customers succeed')).toBe(
      'building models, working with data, and helping our customers succeed',
    );
    expect(dutyAsGerund('Independently validate models under SR 11-7')).toBe(
      'independently validating models under SR 11-7',
    );
    expect(dutyAsGerund('Building and deploying NLP models')).toBe('building and deploying NLP models');
    expect(dutyAsGerund('Strong Python skills')).toBeNull();
  });

  it('joins lists, forms possessives and picks articles', () => {
    expect([joinList([]), joinList(['A']), joinList(['A', 'B']), joinList(['A', 'B', 'C'], 'or')]).toEqual([
      '',
      'A',
      'A and B',
      'A, B or C',
    ]);
    expect([possessive('Kestrel'), possessive('Fernway Grocers'), possessive('Glass')]).toEqual([
      "Kestrel's",
      "Fernway Grocers'",
      "Glass's",
    ]);
    expect(
      ['Senior Engineer', 'Machine Learning Engineer', 'ML Engineer', 'user researcher'].map(article),
    ).toEqual(['a', 'a', 'an', 'a']);
  });
});
