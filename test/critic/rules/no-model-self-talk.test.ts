import { beforeAll, describe, expect, it } from 'vitest';
import { noModelSelfTalkRule } from '../../../src/critic/rules/no-model-self-talk.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
} from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const check = (letter: string) =>
  checkRule(noModelSelfTalkRule, letter, contextFor(fixture, 'tech', { profile: null }));

const body =
  'I cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving.';

describe('no-model-self-talk', () => {
  it('reports a preamble, an aside and an offer, each with its whole line as the evidence', () => {
    const letter = [
      'Here is the revised cover letter, tailored to the posting:',
      '',
      letterOf('Dear Dana Ortiz,', [body, 'I do not have access to your exact figures, so I kept them.']),
      '',
      'I hope this helps! Let me know if you would like a shorter version.',
    ].join('\n');
    expect(check(letter)).toEqual([
      {
        ruleId: 'no-model-self-talk',
        severity: 'error',
        message:
          "Delete this line: it is addressed to whoever asked for the letter, not to the hiring manager ('Here is the revised cover letter, tailored to the posting:').",
        evidence: quoteOf(letter, 'Here is the revised cover letter, tailored to the posting:'),
      },
      expect.objectContaining({
        evidence: quoteOf(letter, 'I do not have access to your exact figures, so I kept them.'),
      }),
      expect.objectContaining({
        evidence: quoteOf(letter, 'I hope this helps! Let me know if you would like a shorter version.'),
      }),
    ]);
  });

  it('catches an answering interjection on the first line, after Markdown marks', () => {
    const letter = `**Sure!** Below is your letter.\n\n${letterOf('Dear Dana Ortiz,', [body])}`;
    expect(check(letter).map((finding) => finding.evidence?.text)).toEqual(['Sure!** Below is your letter.']);
  });

  it('leaves a letter’s own lines alone: a contact offer, "Sure enough", a sentence about a draft of the work', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      body,
      'Sure enough, the first draft of the feature store halved our backfill time.',
      'Here is what I would build first: a shadow deployment of your ranking model.',
      'Feel free to contact me at priya@example.com; let me know if a call next week suits you.',
    ]);
    expect(check(letter)).toEqual([]);
  });
});
