import type { ProfileFact } from '../../profile/profile-schema.js';
import { article, asClause, capitalize, decapitalize, joinList } from '../../text/phrase-grammar.js';
import { countWords } from '../../text/words.js';

/** A profile fact, worded so sentences can be built from it without adding anything. */
export interface FactWording {
  readonly fact: ProfileFact;
  /** What was done, ready to follow "I". */
  readonly did: string;
  /** The outcome, ready to follow "I"; null when the profile gives none. */
  readonly result: string | null;
  /** Where it happened, to open a sentence: "At Streamline", "In my capstone project on readmission risk". */
  readonly place: string;
  /** The same inside a sentence: "at Streamline". */
  readonly placeInline: string;
  readonly employer: string | null;
}

/** The sentence frames an opening can take; the drafter picks one per company so letters do not all read alike. */
export const openingFrames = ['at-when', 'after', 'as-role'] as const;
export type OpeningFrame = (typeof openingFrames)[number];

const numberWord =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|twice|half|double|doubled|tripled|triple|hundreds|thousands|millions)\b/i;

/** True when the text states a number, percentage, money, multiple or scale. */
export function isQuantified(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return false;
  return /\d/.test(text) || numberWord.test(text);
}

/** "my capstone project on 30-day hospital readmission risk", "my side project, a subscription churn model". */
function projectReference(name: string, properNouns: ReadonlySet<string>): string {
  const labelled = /^([^:]{2,40}):\s*(.+)$/.exec(name.trim());
  if (labelled?.[1] !== undefined && labelled[2] !== undefined) {
    const kind = labelled[1].trim().toLowerCase();
    const topic = decapitalize(labelled[2].trim(), properNouns);
    return `my ${kind}${/project|thesis|paper|competition|contribution/.test(kind) ? '' : ' project'} on ${topic}`;
  }
  const aside = /^(.+?)\s*\(([^)]+)\)\s*$/.exec(name.trim());
  if (aside?.[1] !== undefined && aside[2] !== undefined) {
    // "Subscription churn model (side project)": what was done already says what it is.
    return `my ${aside[2].trim().toLowerCase()}`;
  }
  const topic = decapitalize(name.trim(), properNouns);
  return /project/i.test(topic) ? `my ${topic}` : `my ${topic} project`;
}

/** Words the profile wrote for a fact, shaped to follow "I". */
export function wordFact(fact: ProfileFact, properNouns: ReadonlySet<string>): FactWording {
  const did = asClause(fact.did, properNouns);
  const result = fact.result === undefined ? null : asClause(fact.result, properNouns);
  if ('name' in fact && typeof fact.name === 'string' && fact.employer === undefined) {
    const reference = projectReference(fact.name, properNouns);
    return { fact, did, result, place: `In ${reference}`, placeInline: `in ${reference}`, employer: null };
  }
  if (fact.employer !== undefined) {
    return {
      fact,
      did,
      result,
      place: `At ${fact.employer}`,
      placeInline: `at ${fact.employer}`,
      employer: fact.employer,
    };
  }
  return { fact, did, result, place: 'In my own work', placeInline: 'in my own work', employer: null };
}

/** ", using Redis and TensorFlow Serving", or nothing. */
export function toolsClause(tools: readonly string[]): string {
  return tools.length === 0 ? '' : `, using ${joinList(tools)}`;
}

/** A comma before "and" only when the first half already has commas to separate from. */
function andJoin(first: string, second: string): string {
  return `${first}${first.includes(',') ? ',' : ''} and ${second}`;
}

/** Above this many words, an opening or supporting sentence is split in two. */
const longSentence = 34;

/** The result opens the sentence when it holds the number; otherwise what was done leads. */
function leadsWithResult(wording: FactWording): boolean {
  return wording.result !== null && (isQuantified(wording.result) || !isQuantified(wording.did));
}

/** Results whose subject is the thing built, not the person: "ran unattended for 4 months", "served 2M users". */
const thingVerb =
  /^(?:ran|runs|run|was|were|is|are|has|have|had|became|becomes|stayed|stays|remained|remains|powered|powers|went|goes|received|earned|still|now|continues|continued)\b/i;

