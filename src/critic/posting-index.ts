import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { PostingAnalysis } from '../posting/posting-analysis.js';
import { memoPair, memoWeak } from '../text/memo.js';
import { type Token, tokenize } from '../text/tokenize.js';
import { findTermsIn, termMatcher } from '../text/vocabulary-matcher.js';
import { wordsOf, wordsOfTokens } from '../text/whole-words.js';
import { findQuantities, quantityKey } from './find-quantities.js';
import { significantWords, significantWordsIn } from './significant-words.js';

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
  /**
   * The specific sentences, without the words that name the company, the role (from `analysis`) or a tool, and with two
   * words or more left: what a letter can refer to when the posting has no hook.
   */
  sentencesAboutWork(analysis: PostingAnalysis | null): readonly PostingSentence[];
}

/** The significant words of a posting's hook, found once per analysis. */
export interface HookWords {
  /** Significant words of the company's and role's names: naming them is not a reference to the work. */
  readonly excluded: ReadonlySet<string>;
  readonly hook: ReadonlySet<string>;
  readonly evidence: ReadonlySet<string>;
}

/** The significant words of the hook's text and of its quote from the posting, without the company's and role's. */
export const hookWords: (analysis: PostingAnalysis) => HookWords = memoWeak((analysis) => {
  const excluded = new Set(significantWords(`${analysis.company ?? ''} ${analysis.role ?? ''}`));
  const keep = (text: string): Set<string> =>
    new Set(significantWords(text).filter((word) => !excluded.has(word)));
  return { excluded, hook: keep(analysis.hook?.text ?? ''), evidence: keep(analysis.hook?.evidence ?? '') };
});

/**
 * The hook's quote and text as whole words (see wordsOf), joined by "|": a run of words copied from the posting is the
 * hook's when it occurs here.
 */
export const hookWordRuns: (analysis: PostingAnalysis) => string = memoWeak((analysis) =>
  analysis.hook === null ? '' : `${wordsOf(analysis.hook.evidence)}|${wordsOf(analysis.hook.text)}`,
);

/** The significant words of every tool name and alias common.yaml lists. */
const toolWords = memoWeak(
  (tools: CommonVocabulary['tools']): ReadonlySet<string> =>
    new Set(tools.flatMap((tool) => [tool.name, ...tool.aliases].flatMap(significantWords))),
);

function aboutWork(
  specific: readonly PostingSentence[],
  analysis: PostingAnalysis | null,
  common: CommonVocabulary,
): PostingSentence[] {
  const excluded = new Set([
    ...(analysis === null ? [] : hookWords(analysis).excluded),
    ...toolWords(common.tools),
  ]);
  return specific
    .map((sentence) => ({
      text: sentence.text,
      words: new Set([...sentence.words].filter((word) => !excluded.has(word))),
    }))
    .filter((sentence) => sentence.words.size >= 2);
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
    aboutWork?: readonly PostingSentence[];
  } = {};
  const aboutWorkFor = memoWeak((analysis: PostingAnalysis) =>
    aboutWork(index.specificSentences, analysis, common),
  );
  const index: PostingIndex = {
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
    sentencesAboutWork(analysis) {
      if (analysis !== null) return aboutWorkFor(analysis);
      parts.aboutWork ??= aboutWork(index.specificSentences, null, common);
      return parts.aboutWork;
    },
  };
  return index;
}

/** The index of a posting, built once per posting and vocabulary object. */
export const postingIndex: (posting: Posting, common: CommonVocabulary) => PostingIndex = memoPair(build);

/** The company's name and the shorter forms a letter uses ("Acme Corp" -> "Acme Corp", "Acme"); one array per analysis. */
export function companyNames(analysis: PostingAnalysis | null): readonly string[] {
  return analysis === null ? [] : namesOfAnalysis(analysis);
}

const namesOfAnalysis = memoWeak((analysis: PostingAnalysis): readonly string[] =>
  namesOf(analysis.company?.trim() ?? ''),
);

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
