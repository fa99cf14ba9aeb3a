import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { findCompany, isAgencyPosting } from './find-company.js';
import { findHiringManager } from './find-hiring-manager.js';
import { findRequiredTools } from './find-required-tools.js';
import { findRole } from './find-role.js';
import { findToolMentions } from './find-tools.js';
import { findDefinedProducts, findNames, type NamedThing } from './hook-names.js';
import { readHook } from './hook-phrase.js';
import { letterDirective } from './letter-directive.js';
import type { Posting } from './posting.js';
import type { Hook, PostingAnalysis } from './posting-analysis.js';
import { type PostingSentence, type PostingStructure, readPostingStructure } from './posting-sections.js';

/** A candidate must score at least this to be the hook: something specific, not a mission statement. */
const hookThreshold = 5;

const hiringTalk =
  /\b(?:we are looking for|we['’]re looking for|we are hiring|we['’]re hiring|is hiring|are hiring|looking for an?|(?:is|are) seeking|join (?:us|our|the)|ideal candidate|apply|you will be|this role|the role|candidates?)\b/i;
const praise =
  /\b(?:leading|world-class|best-in-class|innovative|passionate|mission|values|culture|fast-paced|exciting|cutting-edge|industry-leading|award-winning|great place)\b/i;
const presentBuild =
  /\b(?:team|we|group|lab)\s+(?:builds|build|owns|own|runs|powers|develops|designs|ships|maintains)\b/i;
const timeMarker =
  /\b(?:this year|next year|this quarter|next quarter|this spring|this summer|this fall|this autumn|this winter|in 20\d\d|by (?:the end of )?20\d\d|by the end of|over the next|currently|right now|new|next-generation|next generation|first)\b/i;
/** Nouns of things a company builds or the problems it works on: what makes a project concrete. */
const workNoun =
  /\b(?:platform|engine|models?|system|service|feature store|layer|forecasts?|forecasting|alerts?|recommendations?|recommenders?|search|ranking|pricing|prices|app|product|marketplace|pipeline|assistant|checkout|feeds?|autoplay|scoring|detection|personali[sz]ation|inference|redesign|migration|matching|tool(?:ing)?|dashboard|database|record|warehouse|lakehouse|api|sdk|infrastructure|algorithms?|classifiers?|extraction|verification|optimi[sz]ation|segmentation|allocation|valuation|underwriting|routing|simulators?|framework|registry|store|card|wallet|churn|waste|fraud|recognition|transcription|documentation|querying|queries|monitoring|screening|prediction|estimation|attribution|replenishment|inventory|delivery|payments?|lending|claims|credit|extraction|classification|summari[sz]ation|translation|chatbot|copilot|planner|editor|engine|center|centre|network|sensors?|imagery|maintenance|analytics|experimentation|onboarding|reporting|tracking|navigation|mapping|identity|authentication|compliance|trading|compute|storage|ledger|index|catalog|catalogue|content|ads|advertising|bidding|auctions?|logistics|fulfil?ment|supply chain)s?\b/gi;
/** What a sentence says when it talks about the company's ambitions, not a thing it is building. */
const missionWord =
  /(?<!-)\b(?:world|the way (?:people|we|you|they|our|businesses|companies)|future|lives|planet|society|everyone|communities|community|difference|impact|era|pie|better place|best place|workplace|journey|movement|mission|vision|values|culture|careers?|talent|trust|fit|foundation|growth|success|satisfaction|engagement|significant|meaningful|lasting|amazing|incredible|exceptional|remarkable|impactful|successful|thriving|enduring|fast|quickly|rapidly|work)\b/i;
/** Heads that make a mission line when they are what is built: "transforming the business banking market". */
const missionHead =
  /(?<!-)\b(?:business|businesses|company|companies|brand(?!\s+new)|markets?|industry|industries|teams?|opportunit(?:y|ies)|relationships?|problems?|ways?|way|charge|economy|environment)\b/i;
/** "growing all the time", "developing at blinding speed": the verb has no object, so nothing is being built. */
const notAnObject =
  /^(?:at|in|on|all|every|fast|quickly|rapidly|rapid|across|around|into|to|with|by|from|for|globally|internationally|steadily|further|again|together|alongside|and|or|as|like|more|even|beyond|over|up|out|here|there|now|today)(?=\s|$)/i;
