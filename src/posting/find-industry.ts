import type { CommonVocabulary, PlaybookSet } from '../playbooks/playbook-schema.js';
import { memoWeak } from '../text/memo.js';
import { spanIndexAt } from '../text/span-index.js';
import { findTerm, positionsMaybeIn, termsMaybeIn } from '../text/vocabulary-matcher.js';
import { readBusinessStatements, type SentenceReading } from './business-statements.js';
import { isAgencyPosting } from './find-company.js';
import {
  employerIndex,
  employerNames,
  findKnownEmployer,
  type KnownEmployerMatch,
  sectorsInName,
  staffingSector,
} from './known-employers.js';
import type { Posting } from './posting.js';
import type { IndustryResult } from './posting-analysis.js';
import { type PostingSentence, readPostingStructure, type SectionKind } from './posting-sections.js';

/**
 * How much a cue counts where it appears. The title and the company description say what the business is; duties
 * and requirements describe the job (an ML role at a bank still lists "recommendation" or "API"); boilerplate says
 * nothing about the business.
 */
const sectionWeight: Record<SectionKind, number> = {
  title: 1.2,
  about: 1.2,
  duties: 0.5,
  requirements: 0.3,
  optional: 0.2,
  benefits: 0.05,
  legal: 0.05,
};

/**
 * A staffing firm describing itself ("Truelogic is a leading provider of nearshore staff augmentation services"):
 * the posting is for a client, and the client's business is the industry.
 */
