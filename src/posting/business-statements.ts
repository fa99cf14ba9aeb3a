import type { PostingSentence, PostingStructure } from './posting-sections.js';

/**
 * How much a sentence of the posting tells about the employer's business, for the industry classifier. A company's
 * own account of itself ("Acme is a global bank", "We're a rapidly growing tech company", "Our client is a consumer
 * brand") says what it sells; a duty or a requirement only says what the job touches.
 */
export interface SentenceReading {
  /** 1 for an ordinary sentence; more when the sentence is the company describing itself. */
  readonly weight: number;
  /**
   * Where the predicate of "X is a ..." ends ("a global materials science company" in "X is a global materials
   * science company that serves ..."): a cue before it names what the company is. -1 when there is none.
   */
  readonly headStart: number;
  readonly headEnd: number;
  /**
   * From this offset on, the sentence names the company's customers or the industries it serves ("helps retailers",
   * "industries including apparel and grocery"): a cue there is someone else's business. Infinity when it does not.
   */
  readonly customersFrom: number;
  /** Where the customers end ("empower Canadians | to build a financial foundation"). */
  readonly customersTo: number;
}

/** A company's account of itself: what it is. */
const strongWeight = 3;
/** A mission line, or the opening of an "About us" section: what it does, less directly. */
const moderateWeight = 2;
/** A benefits line outside the benefits section ("Leave programs, including parental, medical ..."). */
const perkWeight = 0.05;

/** An opening clause before the subject: "Founded in 2012 and based in Amsterdam, Owlin turns news into ...". */
const leadIn =
  /^(?:(?:Founded|Established|Headquartered|Based|Since|Today|Started|Launched|Born|Created|Now|Together|For (?:over|more than|nearly|almost)|Over the|In \d{4}|As (?:a|an|the|one of))\b[^.;:!?]{0,90}?,\s+|(?:Hi|Hello),\s+)/;
const copulas = new Set([
  'is',
  'are',
  're',
  'was',
  'has been',
  'have been',
  'has become',
  'remains',
  'became',
]);
/**
 * The verb after the subject: a copula, or what a company does ("provides", "builds", "disrupted"). The first few
 * in a sentence's opening are tried; the subject is what precedes one.
 */
