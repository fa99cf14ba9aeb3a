import { capitalize, joinList, possessive } from '../../text/phrase-grammar.js';
import { pick } from '../../text/stable-hash.js';

/** What ties the letter's first achievement to this posting, in the posting's own words. */
export interface LinkInput {
  /** How the letter names the employer ("Orbitly", "your team"). */
  readonly company: string;
  /** The hook as the letter says it, or '' when the posting names none. */
  readonly hook: string;
  /** The posting's words around the hook that the lead fact also holds (`sharedTerms`), best first. */
  readonly hookTerms: readonly string[];
  /** The posting's words anywhere that the lead fact holds (the relevance ranking's reason), best first. */
  readonly postingTerms: readonly string[];
  /** The lead fact's own labels (tools, methods, tags), lowercase: a single posting word must be one of them. */
  readonly factLabels: readonly string[];
  /** Every word the lead fact's own text uses, lowercase. */
  readonly factWords: ReadonlySet<string>;
  /** Where the lead fact happened, inside a sentence: "at Streamline", "in my capstone project on ...". */
  readonly placeInline: string;
  /** The posting's seed: the same posting gets the same wording. */
  readonly seed: string;
}

/** Words too short or too common to show as the point two texts share. */
const weakTerm = /^(?:\p{L}{1,3}|python|sql|team|teams|business|customers?|users?|work)$/iu;

/**
 * The terms worth quoting: a two-word phrase, or a single word the fact itself uses as a label (a tool, a method, a
 * tag); a lone word that only occurs in the fact's prose ("shaping", "based") shows no shared problem.
 */
function usable(terms: readonly string[], labels: readonly string[]): string[] {
  return terms
    .filter((term) => !weakTerm.test(term))
    .filter((term) => {
      if (/\s/.test(term.trim())) return true;
      // Seven letters tell "governance" from "government"; a short word keeps all but its ending.
      const root = term.toLowerCase().slice(0, Math.max(4, Math.min(7, term.length - 2)));
      return labels.some((label) => label.split(/[\s-]+/).some((word) => word.startsWith(root)));
    })
    .slice(0, 2);
}

function usedByFact(term: string, words: ReadonlySet<string>): boolean {
  const word = term.toLowerCase();
  return words.has(word) || words.has(`${word}s`) || (word.endsWith('s') && words.has(word.slice(0, -1)));
}

/** Quoted, so a fragment of the posting ("real-time feature") reads as its words, not as the letter's. */
function quoted(terms: readonly string[]): string {
  return joinList(terms.map((term) => `"${term}"`));
}

/** "Project Relay, a real-time feature store," when the hook carries an aside and the sentence goes on. */
function hookBeforeWord(hook: string): string {
  return /,\s+(?:a|an|the|its)\s/i.test(hook) ? `${hook},` : hook;
}

/** The hook after a possessive: a named thing as it is ("Orbitly's Project Relay"), an activity as work on it. */
function hookOf(company: string, hook: string): string {
  const activity = /^\p{Ll}+ing\b/u.test(hook);
  return `${possessive(company)} ${activity ? 'work on ' : ''}${hookBeforeWord(hook)}`;
}

/**
 * One sentence built from both sides when the lead fact and the hook share a problem: the hook and the posting's words
 * for it, and where the candidate did that work. Claims no more than the shared words show.
 */
const bridges: readonly ((input: LinkInput, terms: string) => string)[] = [
  (input, terms) =>
    `Your posting ties ${hookBeforeWord(input.hook)} to ${terms}, the same problem I worked on ${input.placeInline}.`,
  (input, terms) =>
    `${capitalize(hookOf(input.company, input.hook))} turns on ${terms}, which is the ground that work covered.`,
];

/** When the hook shares nothing with the lead: say why this work comes first, in the posting's words. */
const reasons: readonly ((terms: string) => string)[] = [
  (terms) => `I start with it because your posting asks about ${terms}.`,
  (terms) => `Your posting's mention of ${terms} is why I lead with this work.`,
  (terms) => `Of everything I have done, it is closest to what your posting calls ${terms}.`,
];

/**
 * The sentence after the opening achievement: a bridge to the hook when the two share words (`bridged` true, so the
 * company paragraph need not repeat the hook), else the posting's words the achievement answers, else null (the
 * playbook's plain line takes its place).
 */
export function linkSentence(input: LinkInput): { text: string; bridged: boolean; terms: number } | null {
  const hookTerms = usable(input.hookTerms, input.factLabels);
  // One shared word ("forecasts", "track") is no shared problem; two, or one phrase ("reason codes"), may be.
  const sharesProblem = hookTerms.length > 1 || hookTerms.some((term) => /\s/.test(term.trim()));
  if (input.hook !== '' && sharesProblem) {
    const bridge = pick(bridges, input.seed, 'bridge-sentence');
    if (bridge !== undefined)
      return { text: bridge(input, quoted(hookTerms)), bridged: true, terms: hookTerms.length };
  }
  // Why this work comes first may rest on a plain word the fact itself uses ("risk", "records"); a stem shared by
  // accident ("shaping" and SHAP) is not one.
  const labelled = usable(input.postingTerms, input.factLabels);
  const postingTerms =
    labelled.length > 0
      ? labelled
      : input.postingTerms
          .filter((term) => !weakTerm.test(term) && usedByFact(term, input.factWords))
          .slice(0, 2);
  if (postingTerms.length === 0) return null;
  const reason = pick(reasons, input.seed, 'reason-sentence');
  return reason === undefined
    ? null
    : { text: reason(quoted(postingTerms)), bridged: false, terms: postingTerms.length };
}

/**
 * When the lead shares no telling word with the posting: where the candidate wants to take that work, in the posting's
 * words for the job ({focus}). A wish, so it claims no fit. Filled like a playbook phrase.
 */
export const focusLinks: readonly string[] = [
  'Next, I would like to bring that to {focus} at {company}.',
  'I want to put that experience into {focus} at {company}.',
  'At {company}, I would apply the same care to {focus}.',
];

/** The company paragraph's first line when the opening already said what the role centres on and there is no hook. */
export const plainCompanyLines: readonly string[] = [
  'The {role} role at {company} is the step I want to take next.',
  '{company} is where I would like to take this work next.',
  'This is the work I want to keep doing, and {company} is where I would like to do it.',
];

/** Tools too common in postings to tell one from another. */
const commonTools = new Set(['python', 'sql', 'git', 'linux', 'bash', 'excel']);

/**
 * When nothing else ties the opening to this posting: the tools it asks for that the profile holds, which the
 * candidate has used (the profile names them). Null without any.
 */
export function toolsSentence(tools: readonly string[], seed: string): string | null {
  const named = tools.filter((tool) => !commonTools.has(tool.toLowerCase())).slice(0, 2);
  if (named.length === 0) return null;
  const list = joinList(named);
  const forms =
    named.length === 1
      ? [
          `Your posting asks for ${list}, a tool I have used.`,
          `I have used ${list}, which your posting asks for.`,
        ]
      : [
          `Your posting asks for ${list}, both tools I have used.`,
          `I have used ${list}, both of which your posting asks for.`,
        ];
  return pick(forms, seed, 'tools-sentence') ?? null;
}