const secondPerson = /^(?:you|you['’]ll|your)\b/i;
/** "The Data Analyst will build that dashboard": the hire's duties, not the company's initiative. */
const hireWill =
  /\b(?:engineer|scientist|analyst|developer|hire|candidate|you|specialist|manager|person)\s+will\b/i;

/** Name words too common to make a team specific on their own: "the Data team", "our AI team". */
const genericNameWords = new Set([
  'ai',
  'ml',
  'data',
  'engineering',
  'product',
  'products',
  'tech',
  'technology',
  'digital',
  'it',
  'software',
  'analytics',
  'science',
  'global',
  'core',
  'new',
  'team',
  'one',
  'americas',
  'emea',
  'apac',
  'latam',
  'us',
  'usa',
  'uk',
  'eu',
  'europe',
  'european',
  'north',
  'south',
  'america',
  'american',
  'canada',
  'canadian',
  'international',
  'regional',
  'local',
  'corporate',
  'enterprise',
  'expert',
  'experts',
  'effective',
  'great',
]);
/** Names that are about hiring, benefits or HR, never the work: "Talent Acquisition team", "Employee Assistance Program". */
const offTopicName =
  /\b(?:talent|recruit\w*|hiring|human resources|hr|people operations|people team|benefits?|total rewards|wellness|wellbeing|well-being|assistance|reimbursement|referral|retirement|pension|401|insurance plan|savings|stock|purchase|bonus|incentive|leave|parental|tuition|commuter|discount|mentor\w*|internship|graduate|apprentice\w*|accommodation|e-verify|equal|diversity|inclusion|employee resource|erg|certificates?|certifications?|degrees?|diploma|courses?|curriculum|personnel|payroll|volunteer\w*|sponsorship|visa|fair chance|privacy|cookie)\b/i;

/** Who or what the posting is about, to judge a candidate by: the employer's name and the job title's words. */
interface HookContext {
  readonly companyWords: ReadonlySet<string>;
  /** "Lakeview is ...": a sentence whose subject is the employer. */
  readonly companyLead: RegExp;
  readonly titleWords: ReadonlySet<string>;
  readonly text: string;
  /** The text in lower case on one line, for counting mentions (made on first use). */
  flatText: string | null;
  /** The words the posting uses as places, in lower case (made on first use). */
  places: Set<string> | null;
}

interface Candidate {
  readonly source: HookSource;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly order: number;
}

/** A sentence without Markdown emphasis, link targets or line wrapping: the words as a reader sees them. */
function readable(text: string): string {
  return text
    .replace(/\]\([^)]*\)/g, '')
    .replace(/[[\]]/g, '')
    .replace(/[*_`#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}&+-]*/gu) ?? []).filter((word) => word.length > 1);
}

const stakeholderBefore =
  /\b(?:with|alongside|between|and|across|to|from|by)\s+(?:the\s+|our\s+|\S+['’]s\s+)?(?:broader\s+|wider\s+|other\s+)?$/i;
const joinBefore = /\bjoin(?:s|ing)?\s+(?:one of\s+)?(?:the\s+|our\s+|\S+['’]s\s+)?$/i;
const memberBefore =
  /\b(?:member of|members of|part of|within|on|in|for|lead(?:ing)? of|into|inside)\s+(?:one of\s+)?(?:the\s+|our\s+|\S+['’]s\s+)?$/i;
/** "support our PCREF programme", "you will build our new X": the hire works on the thing itself. */
const workOnBefore =
  /\b(?:support(?:s|ing)?|deliver(?:s|ing)?|lead(?:s|ing)?|driv(?:e|es|ing)|work(?:s|ing)? on|contribut(?:e|es|ing) to|build(?:s|ing)?|develop(?:s|ing)?|shap(?:e|es|ing)|scal(?:e|es|ing)|own(?:s|ing)?|improv(?:e|es|ing)|enhanc(?:e|es|ing)|evolv(?:e|es|ing)|launch(?:es|ing)?|roll(?:s|ing)? out)\s+(?:the\s+|our\s+|\S+['’]s\s+)?(?:new\s+|next[- ]generation\s+)?$/i;
const aboutBefore = /\babout\s+(?:the\s+|our\s+)?$/i;
const subjectAfter =
  /^(?:['’]s?\s+(?:mission|goal|purpose|focus|work|charter)\b|\s+(?:is|are|was|has|have|will|works?|focus(?:es)?|builds?|owns?|exists|holds?|creates?|arms|addresses|researches|embeds|sits|provides|drives|represents|develops|designs|manages|leads|powers|supports|uses|delivers|runs|makes|brings|plays|enables|protects|optimizes|partners|operates|combines|applies|consists|comprises|specializes|specialises|tackles|solves|sets|looks|seeks|aims|strives|collaborates)\b)/i;

/** How good a named team, product or program is as the hook, from the name and the words around it. */
function nameScore(
  named: NamedThing,
  clean: string,
  sentence: PostingSentence | null,
  context: HookContext,
): number | null {
  const head = named.head.toLowerCase();
  const nameWords = wordsOf(named.name).filter(
    (word) => word !== head && !/^(?:and|of|for|the|&)$/.test(word),
  );
  const specific = nameWords.filter((word) => !genericNameWords.has(word) && !context.companyWords.has(word));
  let score: number;
  if (!named.proper) score = 2;
  // "our Engineering team", "the AI team": generic words name no team in particular.
  else if (named.kind === 'unit' && specific.length === 0 && nameWords.length < 2) return null;
  else if (named.kind === 'unit') score = specific.length > 1 ? 5 : specific.length === 1 ? 4 : 2;
  else if (specific.length === 0) return null;
  else score = specific.length > 1 ? 5 : 4;
  const before = clean.slice(Math.max(0, named.start - 60), named.start);
  const after = clean.slice(named.end, named.end + 40);
  let cue = true;
  if (joinBefore.test(before)) score += 3;
  else if (named.kind !== 'unit' && workOnBefore.test(before)) score += 2;
  else if (aboutBefore.test(before)) score += 2;
  else if (memberBefore.test(before)) score += 1;
  else if (stakeholderBefore.test(before)) score -= 2;
  else cue = false;
  if (/\b(?:partner\w*|collaborat\w*|liais\w*|coordinat\w*|interfac\w*|closely)\s+with\b/i.test(before))
    score -= 2;
  if (subjectAfter.test(after)) score += 2;
  else if (!cue && named.determiner === null) score -= 1;
  if (named.determiner === 'our' || (named.determiner?.endsWith('’s') ?? false)) score += 1;
  if (specific.some((word) => context.titleWords.has(word))) score += 2;
  // "join our Krakow team": a team named for its city is where, not what.
  if (specific.length === 1 && isPlace(context, specific[0] as string)) score -= 3;
  if (sentence === null || sentence.section === 'about') score += 1;
  context.flatText ??= context.text.replace(/\s+/g, ' ').toLowerCase();
  if (countMentions(context.flatText, named.name) >= 2) score += 1;
  return score;
}

/** Capitalised words the posting uses as places: "in Krakow", "(Austin)", "Austin, TX". */
const placePattern =
  /\b(?:in|based in|located in|offices? in)\s+(\p{Lu}\p{Ll}+)\b|\((\p{Lu}\p{Ll}+)\)|\b(\p{Lu}\p{Ll}+),\s+[A-Z]{2}\b/gu;

function placesOf(text: string): Set<string> {
  const places = new Set<string>();
  for (const match of text.matchAll(placePattern)) {
    const place = match[1] ?? match[2] ?? match[3];
    if (place !== undefined) places.add(place.toLowerCase());
  }
  return places;
}

/** True when `at` starts a whole word of `text` that is `word`. */
function wholeWordAt(text: string, at: number, word: string): boolean {
  const before = text[at - 1] ?? ' ';
  const after = text[at + word.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** A word the posting writes only capitalised and uses as a place: "Krakow" in "join our Krakow team ... in Krakow". */
function isPlace(context: HookContext, word: string): boolean {
  context.places ??= placesOf(context.text);
  if (!context.places.has(word)) return false;
  for (let at = context.text.indexOf(word); at !== -1; at = context.text.indexOf(word, at + 1))
    if (wholeWordAt(context.text, at, word)) return false;
  return true;
}

/** How often the posting says the name (case and line breaks aside). */
function countMentions(flatText: string, name: string): number {
  const needle = name.toLowerCase();
  let count = 0;
  for (let at = flatText.indexOf(needle); at !== -1; at = flatText.indexOf(needle, at + needle.length))
    count++;
  return count;
}

/** A project phrase names something concrete: a product noun or a name, not the world or the future. */
/** A cut phrase that ends on a describing word ("creating a supportive", "solutions related") lost its noun. */
const danglingEnd = /(?:ive|ed|ful|ous|related|based|driven|focused|like)$/i;

/**
 * A project phrase names something concrete, not the world or the future: an object of two words or more that is
 * neither a mission line nor an adverb ("growing fast"). `announced` (the company says it is doing it) is enough;
 * otherwise the object must name a product, a problem or a name.
 */
function isConcrete(phrase: string, announced: boolean): boolean {
  const object = phrase.replace(/^[a-z]+ing(?: out| up)?\s+/, '');
  const head =
    object.split(/\s+(?:for|to|in|on|at|with|across|from|of|into|by|that|which|where)\s+/)[0] ?? object;
  if (missionWord.test(object) || missionHead.test(head) || praise.test(object)) return false;
  if (vagueThing.test(head)) return false;
  // "moving from zone-based prices set by hand to dynamic pricing": a change from one thing to another.
  if (notAnObject.test(object) && !/^from\s.+\sto\s/.test(object)) return false;
  if (object.split(' ').length < 2 || danglingEnd.test(object)) return false;
  if (announced) return true;
  workNoun.lastIndex = 0;
  return workNoun.test(object) || /\s\p{Lu}/u.test(` ${object}`);
}

const strongKinds = new Set(['progressive', 'future', 'ambition', 'labelled', 'purpose']);

/** How specific a sentence is about what the company is building, and the phrase for it. */
/** "this year", "next quarter", "in 2026": an initiative with a date is one under way. */
const dated =
  /\b(?:this|next) (?:year|quarter|spring|summer|fall|autumn|winter|month)|\bin 20\d\d\b|\bby (?:the end of )?(?:20\d\d|Q[1-4])|\bover the next\b|\blater this year\b/i;
/** Who announces it: the company ("we", "Acme", "the team"), not the hire. */
const companySubject =
  /(?:^|\s)(?:we|we['’]re)\s|^(?:our|the)\s+(?:[\p{L}&-]+\s+){0,4}(?:team|group|lab|organi[sz]ation|department|division|company)\s+(?:is|are)\s/iu;
/** "building solutions", "new technology": a thing with no name or use is not a project. */
const vagueThing =
  /^(?:(?:the|its|a|an|new|innovative|great|better|brand new|cutting-edge|next-generation|modern)\s+)*(?:solutions?|products?|technology|technologies|things|tools|software|systems?|features?|capabilities|services?)$/i;
/** Verbs too general to announce a project on their own: "we're taking part in ...", "we are growing ...". */
const vagueVerbs = /^(?:taking|growing|transforming|reinventing|reimagining|investing in|improving)\b/i;
/** "you will build our new X", "You'll help launch Project Y": the hire's part in a named or new thing. */
const newThing = /^(?:the|its) (?:new|next[- ]generation|first)\b|\p{Lu}\p{Ll}+\p{Lu}|\s\p{Lu}/u;
/** A list after a colon counts when what precedes it says it is what the team builds. */
const buildsList =
  /\b(?:builds?|building|develops?|own|owns|runs?|ships?|powers?|launch\w*|work(?:s|ing)? on|what you['’]ll build|the project|projects?|products?|tools?|systems?|platforms?)\b[^:]*:/i;

/** How specific a sentence is about what the company is building, and the phrase for it. */
function projectScore(
  sentence: PostingSentence,
  clean: string,
  context: HookContext,
): { score: number; phrase: string } | null {
  const words = clean.split(' ').length;
  if (words < 5 || notAboutTheWork.test(clean) || cultureLine.test(clean)) return null;
  const reading = readHook(clean);
  if (reading === null || reading.phrase === null) return null;
  // Hiring talk says who is wanted; it counts only when it names the work the hire is for.
  if (hiringTalk.test(clean) && reading.kind !== 'purpose') return null;
  if (reading.kind === 'list' && !buildsList.test(clean)) return null;
  const hire = hireWill.test(clean) || secondPerson.test(clean);
  const byCompany = companySubject.test(clean) || context.companyLead.test(clean);
  const announced = !hire && reading.kind === 'progressive' && byCompany && !vagueVerbs.test(reading.phrase);
  if (reading.kind !== 'labelled' && reading.kind !== 'list' && !isConcrete(reading.phrase, announced))
    return null;
  // The hire's future duties are a project only when they name a new or named thing.
  if (reading.kind === 'future' && hire && !newThing.test(reading.phrase)) return null;
  // A project the company says it is doing now says more than the name of the team doing it.
  let score = announced || reading.kind === 'labelled' ? 12 : strongKinds.has(reading.kind) ? 5 : 3;
  if (!announced && (byCompany || presentBuild.test(clean))) score += 1;
  if (dated.test(clean)) score += 2;
  else if (timeMarker.test(clean)) score += 1;
  workNoun.lastIndex = 0;
  score += Math.min(2, reading.phrase.match(workNoun)?.length ?? 0);
  if (praise.test(clean)) score -= 2;
  if (hire) score -= 1;
  if (sentence.section === 'duties' || (sentence.bullet && reading.kind !== 'labelled')) score -= 1;
  if (words > 60) score -= 1;
  return { score, phrase: reading.phrase };
}

function eligible(sentence: PostingSentence): boolean {
  if (sentence.boilerplate || sentence.section === 'benefits' || sentence.section === 'legal') return false;
  if (sentence.section === 'requirements' || sentence.section === 'optional') return false;
  return !letterDirective.test(sentence.text);
}

/** A sentence that asks for a skill ("Experience with the Salesforce platform") or points elsewhere ("Visit our blog"). */
const notAboutTheWork =
  /^(?:demonstrated|experience|experienced|proven|knowledge|familiarity|familiar|ability|able|strong|excellent|proficiency|proficient|understanding|expertise|working knowledge|exposure|background|maintain awareness|must|should|ideally|preferably|bonus|plus)\b|\b(?:visit (?:our|us|the|www|https?)|check out|follow us|learn more|find out|read more|click (?:here|apply|the|on|below)|awards?|awarded|ranked|recogni[sz]ed (?:as|by)|named (?:one of|a|the|to)|winners?|(?:best|top)\s+(?:\d+\s+)?(?:places?|compan\w+|employers?|workplaces?|software|products?|startups?))\b/i;
/** Culture, community and perks lines: a program there is an employee program, not the work. */
const cultureLine =
  /\b(?:diversity|inclusion|inclusive|belonging|all voices|unique perspectives|volunteer\w*|charit(?:y|ies|able)|well-?being|wellness|giv(?:e|ing) back|employee resource|hackathons?|social events?|happy hours?|offsites?|perks|mentor(?:ing|ship) program)\b/i;

function namesIn(clean: string, context: HookContext, playbooks: PlaybookSet | null): NamedThing[] {
  if (notAboutTheWork.test(clean) || cultureLine.test(clean)) return [];
  const names = [
    ...findNames(clean, context.companyWords),
    ...findDefinedProducts(clean, context.companyWords),
  ];
  return names.filter((named) => {
    if (offTopicName.test(named.name)) return false;
    // "the Databricks platform", "Google Cloud Platform": a tool the posting asks for, not the company's work.
    return playbooks === null || findToolMentions(named.name, playbooks.common.tools).length === 0;
  });
}

function contextOf(
  posting: Posting,
  company: string | null,
  role: string | null,
  structure: PostingStructure | null,
): HookContext {
  const titleText = [role ?? '', ...(structure?.titleLines.slice(0, 2) ?? [])].join(' ');
  const companyWords = new Set(wordsOf(company ?? ''));
  const titleWords = new Set(
    wordsOf(titleText).filter((word) => !genericNameWords.has(word) && !companyWords.has(word)),
  );
  const first = (company ?? '').split(/\s+/)[0]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') ?? '';
  const companyLead = first === '' ? /$^/ : new RegExp(`^${first}\\b[^,.;:]{0,40}?\\s(?:is|are)\\s`);
  return { companyWords, companyLead, titleWords, text: posting.text, flatText: null, places: null };
}

/** What a hook is read against: the employer, the role, the layout and the vocabulary. All optional. */
export interface HookReadingContext {
  readonly company?: string | null;
  readonly role?: string | null;
  readonly structure?: PostingStructure | null;
  readonly playbooks?: PlaybookSet | null;
}

/**
 * The posting's most specific named team, product, program or project, as a hook, or null. Candidates are the named
 * things in its sentences and headings ("the Risk Intelligence team", "Project Relay") and the concrete projects it
 * announces ("we are building a real-time fraud platform"); each is scored for how specific it is and how the posting
 * introduces it (joining it, about it, the subject of a sentence, named in the title), and the best one above the
 * bar wins. Mission lines, benefits and the hire's generic duties never qualify.
 */
export function findHookSentence(
  posting: Posting,
  sentences: readonly PostingSentence[],
  options: HookReadingContext = {},
): Hook | null {
  const [best] = rankHookCandidates(posting, sentences, options);
  if (best === undefined || best.score < hookThreshold) return null;
  return { text: best.text, evidence: best.evidence };
}

/** Where a candidate comes from: a named team, product or program, or a project the posting announces. */
export type HookSource = 'name' | 'project';

/** A scored hook candidate: the phrase, the verbatim sentence or heading it comes from, and its score. */
export interface RankedHook extends Hook {
  readonly source: HookSource;
  readonly score: number;
}

/** Every hook candidate of the posting, best first (ties: the earlier one). */
export function rankHookCandidates(
  posting: Posting,
  sentences: readonly PostingSentence[],
  options: HookReadingContext = {},
): RankedHook[] {
  const structure = options.structure ?? null;
  const context = contextOf(posting, options.company ?? null, options.role ?? null, structure);
  const playbooks = options.playbooks ?? null;
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, order) => {
    if (!eligible(sentence)) return;
    const clean = readable(sentence.text);
    // The team a sentence is about ("Our Clinical Data Science team builds ..."), when a name opens it.
    let subject = Number.NEGATIVE_INFINITY;
    for (const named of namesIn(clean, context, playbooks)) {
      const score = nameScore(named, clean, sentence, context);
      if (score === null) continue;
      candidates.push({
        source: 'name',
        text: named.text,
        start: sentence.start,
        end: sentence.end,
        score,
        order,
      });
      if (named.start <= 4 && subjectAfter.test(clean.slice(named.end, named.end + 40))) subject = score;
    }
    const project = projectScore(sentence, clean, context);
    if (project === null) return;
    // What a named team builds says more than its name: "sepsis alerts, readmission risk, and staffing forecasts".
    const score = Math.max(project.score, subject + 1);
    candidates.push({
      source: 'project',
      text: project.phrase,
      start: sentence.start,
      end: sentence.end,
      score,
      order,
    });
  });
  for (const heading of structure?.headings ?? []) {
    if (heading.section === 'benefits' || heading.section === 'legal') continue;
    const clean = readable(heading.text);
    const following = sentences.findIndex((sentence) => sentence.start > heading.start);
    for (const named of namesIn(clean, context, playbooks)) {
      const score = nameScore(named, clean, null, context);
      if (score === null) continue;
      const order = following === -1 ? sentences.length : following;
      candidates.push({
        source: 'name',
        text: named.text,
        start: heading.start,
        end: heading.end,
        score,
        order,
      });
    }
  }
  return candidates
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((candidate) => ({
      source: candidate.source,
      text: candidate.text,
      evidence: posting.text.slice(candidate.start, candidate.end).trim(),
      score: candidate.score,
    }));
}

/**
 * Stage 2 offline: the company, role, hiring manager, required tools and the hook. A recruiter's posting for an
 * unnamed client has no company and no hook, so a letter never praises the wrong firm.
 */
export function findHook(posting: Posting, playbooks: PlaybookSet): PostingAnalysis {
  const structure = readPostingStructure(posting.text, playbooks.common);
  const agency = isAgencyPosting(posting.text);
  const company = findCompany(posting.text, structure);
  const role = findRole(posting.text, structure);
  return {
    company,
    role,
    hiringManager: findHiringManager(posting.text),
    hook: agency
      ? null
      : findHookSentence(posting, structure.sentences, { company, role, structure, playbooks }),
    requiredTools: findRequiredTools(posting.text, structure, playbooks.common),
  };
}
