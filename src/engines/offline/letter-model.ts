/** What a sentence does in the letter; it decides what may be dropped when the letter is too long. */
export type SentenceRole =
  | 'opening'
  | 'bridge'
  | 'link'
  | 'evidence'
  | 'support'
  | 'hook'
  | 'gap'
  | 'level'
  | 'closing'
  | 'other';

export interface LetterSentence {
  readonly text: string;
  readonly role: SentenceRole;
  /** The profile fact it cites; sentences of one fact are dropped together. */
  readonly factId?: string;
}

/** A letter as the offline engine builds it: greeting, paragraphs of sentences, sign-off and name. */
export interface LetterModel {
  readonly greeting: string;
  readonly paragraphs: readonly (readonly LetterSentence[])[];
  readonly signoff: string;
  readonly signature: string;
}

export function renderLetter(model: LetterModel): string {
  const body = model.paragraphs
    .map((paragraph) => paragraph.map((sentence) => sentence.text).join(' '))
    .filter((paragraph) => paragraph.trim() !== '');
  const closing = [model.signoff, model.signature].filter((line) => line.trim() !== '').join('\n');
  return [model.greeting, ...body, closing].filter((part) => part.trim() !== '').join('\n\n');
}

/**
 * The order sentences go in when a letter must be shortened: the weakest first; the sentence tying the opening to
 * this posting (`link`) outlasts a supporting fact, because it is what makes the letter this posting's. The opening, the hook and the
 * closing never go; an honest gap outlasts extra evidence, because leaving it out reads as a claim.
 */
const dropOrder: readonly SentenceRole[] = ['other', 'bridge', 'support', 'link', 'level', 'evidence', 'gap'];

/**
 * Drops whole sentences, weakest role first and later sentences before earlier ones, until `countBodyWords` of the
 * rendered letter is within `maxWords`. Returns the shortened model (possibly still too long when only protected
 * sentences are left).
 */
export function fitToWordLimit(
  model: LetterModel,
  maxWords: number,
  countBodyWords: (letter: string) => number,
): LetterModel {
  let current = model;
  let words = countBodyWords(renderLetter(current));
  for (const role of dropOrder) {
    while (words > maxWords) {
      const next = dropLast(current, role);
      if (next === null) break;
      current = next;
      words = countBodyWords(renderLetter(current));
    }
  }
  return current;
}

function dropLast(model: LetterModel, role: SentenceRole): LetterModel | null {
  for (let paragraph = model.paragraphs.length - 1; paragraph >= 0; paragraph--) {
    const sentences = model.paragraphs[paragraph] ?? [];
    for (let index = sentences.length - 1; index >= 0; index--) {
      const target = sentences[index];
      if (target?.role !== role) continue;
      // "That work ..." belongs to the sentence before it: a fact's sentences go together.
      const kept = sentences.filter(
        (sentence, at) =>
          at !== index &&
          (target.factId === undefined || sentence.factId !== target.factId || sentence.role !== role),
      );
      const paragraphs = model.paragraphs.map((original, at) => (at === paragraph ? kept : original));
      return { ...model, paragraphs: paragraphs.filter((items) => items.length > 0) };
    }
  }
  return null;
}
