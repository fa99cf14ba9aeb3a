import type { CommonVocabulary, PlaybookSet } from '../playbooks/playbook-schema.js';
import { memoWeak } from '../text/memo.js';
import { findTerm, positionsMaybeIn, termsMaybeIn } from '../text/vocabulary-matcher.js';
import type { Posting } from './posting.js';
import type { IndustryResult } from './posting-analysis.js';
import { type PostingSentence, readPostingStructure, type SectionKind } from './posting-sections.js';

/**
 * How much a cue counts where it appears. The title and the company description say what the business is; duties
 * and requirements describe the job (an ML role at a bank still lists "recommendation" or "API"); boilerplate says
 * nothing about the business.
 */
const sectionWeight: Record<SectionKind, number> = {
  title: 1.5,
  about: 1.5,
  duties: 0.6,
  requirements: 0.35,
  optional: 0.25,
  benefits: 0.05,
  legal: 0.05,
};

/** A cue counts at most this many occurrences' worth: a word repeated in every bullet is not more certain. */
const occurrenceCap = 3;
/** Below this score nothing clearly points to an industry, and the posting is general. */
const minimumScore = 2;
/** When the runner-up is this close, the posting is ambiguous and confidence drops. */
const generalIndustry = 'general';

/** A playbook cue with the industry it points to. */
interface Cue {
  readonly industry: string;
  readonly term: string;
  readonly weight: number;
}

interface CueMatch extends Cue {
  readonly start: number;
  readonly end: number;
}

/** What the classifier reads from the playbooks, gathered once per playbook set. */
interface CueVocabulary {
  readonly cues: readonly Cue[];
  readonly cueTerms: readonly string[];
  /**
   * Tool, method and pipeline words appear in every ML posting whatever the business: they weigh less as cues.
   * Lowercase.
   */
  readonly generic: ReadonlySet<string>;
  readonly genericTerms: readonly string[];
  readonly toolNames: readonly string[];
}

const cueVocabulary = memoWeak((playbooks: PlaybookSet): CueVocabulary => {
  const { common } = playbooks;
  const cues = [...playbooks.playbooks.values()].flatMap((playbook) =>
    playbook.cues.map((cue) => ({ industry: playbook.industry, term: cue.term, weight: cue.weight })),
  );
  const toolNames = common.tools.flatMap((tool) => [tool.name, ...tool.aliases]);
  const generic = new Set(
    [...toolNames, ...common.methods, ...common.beyondModeling].map((word) => word.toLowerCase()),
  );
  return { cues, cueTerms: cues.map((cue) => cue.term), generic, genericTerms: [...generic], toolNames };
});

/**
 * A recruiter's description of its client ("on behalf of our client, a consumer brand with an online store") is the
 * only account of the business the posting gives: it counts, although it is boilerplate for the hook finder.
 */
function onlyAgencyTalk(text: string, common: CommonVocabulary): boolean {
  const matched = termsMaybeIn(text, common.boilerplate).filter((term) => findTerm(text, term).length > 0);
  return matched.length > 0 && matched.every((term) => /client|agency/i.test(term));
}

/** "We don't sell goods": a cue the posting denies says the opposite. */
function negated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  return /\b(?:don['’]t|do not|doesn['’]t|does not|never|not an?|not|no|isn['’]t|aren['’]t)\s+(?:\w+\s+){0,2}$/i.test(
    before,
  );
}

