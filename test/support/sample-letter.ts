import type { LetterFacts } from '../../src/output/render-letter.js';

/** A letter with accents, curly quotes, an em dash and a Polish ł, as a profile and a posting might give. */
export const accentedLetter = [
  'Dear Zoë Dvořák,',
  'At Société Générale I cut model review time by 40% — from weeks to days — with “explainable” scoring.',
  'Łódź’s data team and I shipped the café-pricing model to 2M+ users.',
  'Best,\nJosé Núñez',
].join('\n\n');

export const accentedFacts: LetterFacts = {
  sender: {
    name: 'José Núñez',
    contact: { email: 'jose@example.com', location: 'Kraków, Poland', links: ['github.com/jose-example'] },
  },
  recipient: { company: 'Café Crème Ltd', role: 'Senior ML Engineer' },
  date: new Date(2026, 11, 7, 12),
};

// Words as long as a cover letter's (5.6 letters on average, technical terms included), so the length is realistic.
const words = (
  'At Streamline I moved the recommendation engine from nightly batch scoring to real-time feature ' +
  'serving with Redis and Kubernetes, which cut inference latency by 40% for 2M+ users and raised retention by 6%; ' +
  'the explainability work passed two model risk audits with zero findings'
).split(' ');

/**
 * A letter of exactly `count` words in five paragraphs plus a greeting and a sign-off (the critic lets through 250 at
 * most), its words `stretch` times as long as a real letter's.
 */
export function letterOfWords(count: number, stretch = 1): string {
  const body: string[] = [];
  // The greeting ("Dear Hiring Manager,") and the sign-off ("Best, Priya Raman") are six words.
  const perParagraph = Math.ceil((count - 6) / 5);
  let left = count - 6;
  while (left > 0) {
    const size = Math.min(perParagraph, left);
    const paragraph = Array.from({ length: size }, (_, index) => {
      const word = words[(body.length * 7 + index) % words.length] ?? 'work';
      return word.repeat(Math.ceil(stretch)).slice(0, Math.round(word.length * stretch));
    });
    body.push(`${paragraph.join(' ')}.`);
    left -= size;
  }
  return ['Dear Hiring Manager,', ...body, 'Best,\nPriya Raman'].join('\n\n');
}