const verbPattern =
  /(?:\s+|['’](?=re\b))(is|are|re|was|has been|have been|has become|remains|became|provides|offers|operates|builds|makes|sells|serves|helps|powers|connects|designs|develops|delivers|manufactures|produces|runs|creates|introduced|combines|turns|transforms|enables|empowers|owns|brings|invented|pioneered|specializes|specialises|focuses|exists|disrupted|reinvented|launched|built|created|founded|started)\b/g;
/** After a copula: what makes "X is ..." a statement about the business, not "X is seeking a data scientist". */
const copularBusiness =
  /^\s*(?:a|an|the|one of|among|home to|part of|on a mission|transforming|changing|reinventing|redefining|revolutionizing|revolutionising|powering|leading|shaping|a leader|the leader|the world|proud to be)\b/;

/** "We", "Our client", "The company": the company speaking of itself without its name. */
const pronounSubject =
  /^(?:we|our (?:client|company|firm|organi[sz]ation|business|group|brand|brands|bank|mission|purpose|vision|story)|the (?:client|company|firm|organi[sz]ation|business|group|bank)|this (?:company|firm|organi[sz]ation|business))$/i;
/** A name: capitalised words with the small connectors names use, a corporate suffix, a ticker in brackets. */
const nameSubject =
  /^(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|and|&|de|for|the)\s+)?[A-Z0-9][\w&'’.-]*){0,5}(?:,?\s+(?:Inc|LLC|Ltd|Corp|Corporation|Co|plc|PLC|AG|SE|NV|GmbH|Group)\.?)?(?:\s*\([^)]{1,40}\))?$/;

/** Words that open a sentence about the job, the candidate or the team, not about the company. */
const notCompanySubject =
  /^(?:this|that|these|those|it|he|she|they|you|your|candidates?|applicants?|the (?:role|position|job|team|candidate|successful|ideal|selected|incumbent|hire|person|individual|engineer|scientist|analyst|developer|manager|data|ml|ai)|our (?:team|teams|ideal|benefits|perks|people|culture|values|employees|hiring|interview|recruit)|each|every|all|some|most|many|experience|knowledge|ability|strong|must|nice|bonus|salary|compensation|pay|benefits|location|please|note|equal|eeo)\b/i;
const teamWord =
  /\b(?:team|teams|role|position|group|department|squad|engineer|scientist|analyst|developer|manager|candidate|hire|individual|person|incumbent|programmer|specialist|director|lead)s?\b/i;

/** A benefit or a perk described as "X is a ... program" is not the business. */
const perkWord = /\b(?:benefits?|perks?|reimbursement|stipend|allowance)\b/i;

/** How a sentence's subject names the company, if it does. */
type SubjectKind = 'name' | 'pronoun' | 'other-name' | null;

/** Judges a sentence's subject: the employer's name (or its possessive), "we", another capitalised name, or none. */
function subjectKind(raw: string, names: readonly string[]): SubjectKind {
  const subject = raw.replace(/^[\s*_#>"“]+|[\s*_,]+$/g, '');
  if (subject === '' || notCompanySubject.test(subject)) return null;
  if (pronounSubject.test(subject)) return 'pronoun';
  const lower = subject.toLowerCase().replace(/^the\s+/, '');
  for (const name of names) {
    const named = name.toLowerCase().replace(/^the\s+/, '');
    if (!lower.startsWith(named)) continue;
    const rest = lower.slice(named.length);
    // "Acme", "Acme, Inc.", "Acme (NYSE: ACM)", "Acme's engineering team".
    if (
      /^(?:,?\s*(?:inc|llc|ltd|corp|corporation|co|plc|group)\.?)?(?:\s*\([^)]{1,40}\))?$|^['’]s?\s+[\w-]+(?:\s+[\w-]+)?$/.test(
        rest,
      )
    )
      return 'name';
  }
  if (nameSubject.test(subject) && !teamWord.test(subject)) return 'other-name';
  return null;
}

/**
 * Where the predicate's head ends ("a technology company | committed to journalism", "the global marketplace | for
 * goods"): at a clause boundary, a participle or a preposition, except the "of" and "in" that belong to the head
 * ("one of the largest banks", "a leader in payments").
 */
const headBoundary =
  /,|;|:|\.(?:\s|$)|\s[–—-]\s|\s(?:that|which|who|whose|where|with|while|committed|dedicated|focused|based|headquartered|known|trusted|used|loved|serving|helping|building|providing|offering|powering|enabling|because|so|to|for|by|from|across|since|and (?:we|our|it|its|is|has)|in|of|on|at)\b/g;
const headContinues =
  /\b(?:leader|leaders|pioneer|pioneers|innovator|specialist|player|one|part|home|provider|providers|leading|largest|biggest|member|family|group|maker|makers|manufacturer|operator|owner|network|portfolio|house|collection)\s*$/i;

function headEndIn(after: string): number {
  headBoundary.lastIndex = 0;
  for (let match = headBoundary.exec(after); match !== null; match = headBoundary.exec(after)) {
    const before = after.slice(0, match.index);
    if (/^\s(?:in|of|on)$/.test(match[0]) && headContinues.test(before)) continue;
    // "a beautiful, easy-to-use platform": a comma between adjectives does not end the head.
    if (match[0] === ',' && before.trim().split(/\s+/).length <= 2) continue;
    return match.index;
  }
  return after.length;
}

/** Where a sentence starts naming the company's customers or the industries it serves. */
const customerTrigger =
  /\b(?:help(?:s|ing)?|serv(?:e|es|ing)|empower(?:s|ing)?|enabl(?:e|es|ing)|power(?:s|ing)?|used by|trusted by|relied (?:up)?on by|sell(?:s|ing)? to|partner(?:s|ing)? (?:with|of|to|for)|(?:customers|clients|partners|users) (?:include|including|such as|like|across|in|ranging|range|from)|industries|sectors|verticals|markets as diverse as|for (?:businesses|companies|organi[sz]ations|enterprises|brands|institutions|teams) (?:like|such as|including|in|across)|for (?:[\w&-]+ ){0,3}(?:brands|retailers|banks|insurers|lenders|merchants|manufacturers|restaurants|hospitals|companies|businesses|enterprises|institutions|clients|customers))\b/i;

/** A heading that opens the company's account of itself ("About us", "Company Description", "Who we are"). */
const aboutCompanyHeading =
  /^(?:about(?! (?:the |this |your )?(?:team|role|job|position|you|opportunity|the work|department|group))\b|company|who we are|our (?:story|company|mission|purpose)|overview|company overview|the company|description)/i;

/** How far into a sentence its subject and verb can reach (a lead-in clause, a six-word name, the verb). */
const subjectReach = 240;

const missionLine = /\b(?:mission|purpose|vision)\s+is\b/i;

/**
 * A sentence about the candidate or a duty ("You have ...", "Experience with ...", "Design and build ..."): it says
 * what the job touches, whatever section it sits in (a posting run together on one line has no sections).
 */
const roleSentence =
  /^[\s*_#>"“•·-]*(?:you|your|you['’](?:ll|re|ve|d)|candidates?|applicants?|the (?:ideal|successful|selected) candidate|(?:hands-on |proven |demonstrated |strong |solid |deep |working |prior |previous )?(?:experience|knowledge|familiarity|proficiency|expertise|understanding|ability)|bachelor['’]?s?|master['’]?s?|ph\.?d|degree|\d+\+?\s*(?:\+\s*)?years?|minimum|preferred|required|must|nice to have|bonus|plus|ideally|responsibilities|requirements|qualifications|(?:design|build|develop|implement|collaborate|partner|work|lead|own|drive|create|maintain|support|analy[sz]e|deploy|write|manage|mentor|conduct|perform|provide|ensure|identify|define|translate|communicate|present|research|evaluate|monitor|optimi[sz]e|prepare|assist|participate|use|leverage|apply|help|contribute|deliver|improve|establish|extract|report)(?:s|ing)?)\b/i;
const roleWeight = 0.35;

/** Leave, insurance and the like: a benefits line wherever it sits. */
const perkSentence =
  /\b(?:benefits?|perks?|(?:parental|maternity|paternity|bereavement|sick|medical|family|caregiver) leave|401\(?k\)?|paid time off|pto|vacation|dental|reimbursement|stipend|allowance|wellness program)\b/i;

/** What follows the customers: what the company does for them ("helps small businesses | grow"). */
const customersEnd = /\s(?:to|by|with|through|via|so that|and (?:we|our|it))\s|[.;:!?](?:\s|$)/;

function customerSpan(
  text: string,
  offset: number,
  from: number,
): { customersFrom: number; customersTo: number } {
  const trigger = customerTrigger.exec(text.slice(from));
  if (trigger === null)
    return { customersFrom: Number.POSITIVE_INFINITY, customersTo: Number.POSITIVE_INFINITY };
  const start = from + trigger.index;
  const rest = text.slice(start + trigger[0].length);
  const end = customersEnd.exec(rest);
  return {
    customersFrom: offset + start,
    customersTo: offset + start + trigger[0].length + (end === null ? rest.length : end.index),
  };
}

function readSentence(
  sentence: PostingSentence,
  names: readonly string[],
  aboutOpening: boolean,
): SentenceReading {
  const text = sentence.text;
  let customers = customerSpan(text, sentence.start, 0);
  // The subject opens the sentence: a long run-together paragraph need not be scanned past its start.
  const opening = text.length > subjectReach ? text.slice(0, subjectReach) : text;
  const lead = leadIn.exec(opening)?.[0].length ?? 0;
  verbPattern.lastIndex = lead;
  for (let tries = 0; tries < 3; tries++) {
    const verb = verbPattern.exec(opening);
    if (verb === null) break;
    const kind = subjectKind(opening.slice(lead, verb.index), names);
    if (kind === null) continue;
    const word = verb[1] ?? '';
    const copular = copulas.has(word);
    const afterVerb = verb.index + verb[0].length;
    const rest = copularBusiness.exec(opening.slice(afterVerb));
    if ((copular && rest === null) || perkWord.test(text)) break;
    const headAt = afterVerb + (rest?.[0].length ?? 0);
    const headStart = sentence.start + headAt;
    const headEnd = headStart + headEndIn(text.slice(headAt));
    // The subject is never a customer: a trigger inside it ("Serving Canadians since 1887, X is") does not count.
    if (customers.customersFrom < headStart) customers = customerSpan(text, sentence.start, headAt);
    // A capitalised subject that is not the employer's name may be a program or a product ("Live Better U is a").
    const weight = kind === 'other-name' && names.length > 0 ? moderateWeight : strongWeight;
    return { weight, headStart, headEnd: copular ? headEnd : -1, ...customers };
  }
  if (perkSentence.test(text)) return { weight: perkWeight, headStart: -1, headEnd: -1, ...customers };
  if (aboutOpening || missionLine.test(text))
    return { weight: moderateWeight, headStart: -1, headEnd: -1, ...customers };
  if (roleSentence.test(text)) return { weight: roleWeight, headStart: -1, headEnd: -1, ...customers };
  return { weight: 1, headStart: -1, headEnd: -1, ...customers };
}

/**
 * Reads the sentences of a posting for what they say about the employer's business, each when first asked for (most
 * sentences hold no industry cue and are never read). `names` are the ways the posting names its employer, so
 * "Acme's mission is" counts as the company speaking.
 */
export function readBusinessStatements(
  structure: PostingStructure,
  names: readonly string[],
): (index: number) => SentenceReading | undefined {
  // The first three sentences under an "About us" heading open the company's account of itself.
  const aboutOpenings = new Set<number>();
  const openingsSeen = new Map<string, number>();
  structure.sentences.forEach((sentence, index) => {
    if (sentence.heading === null || !aboutCompanyHeading.test(sentence.heading.trim())) return;
    const seen = openingsSeen.get(sentence.heading) ?? 0;
    openingsSeen.set(sentence.heading, seen + 1);
    if (seen < 3) aboutOpenings.add(index);
  });
  const readings = new Map<number, SentenceReading>();
  return (index) => {
    const sentence = structure.sentences[index];
    if (sentence === undefined) return undefined;
    let reading = readings.get(index);
    if (reading === undefined) {
      reading = readSentence(sentence, names, aboutOpenings.has(index));
      readings.set(index, reading);
    }
    return reading;
  };
}
