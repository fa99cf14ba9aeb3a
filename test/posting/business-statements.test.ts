import { describe, expect, it } from 'vitest';
import { readBusinessStatements } from '../../src/posting/business-statements.js';
import { readPostingStructure } from '../../src/posting/posting-sections.js';

function read(text: string, names: readonly string[] = []) {
  const structure = readPostingStructure(text, { boilerplate: [] });
  const reading = readBusinessStatements(structure, names);
  return (fragment: string) => {
    const index = structure.sentences.findIndex((sentence) => sentence.text.includes(fragment));
    if (index === -1) throw new Error(`no sentence holds "${fragment}"`);
    return { sentence: structure.sentences[index]?.text ?? '', reading: reading(index) };
  };
}

describe('readBusinessStatements', () => {
  it('weighs the company describing itself above a duty', () => {
    const at = read(
      'Acme Bank is a global bank serving 4 million customers. You will build credit models in Python and SQL.',
      ['Acme Bank'],
    );
    const self = at('is a global bank').reading;
    const duty = at('You will build').reading;
    expect(self?.weight ?? 1).toBeGreaterThan(duty?.weight ?? 1);
  });

  it('marks where the head of "X is a ..." ends, so a cue there names what the company is', () => {
    const at = read(
      'Founded in 1902, 3M is a global materials science company that serves retailers and hospitals.',
      ['3M'],
    );
    const { sentence, reading } = at('materials science');
    expect(reading?.headStart).toBeGreaterThanOrEqual(0);
    expect(sentence.slice(reading?.headStart, reading?.headEnd)).toMatch(/materials science company/);
  });

  it('marks the customers a company serves: their business is not the employer’s', () => {
    const at = read('We are a software company that helps retailers forecast demand across 900 stores.');
    const { sentence, reading } = at('helps retailers');
    expect(reading?.customersFrom).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(sentence.slice(reading?.customersFrom)).toMatch(/retailers/);
  });
});
