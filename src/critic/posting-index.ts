import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { PostingAnalysis } from '../posting/posting-analysis.js';
import { memoPair } from '../text/memo.js';
import { type Token, tokenize } from '../text/tokenize.js';
import { findTermsIn, termMatcher } from '../text/vocabulary-matcher.js';
import { findQuantities, quantityKey } from './find-quantities.js';
import { wordsOfTokens } from './profile-index.js';
import { significantWordsIn } from './significant-words.js';

/** Words in a row that a letter may not copy from a posting outside the hook (issue 6: injected lines). */
export const copiedRunLength = 8;

/** A sentence of the posting that says something specific (not boilerplate), as its significant words. */
export interface PostingSentence {
  readonly text: string;
  readonly words: ReadonlySet<string>;
}

/** What the rules look up in a posting, computed once per posting. */
export interface PostingIndex {
  readonly words: string;
  readonly quantities: ReadonlySet<string>;
  /** Sentences that are not benefits, equal-opportunity or application boilerplate. */
  readonly specificSentences: readonly PostingSentence[];
  /**
   * The posting's words (no symbols), lowercase, joined by single spaces with a space at each end: a run of words
   * was copied from the posting when ` ${run} ` occurs in it.
   */
  readonly wordRun: string;
  /** Every word of the posting, lowercase. */
  readonly vocabulary: ReadonlySet<string>;
}

function specificSentencesOf(
  text: string,
  tokens: readonly Token[],
  common: CommonVocabulary,
): PostingSentence[] {
  const boilerplate = termMatcher(common.boilerplate);
  const sentences: PostingSentence[] = [];
  let cursor = 0;
  for (const piece of text.split(/(?<=[.!?])\s+|\n+|\s[•·]\s/u)) {
    const start = text.indexOf(piece, cursor);
    cursor = start + piece.length;
    const sentence = piece.trim();
    if (sentence === '') continue;
    const from = start + piece.indexOf(sentence);
    const to = from + sentence.length;
    if (findTermsIn(text, tokens, boilerplate, from, to).length > 0) continue;
    const words = new Set(significantWordsIn(text, tokens, from, to));
    if (words.size > 0) sentences.push({ text: sentence, words });
  }
  return sentences;
}

function quantitiesOf(text: string): Set<string> {
  const quantities = new Set<string>();
  for (const quantity of findQuantities(text)) {
    if (quantity.kind !== 'spelled') quantities.add(quantityKey(quantity));
  }
  return quantities;
}

/**
 * Each part is computed the first time a rule asks for it: most letters never need some of them (a letter whose
 * numbers all come from the profile never looks up the posting's numbers). One tokenization serves them all.
 */
function build(posting: Posting, common: CommonVocabulary): PostingIndex {
  const { text } = posting;
  let tokens: Token[] | undefined;
  let words: string[] | undefined;
  const tokensOnce = (): Token[] => {
    tokens ??= tokenize(text);
    return tokens;
  };
  const wordsOnce = (): string[] => {
    words ??= tokensOnce()
      .filter((token) => /^[\p{L}\p{N}]/u.test(token.raw))
      .map((token) => token.lower);
    return words;
  };
  const parts: {
    words?: string;
    quantities?: ReadonlySet<string>;
    specificSentences?: readonly PostingSentence[];
    wordRun?: string;
    vocabulary?: ReadonlySet<string>;
  } = {};
  return {
    get words() {
      parts.words ??= wordsOfTokens(tokensOnce());
      return parts.words;
    },
    get quantities() {
      parts.quantities ??= quantitiesOf(text);
      return parts.quantities;
    },
    get specificSentences() {
      parts.specificSentences ??= specificSentencesOf(text, tokensOnce(), common);
      return parts.specificSentences;
    },
    get wordRun() {
      parts.wordRun ??= ` ${wordsOnce().join(' ')} `;
      return parts.wordRun;
    },
    get vocabulary() {
      parts.vocabulary ??= new Set(wordsOnce());
      return parts.vocabulary;
    },
  };
}

/** The index of a posting, built once per posting and vocabulary object. */
export const postingIndex: (posting: Posting, common: CommonVocabulary) => PostingIndex = memoPair(build);

const namesCache = new WeakMap<PostingAnalysis, readonly string[]>();

/** The company's name and the shorter forms a letter uses ("Acme Corp" -> "Acme Corp", "Acme"); one array per analysis. */
export function companyNames(analysis: PostingAnalysis | null): readonly string[] {
  if (analysis === null) return [];
  let names = namesCache.get(analysis);
  if (names === undefined) {
    names = namesOf(analysis.company?.trim() ?? '');
    namesCache.set(analysis, names);
  }
  return names;
}

/** A company's name and its short form without a legal suffix ("Acme Corp" -> "Acme Corp", "Acme"). */
export function namesOf(company: string): string[] {
  if (company === '') return [];
  const names = [company];
  const short = company
    .replace(
      /[,.]?\s+(?:inc|incorporated|corp|corporation|co|company|llc|ltd|limited|plc|gmbh|ag|sa|group|holdings)\.?$/iu,
      '',
    )
    .trim();
  if (short !== company && short !== '') names.push(short);
  return names;
}
