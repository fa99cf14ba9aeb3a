import { describe, expect, it } from 'vitest';
import { analyzeLetter, type Span } from '../../src/critic/letter-anatomy.js';

const spanOf = (letter: string, text: string): Span => {
  const start = letter.indexOf(text);
  if (start === -1) throw new Error(`"${text}" is not in the letter`);
  return { text, start, end: start + text.length };
};

describe('analyzeLetter', () => {
  it('splits a plain letter into greeting, paragraphs, sentences, sign-off and signature', () => {
    const letter =
      'Dear Ms. Chen,\n\nI cut latency by 40%. It served 2M users.\n\nI would love to talk.\n\nBest,\nPriya Raman';
    expect(analyzeLetter(letter)).toEqual({
      text: letter,
      greeting: spanOf(letter, 'Dear Ms. Chen,'),
      signoff: spanOf(letter, 'Best,'),
      signature: spanOf(letter, 'Priya Raman'),
      body: spanOf(letter, 'I cut latency by 40%. It served 2M users.\n\nI would love to talk.'),
      paragraphs: [
        spanOf(letter, 'I cut latency by 40%. It served 2M users.'),
        spanOf(letter, 'I would love to talk.'),
      ],
      sentences: [
        spanOf(letter, 'I cut latency by 40%.'),
        spanOf(letter, 'It served 2M users.'),
        spanOf(letter, 'I would love to talk.'),
      ],
      wordCount: 14,
    });
  });

  it('handles Windows line endings: paragraphs still split on blank lines', () => {
    const letter =
      'Dear Dana,\r\n\r\nFirst paragraph here.\r\n\r\nSecond paragraph here.\r\n\r\nSincerely,\r\nPriya Raman\r\n';
    const anatomy = analyzeLetter(letter);
    expect(anatomy.greeting).toEqual(spanOf(letter, 'Dear Dana,'));
    expect(anatomy.paragraphs).toEqual([
      spanOf(letter, 'First paragraph here.'),
      spanOf(letter, 'Second paragraph here.'),
    ]);
    expect(anatomy.signoff).toEqual(spanOf(letter, 'Sincerely,'));
    expect(anatomy.signature).toEqual(spanOf(letter, 'Priya Raman'));
  });

  it('reads a Markdown bold greeting and sign-off', () => {
    const letter = '**Dear Hiring Manager,**\n\nI cut latency by 40%.\n\n**Best regards,**\n*Priya Raman*';
    const anatomy = analyzeLetter(letter);
    expect(anatomy.greeting).toEqual(spanOf(letter, '**Dear Hiring Manager,**'));
    expect(anatomy.signoff).toEqual(spanOf(letter, '**Best regards,**'));
    expect(anatomy.signature).toEqual(spanOf(letter, '*Priya Raman*'));
    expect(anatomy.body).toEqual(spanOf(letter, 'I cut latency by 40%.'));
  });

  it('reads "Best, Priya" on one line', () => {
    const letter = 'Hi Dana,\n\nI cut latency by 40%.\n\nBest, Priya';
    const anatomy = analyzeLetter(letter);
    expect(anatomy.signoff).toEqual(spanOf(letter, 'Best'));
    expect(anatomy.signature).toEqual(spanOf(letter, 'Priya'));
    expect(anatomy.body).toEqual(spanOf(letter, 'I cut latency by 40%.'));
  });

  it('takes the whole text as the body when there is no greeting and no sign-off', () => {
    const letter = 'I cut latency by 40%. Then I shipped it.';
    expect(analyzeLetter(letter)).toMatchObject({
      greeting: null,
      signoff: null,
      signature: null,
      body: spanOf(letter, letter),
      sentences: [spanOf(letter, 'I cut latency by 40%.'), spanOf(letter, 'Then I shipped it.')],
    });
  });

  it('skips a contact header above the greeting and keeps contact lines under the name in the signature', () => {
    const letter = [
      'Priya Raman',
      'priya.raman@example.com | Seattle, WA',
      '12 March 2025',
      '',
      'Dear Dana Ortiz,',
      '',
      'I cut latency by 40%.',
      '',
      'Kind regards,',
      'Priya Raman',
      'Senior Machine Learning Engineer',
      'priya.raman@example.com',
    ].join('\n');
    const anatomy = analyzeLetter(letter);
    expect(anatomy.greeting).toEqual(spanOf(letter, 'Dear Dana Ortiz,'));
    expect(anatomy.body).toEqual(spanOf(letter, 'I cut latency by 40%.'));
    expect(anatomy.signoff).toEqual(spanOf(letter, 'Kind regards,'));
    expect(anatomy.signature?.text).toBe(
      'Priya Raman\nSenior Machine Learning Engineer\npriya.raman@example.com',
    );
    expect(anatomy.wordCount).toBe(5);
  });

  it('takes a letterhead (name, contact, date, company, role) as header, with a greeting or without one', () => {
    const letterhead = [
      'Priya Raman',
      'priya@example.com · +1 555 010 0199 · Seattle, WA',
      'December 7, 2026',
      '',
      'Fernway',
      'Machine Learning Engineer',
    ].join('\n');
    const body = 'I cut inference latency by 40% at Streamline with Redis.';
    for (const letter of [
      `${letterhead}\n\nDear Dana Ortiz,\n\n${body}\n\nBest,\nPriya Raman`,
      `${letterhead}\n\n${body}\n\nBest,\nPriya Raman`,
    ]) {
      const anatomy = analyzeLetter(letter);
      expect(anatomy.body).toEqual(spanOf(letter, body));
      expect(anatomy.sentences).toEqual([spanOf(letter, body)]);
      expect(anatomy.wordCount).toBe(10);
    }
  });

  it('keeps a short letter of short lines whole: no prose follows, so there is no letterhead', () => {
    const letter = 'Shipped the ranking model\nCut latency by 40%';
    expect(analyzeLetter(letter).body.start).toBe(0);
  });

  it('splits a greeting that runs into the first sentence ("Hi Dana, I ...")', () => {
    const letter = 'Hi Dana, I cut latency by 40% at Streamline.\n\nThanks,\nPriya';
    const anatomy = analyzeLetter(letter);
    expect(anatomy.greeting).toEqual(spanOf(letter, 'Hi Dana,'));
    expect(anatomy.sentences).toEqual([spanOf(letter, 'I cut latency by 40% at Streamline.')]);
  });

  it('does not end a sentence at abbreviations or decimals', () => {
    const letter = 'I lifted AUC from 0.71 to 0.78, e.g. on credit. Dr. Chen reviewed it.';
    expect(analyzeLetter(letter).sentences).toEqual([
      spanOf(letter, 'I lifted AUC from 0.71 to 0.78, e.g. on credit.'),
      spanOf(letter, 'Dr. Chen reviewed it.'),
    ]);
  });

  it('does not take a closing sentence that starts with "Thanks" for the sign-off', () => {
    const letter =
      'Dear Dana,\n\nI cut latency by 40%.\n\nThanks, and I look forward to talking with you.\n\nPriya';
    const anatomy = analyzeLetter(letter);
    expect(anatomy.signoff).toBeNull();
    expect(anatomy.paragraphs.at(-1)?.text).toBe('Priya');
  });
});
