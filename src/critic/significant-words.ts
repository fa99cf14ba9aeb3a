import { memoOn, memoRecent } from '../text/memo.js';
import { type Token, tokenIndexAt, tokenize, tokensOf } from '../text/tokenize.js';
import type { LetterAnatomy } from './letter-anatomy.js';

// Function words, and words every ML job posting and letter uses: sharing them says nothing specific.
const stopwords = new Set(
  `a about above across after again against all also am an and any are around as at be because been before being
  below behind beyond among toward towards upon onto inside outside along amid between both but by can could did do does doing down during each few for from further had has have having he
  her here hers him his how i if in into is it its itself just me more most my myself no nor not now of off on once
  only or other our ours ourselves out over own same she should so some such than that the their theirs them then
  there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves us via per within without including include includes etc every
  many much one ones new next well like want wants get gets make makes made way ways help helps join joining looking
  look opportunity opportunities role roles position positions team teams company companies candidate candidates
  job jobs work works working worked build builds building built engineer engineers engineering machine learning ml
  ai data model models modeling modelling experience experiences skill skills strong ability able years year day days
  responsibilities responsibility requirements requirement required preferred plus bonus qualifications
  qualification senior junior staff lead principal manager hiring apply application applicant please great good best
  excited exciting passionate love drawn interested interest across things thing part use using used develop
  developing developed design designing designed deliver delivering solutions solution products product systems
  system technology technologies tools tool world people environment culture mission impact work-life remote hybrid
  office fast paced dynamic collaborative cross functional closely partner partners partnering drive driving own
  owning ownership scale scaling production`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Lowercase, singular for a plain plural ("platforms" -> "platform"), without -ing or -ed. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  // "deploying", "deployed" -> "deploy": the posting and the letter seldom use the same form of a verb.
  if (lower.length > 5 && lower.endsWith('ing')) return lower.slice(0, -3);
  if (lower.length > 5 && lower.endsWith('ed')) return lower.slice(0, -2);
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us'))
    return lower.slice(0, -1);
  return lower;
}

/** Whether a word carries meaning of its own in a posting or letter (not a function word or job-posting filler). */
export function isSignificant(word: string): boolean {
  const lower = word.toLowerCase();
  const first = lower.charCodeAt(0);
  return (
    lower.length >= 3 && !(first >= 48 && first <= 57) && !stopwords.has(lower) && !stopwords.has(stem(lower))
  );
}

// The stem of a significant word, null for any other; memoized because letters repeat the same few thousand words.
const significantStem = memoRecent(25_000, (word: string): string | null =>
  isSignificant(word) ? stem(word) : null,
);

/** The significant words of a text, stemmed, in order (repeats kept). */
export function significantWords(text: string): string[] {
  return wordsFrom(text, tokenize(text), 0, Number.POSITIVE_INFINITY);
}

/** The significant words of `[start, end)` of a text already tokenized (see `significantWords`). */
export function significantWordsIn(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
): string[] {
  let to = tokenIndexAt(tokens, end);
  while (to > 0 && (tokens[to - 1] as Token).end > end) to--;
  return wordsFrom(text, tokens, tokenIndexAt(tokens, start), to);
}

// A hyphenated compound ("real-time", "small-business") is one word: it names one thing.
function wordsFrom(text: string, tokens: readonly Token[], from: number, to: number): string[] {
  const words: string[] = [];
  const last = Math.min(tokens.length, to);
  for (let index = from; index < last; index++) {
    const token = tokens[index] as Token;
    let end = index;
    while (end + 1 < last && isHyphenJoined(text, tokens[end] as Token, tokens[end + 1] as Token)) end++;
    if (end === index) {
      const stemmed = significantStem(token.lower);
      if (stemmed !== null) words.push(stemmed);
      continue;
    }
    const parts = tokens.slice(index, end + 1).map((part) => part.lower);
    if (parts.some((part) => significantStem(part) !== null)) {
      words.push([...parts.slice(0, -1), stem(parts[parts.length - 1] as string)].join('-'));
    }
    index = end;
  }
  return words;
}

function isHyphenJoined(text: string, left: Token, right: Token): boolean {
  return right.start === left.end + 1 && text.charCodeAt(left.end) === 45;
}

const sentenceWordsKey = Symbol('sentence-words');

/** The significant words of each of the letter's sentences, computed once per letter. */
export function sentenceWordsOf(letter: LetterAnatomy): readonly ReadonlySet<string>[] {
  return memoOn(letter, sentenceWordsKey, () => {
    const tokens = tokensOf(letter);
    return letter.sentences.map(
      (sentence) =>
        new Set(
          wordsFrom(
            letter.text,
            tokens,
            tokenIndexAt(tokens, sentence.start),
            tokenIndexAt(tokens, sentence.end),
          ),
        ),
    );
  });
}
