/** Verbs that announce an initiative when used in the progressive ("we are rebuilding ..."). */
const initiativeVerbs =
  'building out|building|launching|rolling out|rebuilding|modernizing|modernising|developing|creating|scaling|expanding|migrating|introducing|redesigning|designing|replacing|bringing|taking|moving|piloting|deploying|standing up|growing|reinventing|reimagining|overhauling|automating|transforming|extending|opening|investing in|unifying|consolidating|upgrading|leading|improving|reducing|cutting|analyzing|analysing|publishing|rethinking|reworking|shifting|switching|centralizing|centralising|digitizing|digitising|personalizing|personalising|adding|retiring';

/** Verbs that announce an initiative after "will", "plans to", "is about to": "will launch X" names X. */
const futureVerbs = [
  'build',
  'launch',
  'roll out',
  'rebuild',
  'modernize',
  'modernise',
  'develop',
  'create',
  'scale',
  'expand',
  'migrate',
  'introduce',
  'redesign',
  'replace',
  'pilot',
  'deploy',
  'stand up',
  'overhaul',
  'automate',
  'transform',
  'extend',
  'open',
  'unify',
  'upgrade',
];

/** Verbs that make something concrete out of a plain noun phrase: "building a fraud platform" -> "the fraud platform". */
const makingVerbs = new Set([
  'building',
  'developing',
  'creating',
  'designing',
  'introducing',
  'piloting',
  'launching',
]);

const progressive = new RegExp(
  `\\b(?:we are|we['’]re|we will be|we['’]ll be|is|are|has been|have been|will be)\\s+(?:now\\s+|currently\\s+|actively\\s+|busy\\s+)?(${initiativeVerbs})\\s+(.+)`,
  'i',
);
const future = new RegExp(
  `\\b(?:will|plans? to|aims? to|(?:is|are) about to|(?:is|are) set to|(?:is|are) preparing to)\\s+(${futureVerbs.join('|')})\\s+(.+)`,
  'i',
);
const namedProject =
  /\b((?:Project|Program|Programme|Initiative|Operation)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:,\s+((?:a|an|the|our)\s+[^,.;]+))?/;
const presentVerbs =
  /\b(?:team|we|group|lab|squad)\s+(?:builds|build|owns|own|runs|run|develops|develop|powers|power|designs|design|ships|ship|maintains|maintain)\s+(.+)/i;
const colonList = /:\s+([^:]+,[^:]+)$/;
/** "We want to cut food waste ...", "Our goal is to ...": an ambition; what it is about is its object ("food waste"). */
const ambition =
  /\b(?:we want to|we need to|we['’]re looking to|we are looking to|our goal is to|the goal is to|we aim to|we hope to|we plan to|we intend to|we['’]re setting out to|we are setting out to)\s+([a-z]+)\s+(.+)/i;
/** A labelled line: "building: automatic CRM field extraction", "The project: ...". */
const labelled =
  /^(?:now\s+)?(?:building|launching|shipping|what we['’]re building|what we are building|what you['’]ll build|what you will build|the project|project|current focus)\s*[:–—-]\s*(.+)$/i;
/** "seeking a Data Scientist to support the bus network redesign": the work the hire is for. */
const purpose =
  /\bto (?:support|help with|help build|help us build|lead|work on|drive|deliver|help deliver|own|join)\s+((?:the|our)\s+[^,.;:]*?\b(?:redesign|migration|rollout|roll-out|launch|rebuild|overhaul|moderni[sz]ation|expansion|transition|initiative|program|programme|project|platform|pilot|transformation)s?)\b/i;

/** Where a phrase stops reading as a noun phrase: purpose clauses, relative clauses, asides. */
const boundaries =
  /,?\s+(?:so that|so|which|without|that will|that would|that lets|that let|that helps|that help|where|because|while|in order to|to help|to make|to give|to let|to ensure|replacing|instead of|and we|and you|but)\b|,\s+(?:built|powered|based|driven|using|backed|running|starting|beginning)\b|,\s+and\s+(?:the|our|we|you|it|this|they|a|an)\b|,\s+[a-z]+ing\b|\s+[—–]\s+|\s+-\s+|[;:.!?]/i;
/** A relative clause ("a code-review assistant that predicts ...") goes too, when enough is left before it. */
const relativeClause = /,?\s+(?:that|who)\s/i;

/** Dates and deadlines: true, but they date the letter and rarely read well after "work on". */
const timeAdjunct =
  /,?\s+(?:by (?:the end of )?(?:this|next) (?:year|quarter|month)|by (?:the end of )?(?:20\d\d|Q[1-4](?: 20\d\d)?)|(?:this|next) (?:year|quarter)|in 20\d\d|over the next [\w\s]+?(?=,|$)|later this year|early next year)\b/gi;

/** A preposition that can end a phrase cleanly when it must be shortened. */
const prepositionBreak = /\s+(?:to|for|by|in|across|with|on|at|from|into|through|under|over)\s+/g;

const trailingFiller = /(?:\s+(?:and|or|the|of|for|to|with|a|an|in|on|at|by|from|as|that|its|their|our))+$/i;
const maxWords = 16;