function sentenceAt(sentences: readonly PostingSentence[], offset: number): PostingSentence | undefined {
  return sentences.find((sentence) => sentence.start <= offset && offset < sentence.end);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Scores every playbook's cues over the posting and returns the hiring company's industry. Overlapping cues of
 * different playbooks resolve to the longer one ("retail bank" beats "retail"), each match is weighted by the section
 * it sits in, and words that belong to the generic ML vocabulary (tool names, pipelines) count less.
 */
export function classifyIndustryOffline(posting: Posting, playbooks: PlaybookSet): IndustryResult {
  const text = posting.text;
  const structure = readPostingStructure(text, playbooks.common);
  const { cues, cueTerms, generic, genericTerms, toolNames } = cueVocabulary(playbooks);

  const matches: CueMatch[] = [];
  for (const position of positionsMaybeIn(text, cueTerms)) {
    const cue = cues[position] as Cue;
    for (const match of findTerm(text, cue.term, { plural: true })) {
      matches.push({ ...cue, start: match.start, end: match.end });
    }
  }
  // Generic words take part in the overlap contest but count for no one: "feature store" is not a "store".
  for (const term of termsMaybeIn(text, genericTerms)) {
    for (const match of findTerm(text, term))
      matches.push({ industry: '', term, weight: 0, start: match.start, end: match.end });
  }
  // Longest match first; a shorter cue inside a kept one is part of it ("retail bank", not "retail"; "stores", not
  // "store" again).
  matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: CueMatch[] = [];
  for (const match of matches) {
    if (kept.some((other) => match.start < other.end && other.start < match.end)) continue;
    kept.push(match);
  }

  const perTerm = new Map<string, { industry: string; term: string; weight: number; occurrences: number }>();
  for (const match of kept) {
    if (match.industry === '' || negated(text, match.start)) continue;
    const sentence = sentenceAt(structure.sentences, match.start);
    let factor = sentence === undefined ? 1 : sectionWeight[sentence.section];
    if (sentence?.boilerplate === true && !onlyAgencyTalk(sentence.text, playbooks.common))
      factor = Math.min(factor, 0.05);
    if (generic.has(match.term.toLowerCase())) factor *= 0.4;
    // A cue next to tool names ("real-time streaming on Kafka") describes the stack, not the business.
    else if (
      sentence !== undefined &&
      termsMaybeIn(sentence.text, toolNames).some((tool) => findTerm(sentence.text, tool).length > 0)
    ) {
      factor *= 0.6;
    }
    const key = `${match.industry}\u0000${match.term.toLowerCase()}`;
    const entry = perTerm.get(key) ?? {
      industry: match.industry,
      term: match.term,
      weight: match.weight,
      occurrences: 0,
    };
    entry.occurrences += factor;
    perTerm.set(key, entry);
  }

  const scores = new Map<string, number>();
  const contributions: { industry: string; term: string; value: number }[] = [];
  for (const entry of perTerm.values()) {
    const value = entry.weight * Math.min(entry.occurrences, occurrenceCap);
    scores.set(entry.industry, (scores.get(entry.industry) ?? 0) + value);
    contributions.push({ industry: entry.industry, term: entry.term, value });
  }

  // Playbook order breaks ties, so the result never depends on map iteration luck.
  const ranked = [...playbooks.playbooks.keys()]
    .map((industry) => ({ industry, score: scores.get(industry) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.industry.localeCompare(b.industry));
  const top = ranked[0] ?? { industry: generalIndustry, score: 0 };
  const runnerUp = ranked[1]?.score ?? 0;

  const signalsFor = (industry: string): string[] =>
    contributions
      .filter((contribution) => contribution.industry === industry && contribution.value >= 0.2)
      .sort((a, b) => b.value - a.value || a.term.localeCompare(b.term))
      .slice(0, 8)
      .map((contribution) => contribution.term);

  if (top.score < minimumScore) {
    return {
      industry: generalIndustry,
      confidence: round(Math.max(0.2, 0.5 - top.score / 10)),
      signals:
        signalsFor(generalIndustry).length > 0 ? signalsFor(generalIndustry) : signalsFor(top.industry),
    };
  }
  const margin = (top.score - runnerUp) / top.score;
  const strength = 1 - Math.exp(-top.score / 6);
  return {
    industry: top.industry,
    confidence: round(Math.min(1, strength * (0.4 + 0.6 * margin))),
    signals: signalsFor(top.industry),
  };
}
