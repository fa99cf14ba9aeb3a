import type { ProfileFact } from '../../profile/profile-schema.js';
import { article, asClause, capitalize, decapitalize } from '../../text/phrase-grammar.js';
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

/**
 * What was done with the tool that did it, ready to follow a comma or open a sentence: "with Redis, I moved ...". The
 * tool comes before the verb, so it cannot read as part of the object ("a service the claims system calls, using
 * LightGBM"). One tool: a pair before ", I" reads as a list of names, and the first is the one the posting asks for.
 */
export function howClause(did: string, tools: readonly string[], subject = 'I'): string {
  const tool = tools[0];
  if (tool === undefined) return `${subject} ${did}`;
  // "with XGBoost, I rebuilt the model with gradient boosting" says "with" twice.
  return `${/\bwith\b/i.test(did) ? 'using' : 'with'} ${tool}, ${subject} ${did}`;
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

/** What a fact's outcome holds, which decides the sentence plans that suit it. */
export interface FactShape {
  /** A number moved from one value to another: "from 0.71 to 0.78", "from 24 hours to 15 minutes". */
  readonly beforeAfter: boolean;
  /** A cost, a saving or money. */
  readonly cost: boolean;
  /** An audit, a regulator, a validation or a review the work passed. */
  readonly governance: boolean;
  /** How many people, records or events it reached. */
  readonly scale: boolean;
}

export function factShape(wording: FactWording): FactShape {
  const text = `${wording.result ?? ''} ${wording.did}`;
  return {
    beforeAfter: /\bfrom\s+[^,;]*?\d[^,;]*?\s+to\s+[^,;]*?\d/i.test(wording.result ?? ''),
    cost: /\b(?:costs?|savings?|saved|spend|overtime|budget)\b|\$\s?\d/i.test(wording.result ?? ''),
    governance:
      /\b(?:audits?|auditors?|regulators?|regulatory|compliance|model risk|validation|fair lending)\b/i.test(
        text,
      ),
    scale:
      /\d[\d,.]*\s*(?:[MKB]\+?|million|billion|thousand)?\+?\s+(?:users|customers|members|patients|events|records|requests|orders|stores|items|services|transactions)\b/i.test(
        text,
      ),
  };
}

/** What the work is called when it becomes the subject: "That model lifted AUC", "That change cut latency". */
function workNoun(wording: FactWording, shape: FactShape): string {
  if (/\bmodel\b/i.test(wording.did)) return 'That model';
  return shape.beforeAfter ? 'That change' : 'That work';
}

/**
 * The ways an opening can be built from one fact. Which apply depends on what the fact holds (a result the person
 * did, a before and after, a cost, a governance outcome, a role at an employer); the drafter picks one of them by a
 * hash of the posting, so two letters from one profile read differently, and the same input gets the same letter.
 */
export const openingPlans = ['result-when', 'result-then-how', 'role-result'] as const;
export type OpeningPlan = (typeof openingPlans)[number];

/** The plans that suit a fact, in a fixed order. */
export function openingPlansFor(wording: FactWording): OpeningPlan[] {
  const { result } = wording;
  if (result === null || !leadsWithResult(wording) || !resultFollowsI(result)) return ['result-when'];
  // Every plan puts the outcome in the first sentence: the number is what the reader keeps.
  const plans: OpeningPlan[] = ['result-when', 'result-then-how'];
  if (wording.fact.role !== undefined && wording.employer !== null) plans.push('role-result');
  return plans;
}

/**
 * The letter's first sentences, built by `plan`: "At Streamline, I cut inference latency by 40% ... when, with Redis
 * and Kubernetes, I moved the recommendation engine to real-time feature serving." A long outcome and a long method
 * become two sentences, the first still carrying the number.
 */
export function openingSentences(
  wording: FactWording,
  tools: readonly string[],
  plan: OpeningPlan,
): string[] {
  const { result } = wording;
  const how = howClause(wording.did, tools);
  if (result === null || !leadsWithResult(wording) || !resultFollowsI(result)) {
    const lead = `${wording.place}, ${how}`;
    return [`${result === null ? lead : joinResult(lead, result)}.`];
  }
  const long = countWords(result) + countWords(how) > longSentence;
  const pause = result.includes(',') ? ',' : '';
  switch (plan) {
    case 'role-result': {
      const role = wording.fact.role ?? '';
      return [`As ${article(role)} ${role} ${wording.placeInline}, I ${result}.`, `${capitalize(how)}.`];
    }
    case 'result-then-how':
      return [
        `${wording.place}, I ${result}.`,
        `${tools.length > 0 ? capitalize(how) : `To get there, I ${wording.did}`}.`,
      ];
    default:
      // Too long for one sentence: the method, with its tool, follows on its own.
      if (long) return [`${wording.place}, I ${result}.`, `${capitalize(how)}.`];
      return [
        `${wording.place}, I ${result}${pause} when${tools.length > 0 ? `, ${how}` : ` I ${wording.did}`}.`,
      ];
  }
}

/** The ways a supporting fact can be told; like the openings, chosen by what the fact holds and a hash. */
export const supportPlans = ['how-and-result', 'result-then-how', 'how-then-outcome'] as const;
export type SupportPlan = (typeof supportPlans)[number];

export function supportPlansFor(wording: FactWording): SupportPlan[] {
  const { result } = wording;
  if (result === null || !resultFollowsI(result)) return ['how-and-result'];
  const plans: SupportPlan[] = ['how-and-result'];
  if (isQuantified(result)) plans.push('result-then-how');
  const shape = factShape(wording);
  if (shape.beforeAfter || shape.cost || shape.governance || shape.scale) plans.push('how-then-outcome');
  return plans;
}

/**
 * A supporting fact: "I also built the churn model end to end ... and raised 90-day retention by 6%." `sameEmployer`
 * says the previous paragraph was at the same place.
 */
export function supportSentences(
  wording: FactWording,
  tools: readonly string[],
  sameEmployer: boolean,
  plan: SupportPlan = 'how-and-result',
): string[] {
  const also = sameEmployer && wording.employer !== null;
  const { result } = wording;
  if (result !== null && plan === 'result-then-how') {
    const where = also ? 'There I also' : `${wording.place}, I`;
    return [
      `${where} ${result}.`,
      `${tools.length > 0 ? capitalize(howClause(wording.did, tools)) : `To do it, I ${wording.did}`}.`,
    ];
  }
  if (result !== null && plan === 'how-then-outcome') {
    const lead = also
      ? capitalize(howClause(wording.did, tools, 'I also'))
      : `${wording.place}, ${howClause(wording.did, tools)}`;
    return [`${lead}.`, `${workNoun(wording, factShape(wording))} ${result}.`];
  }
  const lead = also
    ? capitalize(howClause(wording.did, tools, 'I also'))
    : `${wording.place}, ${howClause(wording.did, tools)}`;
  if (result === null) return [`${lead}.`];
  if (countWords(result) + countWords(lead) > longSentence) {
    return [`${lead}.`, resultKind(result) === 'clause' ? `${capitalize(result)}.` : `That work ${result}.`];
  }
  return [`${joinResult(lead, result)}.`];
}

/** A one-sentence mention of a fact for a repair: what was done and its outcome, nothing else. */
export function briefSentence(wording: FactWording, tools: readonly string[]): string {
  const lead = `${wording.place}, ${howClause(wording.did, tools)}`;
  return capitalize(wording.result === null ? `${lead}.` : `${joinResult(lead, wording.result)}.`);
}