/** Irregular past tenses a result may start with ("cut", "led", "grew"); regular ones end in -ed. */
const irregularPast = new Set(
  'cut led grew drove built brought took made won kept got set put held sold spent found gave wrote taught began rose fell beat hit met paid read ran shrank sped split shed bid overtook undertook rebuilt oversaw withdrew caught fought bought sought thought lost sent lent dealt meant saw chose drew flew froze shook spoke struck tore woke bore fed bled slid stood understood withstood upheld told laid said had heard left felt slept swept let quit spread shut rode rewrote redrew broke undid outgrew'.split(
    ' ',
  ),
);

/**
 * How a result reads: `act` follows "I" ("cut latency by 40%"), `work` needs the work as its subject ("ran
 * unattended for 4 months"), `clause` has its own subject ("nurses now answer urgent messages first").
 */
export function resultKind(result: string): 'act' | 'work' | 'clause' {
  if (thingVerb.test(result)) return 'work';
  const first = (result.split(' ')[0] ?? '').toLowerCase();
  return /^[a-z-]+ed$/.test(first) || irregularPast.has(first) ? 'act' : 'clause';
}

/** True when the result reads after "I" ("I cut latency by 40%"). */
export function resultFollowsI(result: string): boolean {
  return resultKind(result) === 'act';
}

/**
 * "I built X" and its result: "and raised retention by 6%" for the person's act, ", and nurses now answer ..." for
 * a clause of its own; "That work ran for 4 months" as a sentence of its own when the work is the subject (a "which"
 * after a list of tools would attach to the last tool).
 */
function joinResult(lead: string, result: string): string {
  const kind = resultKind(result);
  if (kind === 'act') return andJoin(lead, result);
  if (kind === 'clause') return `${lead}, and ${result}`;
  return /,/.test(lead) ? `${lead}. That work ${result}` : `${lead}, which ${result}`;
}

/**
 * The letter's first sentences: the outcome first, then how, with the tools. "At Streamline, I cut inference latency
 * by 40% ... when I moved the recommendation engine to real-time feature serving, using Redis and TensorFlow
 * Serving." A long outcome and a long method become two sentences, the first still carrying the number.
 */
export function openingSentences(
  wording: FactWording,
  tools: readonly string[],
  frame: OpeningFrame,
): string[] {
  const withTools = `${wording.did}${toolsClause(tools)}`;
  const { result } = wording;
  if (result === null || !leadsWithResult(wording) || !resultFollowsI(result)) {
    const lead = `${wording.place}, I ${withTools}`;
    return [`${result === null ? lead : joinResult(lead, result)}.`];
  }
  if (countWords(result) + countWords(wording.did) > longSentence) {
    return [`${wording.place}, I ${result}.`, `To get there, I ${withTools}.`];
  }
  const role = wording.fact.role;
  if (frame === 'as-role' && role !== undefined && wording.employer !== null) {
    return [
      `As ${article(role)} ${role} ${wording.placeInline}, I ${result}${result.includes(',') ? ',' : ''} when I ${withTools}.`,
    ];
  }
  // A result with commas of its own needs one before "when" too, or the clause runs on.
  const pause = result.includes(',') ? ',' : '';
  if (frame === 'after') return [`I ${result} ${wording.placeInline}${pause} after I ${withTools}.`];
  return [`${wording.place}, I ${result}${pause} when I ${withTools}.`];
}

/**
 * A supporting fact, what was done first: "I also built the churn model end to end ... and raised 90-day retention
 * by 6%." `sameEmployer` says the previous paragraph was at the same place.
 */
export function supportSentences(
  wording: FactWording,
  tools: readonly string[],
  sameEmployer: boolean,
): string[] {
  const subject = sameEmployer && wording.employer !== null ? 'I also' : `${wording.place}, I`;
  const lead = `${subject} ${wording.did}${toolsClause(tools)}`;
  const { result } = wording;
  if (result === null) return [`${lead}.`];
  if (countWords(result) + countWords(lead) > longSentence) {
    return [`${lead}.`, resultKind(result) === 'clause' ? `${capitalize(result)}.` : `That work ${result}.`];
  }
  return [`${joinResult(lead, result)}.`];
}

/** A one-sentence mention of a fact for a repair: what was done and its outcome, nothing else. */
export function briefSentence(wording: FactWording, tools: readonly string[]): string {
  const lead = `${wording.place}, I ${wording.did}${toolsClause(tools)}`;
  return capitalize(wording.result === null ? `${lead}.` : `${joinResult(lead, wording.result)}.`);
}
