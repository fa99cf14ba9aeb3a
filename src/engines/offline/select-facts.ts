import type { CommonVocabulary, Playbook } from '../../playbooks/playbook-schema.js';
import type { ExperienceLevel, ProfileFact } from '../../profile/profile-schema.js';
import { containsTerm, termsMaybeIn } from '../../text/vocabulary-matcher.js';
import { isQuantified } from './fact-sentences.js';

/** What a fact is judged against: the industry's playbook and what the posting asks for. */
export interface FitContext {
  readonly playbook: Playbook;
  readonly common: CommonVocabulary;
  readonly requiredTools: readonly string[];
  /** The hook's words (text and evidence), when there is a hook. */
  readonly hookText: string | null;
  readonly level: ExperienceLevel;
  /** The posting's own content words (five letters or more, boilerplate left out), lowercase. */
  readonly postingWords: ReadonlySet<string>;
}

const commonWords = new Set([
  'about',
  'their',
  'there',
  'which',
  'where',
  'while',
  'these',
  'those',
  'every',
  'using',
  'other',
  'would',
  'could',
  'should',
  'years',
  'experience',
  'strong',
  'within',
  'across',
  'through',
  'before',
  'after',
  'including',
  'working',
  'build',
  'built',
  'team',
  'teams',
  'with',
  'from',
  'into',
  'what',
  'will',
  'your',
  'more',
  'make',
  'work',
]);

/** Distinct content words of a text: five letters or more, lowercase, common words left out. */
export function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/\p{L}[\p{L}-]{4,}/gu) ?? []).filter((word) => !commonWords.has(word)),
  );
}

const factTexts = new WeakMap<ProfileFact, string>();

/** Everything a fact says, for vocabulary matching. */
export function factText(fact: ProfileFact): string {
  let text = factTexts.get(fact);
  if (text === undefined) {
    text = joinFact(fact);
    factTexts.set(fact, text);
  }
  return text;
}

function joinFact(fact: ProfileFact): string {
  return [
    'name' in fact ? String(fact.name) : '',
    fact.did,
    fact.result ?? '',
    ...fact.metrics,
    ...fact.tools,
    ...fact.methods,
    ...fact.tags,
  ].join(' \n ');
}

const machineLearning =
  /\b(?:models?|machine learning|ml|classifier|regression|forecast(?:s|ing)?|boosting|neural|recommend\w*|ranking|predict\w*|auc|precision|recall|embeddings?|nlp|training|trained|churn|fraud detection|cross-validation)\b/i;

/** True when a fact is machine-learning work (a model, a forecast, an evaluation), not only software. */
export function isMachineLearning(fact: ProfileFact): boolean {
  return machineLearning.test(factText(fact));
}

/** Numbers, percentages and multiples a fact states: the more and the sharper, the stronger it opens. */
export function quantStrength(fact: ProfileFact): number {
  const texts = [fact.result ?? '', fact.did, ...fact.metrics];
  let strength = 0;
  if (isQuantified(fact.result)) strength += 2;
  else if (isQuantified(fact.did)) strength += 1;
  if (
    texts.some((text) =>
      /\d\s*%|\d+(?:\.\d+)?x\b|\$\s?\d|\d+(?:\.\d+)?\s?[MKB]\+?\b|\bmillion|\bbillion/i.test(text),
    )
  ) {
    strength += 1;
  }
  strength += Math.min(2, fact.metrics.filter((metric) => /\d/.test(metric)).length * 0.5);
  return strength;
}

function capped(value: number, cap: number): number {
  return Math.min(value, cap);
}

const stopWords = new Set([
  'their',
  'there',
  'which',
  'about',
  'where',
  'while',
  'these',
  'those',
  'every',
  'using',
]);

/** The words of a text among `terms`, each counted once. */
function termsIn(text: string, terms: readonly string[]): number {
  return termsMaybeIn(text, terms).filter((term) => containsTerm(text, term)).length;
}

const playbookTerms = new WeakMap<Playbook, readonly string[]>();

/** Every word of a playbook's vocabulary lists, once each. */
function vocabularyOf(playbook: Playbook): readonly string[] {
  let terms = playbookTerms.get(playbook);
  if (terms === undefined) {
    terms = [...new Set(Object.values(playbook.vocabulary).flat())];
    playbookTerms.set(playbook, terms);
  }
  return terms;
}

