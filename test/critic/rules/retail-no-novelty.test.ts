import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/critic/rule.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
  ruleById,
} from '../critic-fixture.js';

let fixture: CriticFixture;
let retailNoNoveltyRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  retailNoNoveltyRule = ruleById(fixture, 'retail-no-novelty');
});

describe('retail-no-novelty', () => {
  it('passes a letter about return on investment', () => {
    const letter = letterOf('Dear Hiring Manager,', ['My forecasts cut overstock by 22% within a quarter.']);
    expect(checkRule(retailNoNoveltyRule, letter, contextFor(fixture, 'retail'))).toEqual([]);
  });

  it('warns at each selling of novelty, in either spelling', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I build state-of-the-art forecasting with a novel architecture.',
      'It is cutting edge and state of the art.',
    ]);
    const finding = (text: string, occurrence = 0) => ({
      ruleId: 'retail-no-novelty',
      severity: 'warning',
      message: `Replace '${text}' with what the model returned: the sales, margin or cost it moved and how fast it paid off.`,
      evidence: quoteOf(letter, text, occurrence),
    });
    expect(checkRule(retailNoNoveltyRule, letter, contextFor(fixture, 'retail'))).toEqual([
      finding('state-of-the-art'),
      finding('novel architecture'),
      finding('cutting edge'),
      finding('state of the art'),
    ]);
  });
});