const staffingFirm =
  /\b(?:we are|we['’]re|is)\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,4}(?:(?:provider|firm|agency|company|partner)s?\s+(?:of|for|in)\s+(?:[\w-]+\s+){0,3})?(?:staff(?:ing)?\s+augmentation|staffing|recruit(?:ing|ment)|talent\s+(?:solutions|acquisition)|headhunting|executive\s+search)\b/i;

/** What a cue among the customers counts ("glass jars for food and beverage brands"): little. */
const customerShare = 0.15;
/** What a cue in a heading counts. */
const outsideSentences = 0.5;
/** Further mentions of a cue add this much of their weight each, up to `repeatCap`: repetition is weak evidence. */
const repeatShare = 0.5;
const repeatCap = 3;
/** Below this score nothing clearly points to an industry, and the posting is general. */
const minimumScore = 2;
/** What a word of the employer's own name ("Xapo Bank", "Grey County") adds to its sector. */
const nameWordScore = 5;
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
  /** Tool names that are products of a software company ("dbt", "Grafana"), lowercase: not frameworks or languages. */
  readonly productTools: ReadonlySet<string>;
}

/** Languages and query languages: a company named "Rust Health" is not a software vendor for it. */
const languages = new Set([
  'sql',
  'python',
  'scala',
  'java',
  'rust',
  'golang',
  'typescript',
  'node.js',
  'c++',
  'sas',
]);

const cueVocabulary = memoWeak((playbooks: PlaybookSet): CueVocabulary => {
  const { common } = playbooks;
  const cues = [...playbooks.playbooks.values()].flatMap((playbook) =>
    playbook.cues.map((cue) => ({ industry: playbook.industry, term: cue.term, weight: cue.weight })),
  );
  const toolNames = common.tools.flatMap((tool) => [tool.name, ...tool.aliases]);
  const generic = new Set(
    [...toolNames, ...common.methods, ...common.beyondModeling].map((word) => word.toLowerCase()),
  );
  const productTools = new Set(
    common.tools
      .filter((tool) => tool.framework !== true)
      .flatMap((tool) => [tool.name, ...tool.aliases])
      .filter((name) => name.length >= 3 && !languages.has(name.toLowerCase()))
      .map((name) => name.toLowerCase()),
  );
  // Only a generic term that shares a word with a cue can take part in an overlap ("feature store", "data platform").
  const cueWords = new Set(cues.flatMap((cue) => cue.term.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
  const genericTerms = [...generic].filter((term) =>
    term.split(/[^\p{L}\p{N}]+/u).some((word) => cueWords.has(word) || cueWords.has(`${word}s`)),
  );
  return {
    productTools,
    cues,
    cueTerms: cues.map((cue) => cue.term),
    generic,
    genericTerms,
    toolNames,
  };
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

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** How much one mention of a cue counts where it sits. */
function mentionFactor(
  match: CueMatch,
  sentence: PostingSentence | undefined,
  reading: SentenceReading | undefined,
  context: {
    common: CommonVocabulary;
    generic: ReadonlySet<string>;
    namesTools: (sentence: PostingSentence) => boolean;
  },
): number {
  // A heading ("Financial Benefits", "About Acme Bank"): a label, weaker than prose.
  if (sentence === undefined || reading === undefined) return outsideSentences;
  let factor = sectionWeight[sentence.section];
  // The company's account of itself outweighs any section: it is what the business is.
  if (reading.weight > 1) factor = Math.max(factor, 1.2) * reading.weight;
  else if (reading.weight < 1) factor = Math.min(factor, reading.weight);
  if (reading.headEnd > 0 && match.start >= reading.headStart && match.end <= reading.headEnd) factor *= 1.5;
  // "helps retailers", "industries including grocery": the customers' business, not the employer's.
  if (match.start >= reading.customersFrom && match.end <= reading.customersTo) factor *= customerShare;
  if (sentence.boilerplate && !onlyAgencyTalk(sentence.text, context.common)) factor = Math.min(factor, 0.05);
  if (context.generic.has(match.term.toLowerCase())) factor *= 0.4;
  // A cue next to tool names ("real-time streaming on Kafka") describes the stack, not the business.
  else if (context.namesTools(sentence)) factor *= 0.6;
  return factor;
}

interface TextReading {
  readonly scores: Map<string, number>;
  readonly contributions: { industry: string; term: string; value: number }[];
}

/** Scores every playbook's cues over the posting, each mention weighted by what its sentence is about. */
function readText(posting: Posting, playbooks: PlaybookSet, names: readonly string[]): TextReading {
  const text = posting.text;
  const structure = readPostingStructure(text, playbooks.common);
  const statements = readBusinessStatements(structure, names);
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
  const taken = new Uint8Array(text.length);
  for (const match of matches) {
    if (taken.subarray(match.start, match.end).includes(1)) continue;
    taken.fill(1, match.start, match.end);
    kept.push(match);
  }

  // The sentences that name a tool, found in one pass over the whole posting.
  const toolSentences = new Set<PostingSentence>();
  for (const tool of termsMaybeIn(text, toolNames))
    for (const match of findTerm(text, tool)) {
      const sentence = structure.sentences[spanIndexAt(structure.sentences, match.start)];
      if (sentence !== undefined) toolSentences.add(sentence);
    }
  const namesTools = (sentence: PostingSentence): boolean => toolSentences.has(sentence);
  const context = { common: playbooks.common, generic, namesTools };
  const perTerm = new Map<string, { industry: string; term: string; weight: number; factors: number[] }>();
  for (const match of kept) {
    if (match.industry === '' || negated(text, match.start)) continue;
    const at = spanIndexAt(structure.sentences, match.start);
    const factor = mentionFactor(match, structure.sentences[at], statements(at), context);
    const key = `${match.industry}\u0000${match.term.toLowerCase()}`;
    const entry = perTerm.get(key) ?? {
      industry: match.industry,
      term: match.term,
      weight: match.weight,
      factors: [],
    };
    entry.factors.push(factor);
    perTerm.set(key, entry);
  }

  const scores = new Map<string, number>();
  const contributions: { industry: string; term: string; value: number }[] = [];
  for (const entry of perTerm.values()) {
    const strongest = Math.max(...entry.factors);
    const rest = entry.factors.reduce((sum, factor) => sum + factor, 0) - strongest;
    const value = entry.weight * (strongest + repeatShare * Math.min(rest, repeatCap));
    scores.set(entry.industry, (scores.get(entry.industry) ?? 0) + value);
    contributions.push({ industry: entry.industry, term: entry.term, value });
  }
  return { scores, contributions };
}

/**
 * The hiring company's industry: tech, finance, retail or general (or a playbook a user added). The employer's
 * business decides, the role second. A well-known employer found as the employer (a "Company:" line, "About X",
 * "X is ...") is read from the employer list; otherwise the posting's own account of the business ("X is a global
 * bank", "We're a tech company", "our stores") weighs most, the words of the employer's own name ("Xapo Bank") next,
 * and the duties and requirements least. A recruiter's posting is read for its client's business.
 */
export function classifyIndustryOffline(posting: Posting, playbooks: PlaybookSet): IndustryResult {
  const text = posting.text;
  const structure = readPostingStructure(text, playbooks.common);
  const employers = employerIndex(playbooks.employers);
  const { productTools } = cueVocabulary(playbooks);
  const agency = isAgencyPosting(text);
  const named =
    agency || staffingFirm.test(text)
      ? []
      : employerNames(
          text,
          structure.titleLines,
          structure.headings.map((heading) => heading.text),
        );
  const known = findKnownEmployer(text, employers, named[0] ?? null, productTools);
  const forClient = agency || known?.sector === staffingSector || staffingFirm.test(text);
  const employer: KnownEmployerMatch | null =
    known !== null && !forClient && playbooks.playbooks.has(known.sector) ? known : null;

  // A well-known employer, named where a posting names its employer, settles the business without reading on.
  if (employer !== null) {
    return {
      industry: employer.sector,
      confidence: round(Math.min(0.97, 0.8 + employer.score / 50)),
      signals: [`employer list: ${employer.name}`],
    };
  }
  const { scores, contributions } = readText(posting, playbooks, named);
  if (!forClient) {
    const sectors = new Map<string, string>();
    for (const name of named)
      for (const sector of sectorsInName(name, employers, productTools))
        if (!sectors.has(sector)) sectors.set(sector, name);
    for (const [sector, name] of sectors) {
      if (!playbooks.playbooks.has(sector)) continue;
      scores.set(sector, (scores.get(sector) ?? 0) + nameWordScore);
      contributions.push({ industry: sector, term: name, value: nameWordScore });
    }
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