function tidy(text: string): string {
  return text
    .replace(/[*_`]+/g, '')
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "our" becomes "its": the letter speaks about the company, not as it. A phrase still saying "we"/"you" is dropped. */
function thirdPerson(phrase: string): string | null {
  const converted = phrase.replace(/\bour\b/gi, 'its').replace(/\bours\b/gi, 'its own');
  if (/\b(?:we|we['’]re|us|you|your|you['’]ll|I)\b/i.test(converted)) return null;
  return converted;
}

function cut(phrase: string): string {
  let result = phrase;
  const boundary = boundaries.exec(result);
  if (boundary !== null && boundary.index > 0) result = result.slice(0, boundary.index);
  const relative = relativeClause.exec(result);
  if (relative !== null && result.slice(0, relative.index).split(' ').length >= 4)
    result = result.slice(0, relative.index);
  result = result.replace(timeAdjunct, '');
  const words = result.split(' ');
  if (words.length > maxWords) {
    const head = words.slice(0, maxWords).join(' ');
    const comma = head.lastIndexOf(',');
    const breaks = [...head.matchAll(prepositionBreak)].map((match) => match.index ?? 0);
    const preposition = breaks.length > 0 ? (breaks[breaks.length - 1] as number) : -1;
    const at = Math.max(comma, preposition);
    result = at > head.length / 2 ? head.slice(0, at) : head;
  }
  // "analyzing 311 service requests to find" lost its object: the dangling infinitive goes too.
  return result
    .replace(/[,\s]+$/, '')
    .replace(/\s+to\s+[a-z]+$/i, '')
    .replace(trailingFiller, '')
    .trim();
}

function finish(phrase: string): string | null {
  const shaped = thirdPerson(cut(tidy(phrase)));
  if (shaped === null) return null;
  const words = shaped.split(' ').filter((word) => word !== '');
  return words.length >= 2 ? shaped : null;
}

/** "a real-time fraud platform" -> "the real-time fraud platform"; a named product keeps its name. */
function definite(object: string): string {
  return object.replace(/^(?:a|an|our|its)\s+/i, 'the ');
}

/** How a sentence announces what the company is building, strongest first. */
export type HookKind =
  | 'progressive'
  | 'future'
  | 'ambition'
  | 'labelled'
  | 'purpose'
  | 'named'
  | 'list'
  | 'present';

export interface HookReading {
  readonly kind: HookKind;
  /** The phrase a letter can use; null when the sentence says something but no phrase reads well. */
  readonly phrase: string | null;
}

/** "reduce subscription churn" -> "subscription churn"; "understand and reduce churn" -> "churn". */
function objectOf(rest: string): string {
  return rest.replace(/^(?:(?:and|or)\s+[a-z]+\s+)?/i, '');
}

/**
 * Reads how a posting sentence announces an initiative and the phrase for it: the posting's own gerund phrase
 * ("rebuilding autoplay around a two-tower retrieval model"), a named product ("Project Relay, a real-time feature
 * store"), what a plan or ambition is about ("same-day delivery forecasts for 300 stores", "subscription churn"), the
 * work the hire is for ("the bus network redesign") or the things the team builds ("sepsis alerts, readmission risk,
 * and staffing forecasts"). Null when the sentence announces nothing. Every word of the phrase comes from the
 * sentence; only a leading article or "our" may change ("a" and "our" become "the" and "its").
 */
export function readHook(sentence: string): HookReading | null {
  const text = tidy(sentence);
  const labelledMatch = labelled.exec(text);
  if (labelledMatch?.[1] !== undefined) return { kind: 'labelled', phrase: finish(labelledMatch[1]) };
  const progressiveMatch = progressive.exec(text);
  if (progressiveMatch?.[1] !== undefined && progressiveMatch[2] !== undefined) {
    const verb = progressiveMatch[1].toLowerCase();
    const object = progressiveMatch[2];
    // "building Project Relay, a real-time feature store" -> the product itself.
    if (makingVerbs.has(verb) && /^[A-Z]/.test(object) && !/^(?:A|An|The|Our)\b/.test(object)) {
      return { kind: 'progressive', phrase: finish(object) };
    }
    if (makingVerbs.has(verb) && /^(?:a|an|our)\s/i.test(object) && verb !== 'launching') {
      return { kind: 'progressive', phrase: finish(definite(object)) };
    }
    return { kind: 'progressive', phrase: finish(`${verb} ${object}`) };
  }
  // "will launch same-day delivery forecasts": the thing launched, in the posting's words (no verb rewritten).
  const futureMatch = future.exec(text);
  if (futureMatch?.[2] !== undefined) return { kind: 'future', phrase: finish(definite(futureMatch[2])) };
  const ambitionMatch = ambition.exec(text);
  if (ambitionMatch?.[2] !== undefined) {
    return { kind: 'ambition', phrase: finish(definite(objectOf(ambitionMatch[2]))) };
  }
  const purposeMatch = purpose.exec(text);
  if (purposeMatch?.[1] !== undefined) return { kind: 'purpose', phrase: finish(definite(purposeMatch[1])) };
  const named = namedProject.exec(text);
  if (named?.[1] !== undefined) {
    return { kind: 'named', phrase: finish(named[2] === undefined ? named[1] : `${named[1]}, ${named[2]}`) };
  }
  const list = colonList.exec(text);
  if (list?.[1] !== undefined) return { kind: 'list', phrase: finish(list[1]) };
  const present = presentVerbs.exec(text);
  if (present?.[1] !== undefined) return { kind: 'present', phrase: finish(definite(present[1])) };
  return null;
}

/** The phrase of `readHook`, or null. */
export function hookPhrase(sentence: string): string | null {
  return readHook(sentence)?.phrase ?? null;
}
