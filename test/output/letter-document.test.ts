import { describe, expect, it } from 'vitest';
import { letterDocument, letterParagraphs } from '../../src/output/letter-document.js';

describe('letterParagraphs', () => {
  it('splits at blank lines, keeps line breaks inside a paragraph, and tidies spaces', () => {
    expect(letterParagraphs('Dear Ana,\r\n\r\nI  built\tthe model.\n  \nBest,\nJo\n')).toEqual([
      ['Dear Ana,'],
      ['I built the model.'],
      ['Best,', 'Jo'],
    ]);
  });

  it('drops control characters no document can hold and keeps every letter, accent and dash', () => {
    expect(letterParagraphs('Zoë\u0007 — “ok”\u001b[31m')).toEqual([['Zoë — “ok”[31m']]);
  });
});

describe('letterDocument', () => {
  it('builds the letterhead from the profile and the reading of the posting, and nothing else', () => {
    const document = letterDocument(
      'Dear team,\n\nBest,\nPriya',
      {
        name: ' Priya Raman ',
        contact: {
          email: 'priya@example.com',
          phone: '',
          location: 'Seattle, WA',
          links: ['github.com/priya'],
        },
      },
      { company: 'Harborline Bank', role: 'ML Engineer, Credit Risk' },
      new Date(2026, 0, 5, 12),
    );
    expect(document).toEqual({
      sender: { name: 'Priya Raman', contact: ['Seattle, WA', 'priya@example.com', 'github.com/priya'] },
      date: 'January 5, 2026',
      company: 'Harborline Bank',
      recipient: ['Harborline Bank', 'Re: ML Engineer, Credit Risk'],
      paragraphs: [['Dear team,'], ['Best,', 'Priya']],
    });
  });

  it('leaves out a company or role the posting did not give', () => {
    const document = letterDocument(
      'Hi',
      { name: 'Priya' },
      { company: null, role: 'ML Engineer' },
      new Date(),
    );
    expect(document.company).toBeNull();
    expect(document.recipient).toEqual(['Re: ML Engineer']);
    expect(letterDocument('Hi', { name: 'Priya' }, {}, new Date()).recipient).toEqual([]);
  });
});
