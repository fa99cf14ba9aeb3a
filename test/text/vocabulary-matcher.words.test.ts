import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';
import { termMatcher, toolMatcher } from '../../src/text/vocabulary-matcher.js';

const tools = [
  { name: 'TensorFlow', aliases: [], framework: true },
  { name: 'TensorFlow Serving', aliases: ['TF Serving'], framework: false },
  { name: 'Spark', aliases: ['PySpark', 'Apache Spark'], framework: true },
  { name: 'Weights & Biases', aliases: ['W&B', 'wandb'], framework: false },
  { name: 'Go', aliases: ['Golang'], framework: false },
  { name: 'R', aliases: [], framework: false },
  { name: 'C++', aliases: [], framework: false },
  { name: 'Great Expectations', aliases: [], framework: false },
];
const findTools = (text: string) =>
  toolMatcher(tools)
    .find(text, tokenize(text))
    .map((match) => [match.term, match.text]);
const findTerms = (terms: string[], text: string) =>
  termMatcher(terms)
    .find(text, tokenize(text))
    .map((match) => match.text);

describe('toolMatcher', () => {
  it('prefers the longest name and reports aliases under the tool’s name', () => {
    expect(
      findTools(
        'Served with TensorFlow Serving, trained in TensorFlow, tracked in W&B and wandb, on PySpark.',
      ),
    ).toEqual([
      ['TensorFlow Serving', 'TensorFlow Serving'],
      ['TensorFlow', 'TensorFlow'],
      ['Weights & Biases', 'W&B'],
      ['Weights & Biases', 'wandb'],
      ['Spark', 'PySpark'],
    ]);
  });

  it('matches capitalized names with their case, so English words are not tools', () => {
    expect(findTools('Ideas spark change; we go far with great expectations.')).toEqual([]);
    expect(findTools('Spark jobs, Go services and Great Expectations checks.')).toEqual([
      ['Spark', 'Spark'],
      ['Go', 'Go'],
      ['Great Expectations', 'Great Expectations'],
    ]);
  });

  it('does not find R in R&D or Go in Go-to-market, but finds C++ and R on their own', () => {
    expect(findTools('Our R&D team has a Go-to-market plan.')).toEqual([]);
    expect(findTools('I wrote C++ and R.')).toEqual([
      ['C++', 'C++'],
      ['R', 'R'],
    ]);
  });
});

describe('termMatcher', () => {
  it('treats hyphens and spaces alike and finds plain plurals', () => {
    expect(
      findTerms(
        ['real-time feature serving', 'data pipeline', 'state of the art'],
        'Real time feature serving, two data pipelines, state-of-the-art.',
      ),
    ).toEqual(['Real time feature serving', 'data pipelines', 'state-of-the-art']);
  });

  it('never matches a phrase across punctuation', () => {
    expect(findTerms(['in production'], 'I worked in. Production came later.')).toEqual([]);
    expect(findTerms(['a/b test'], 'We ran an A/B test.')).toEqual(['A/B test']);
  });
});

describe('the first-word table', () => {
  it('stays bounded: a list compiled before it starts again still finds its terms, and so do new ones', () => {
    const early = termMatcher(['feature store', 'pipeline']);
    const text = 'Our feature store feeds two pipelines.';
    const before = early.find(text, tokenize(text)).map((match) => match.text);
    // A vocabulary with more first words than the table holds.
    const large = termMatcher(Array.from({ length: 21_000 }, (_, index) => `company${index}`));
    expect(early.find(text, tokenize(text)).map((match) => match.text)).toEqual(before);
    expect(before).toEqual(['feature store', 'pipelines']);
    expect(large.find('At company20999, I', tokenize('At company20999, I'))).toHaveLength(1);
  });
});