const hookTerms = new WeakMap<FitContext, readonly string[]>();

/** The hook's longer words, once each. */
function hookWordsOf(context: FitContext): readonly string[] {
  let words = hookTerms.get(context);
  if (words === undefined) {
    words = [
      ...new Set(
        (context.hookText?.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((word) => !stopWords.has(word)),
      ),
    ];
    hookTerms.set(context, words);
  }
  return words;
}

const fits = new WeakMap<FitContext, Map<ProfileFact, number>>();

/** How well a fact fits the industry and the posting: the playbook's tags and words, the posting's tools and hook. */
export function factFit(fact: ProfileFact, context: FitContext): number {
  // Openings and supports are ranked against the same context several times per draft.
  let known = fits.get(context);
  if (known === undefined) {
    known = new Map();
    fits.set(context, known);
  }
  let fit = known.get(fact);
  if (fit === undefined) {
    fit = scoreFit(fact, context);
    known.set(fact, fit);
  }
  return fit;
}

function scoreFit(fact: ProfileFact, context: FitContext): number {
  const text = factText(fact);
  const tags = new Set(fact.tags.map((tag) => tag.toLowerCase()));
  let score =
    3 * capped(context.playbook.favouredTags.filter((tag) => tags.has(tag.toLowerCase())).length, 3);
  score += capped(termsIn(text, vocabularyOf(context.playbook)), 5);
  const factTools = new Set([...fact.tools, ...fact.methods].map((tool) => tool.toLowerCase()));
  score +=
    2 *
    capped(
      context.requiredTools.filter(
        (tool) => factTools.has(tool.toLowerCase()) || containsTerm(fact.did, tool),
      ).length,
      3,
    );
  let sharedWithPosting = 0;
  for (const word of contentWords(text)) if (context.postingWords.has(word)) sharedWithPosting++;
  score += capped(sharedWithPosting * 0.5, 4);
  if (context.hookText !== null) score += capped(termsIn(text, hookWordsOf(context)), 3);
  if (context.level === 'experienced') {
    if (fact.production) score += 1;
    if (fact.employer === undefined) score -= 2;
  }
  return score;
}

/** How much of the non-modelling work (pipelines, tests, deployment, monitoring) a fact shows. */
export function beyondModelingScore(fact: ProfileFact, common: CommonVocabulary): number {
  const text = factText(fact);
  return capped(termsIn(text, common.beyondModeling), 4);
}

/**
 * Openings, best first: quantified facts before unquantified ones, then industry fit plus how sharp the numbers
 * are; profile order breaks ties.
 */
export function rankOpenings(facts: readonly ProfileFact[], context: FitContext): ProfileFact[] {
  return facts
    .map((fact, index) => ({
      fact,
      index,
      quantified: isQuantified(fact.result) || isQuantified(fact.did),
      // Without production experience, the ML project is the proof that matters most.
      score:
        factFit(fact, context) +
        2 * quantStrength(fact) +
        (context.level !== 'experienced' && isMachineLearning(fact) ? 4 : 0),
    }))
    .sort((a, b) => Number(b.quantified) - Number(a.quantified) || b.score - a.score || a.index - b.index)
    .map((entry) => entry.fact);
}

/**
 * Supporting facts for the second paragraph, best first: industry fit, the non-modelling work they show, and, for
 * a candidate without production experience whose opening is not ML work, the ML project that shows they can do it.
 */
export function rankSupports(
  facts: readonly ProfileFact[],
  opening: ProfileFact,
  context: FitContext,
): ProfileFact[] {
  const openingTags = new Set(opening.tags.map((tag) => tag.toLowerCase()));
  const needsMachineLearning = context.level !== 'experienced' && !isMachineLearning(opening);
  return facts
    .filter((fact) => fact.id !== opening.id)
    .map((fact, index) => {
      const freshTags = fact.tags.filter((tag) => !openingTags.has(tag.toLowerCase())).length;
      let score =
        factFit(fact, context) + beyondModelingScore(fact, context.common) + capped(freshTags, 3) * 0.5;
      if (needsMachineLearning && isMachineLearning(fact)) score += 6;
      if (isQuantified(fact.result) || isQuantified(fact.did)) score += 1;
      return { fact, index, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.fact);
}
