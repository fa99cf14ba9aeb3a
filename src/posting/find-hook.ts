import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { findCompany, isAgencyPosting } from './find-company.js';
import { findHiringManager } from './find-hiring-manager.js';
import { findRequiredTools } from './find-required-tools.js';
import { findRole } from './find-role.js';
import { readHook } from './hook-phrase.js';
import { letterDirective } from './letter-directive.js';
import type { Posting } from './posting.js';
import type { Hook, PostingAnalysis } from './posting-analysis.js';
import { type PostingSentence, readPostingStructure } from './posting-sections.js';

/** A sentence must score at least this to be a hook: something specific, not a mission statement. */
const hookThreshold = 5;

const hiringTalk =
  /\b(?:we are looking for|we['’]re looking for|we are hiring|we['’]re hiring|is hiring|are hiring|looking for an?|(?:is|are) seeking|join (?:us|our|the)|ideal candidate|apply|you will be|this role|the role|candidates?)\b/i;
const praise =
  /\b(?:leading|world-class|best-in-class|innovative|passionate|mission|values|culture|fast-paced|exciting|cutting-edge|industry-leading|award-winning|great place)\b/i;
const presentBuild =
  /\b(?:team|we|group|lab)\s+(?:builds|build|owns|own|runs|powers|develops|designs|ships|maintains)\b/i;
const timeMarker =
  /\b(?:this year|next year|this quarter|next quarter|this spring|this summer|this fall|this autumn|this winter|in 20\d\d|by (?:the end of )?20\d\d|by the end of|over the next|currently|right now|new|next-generation|next generation|first)\b/i;
const productNoun =
  /\b(?:platform|engine|models?|system|service|feature store|layer|forecasts?|alerts?|recommendations?|search|ranking|pricing|fraud|app|product|marketplace|pipeline|assistant|checkout|feeds?|autoplay|scoring|detection|personali[sz]ation|inference|redesign|migration|matching)\b/gi;
const namedThing = /\b(?:Project|Program|Programme|Initiative)\s+[A-Z]|\*\*[A-Z][^*]+\*\*/;
const secondPerson = /^(?:you|you['’]ll|your)\b/i;
/** "The Data Analyst will build that dashboard": the hire's duties, not the company's initiative. */
const hireWill =
  /\b(?:engineer|scientist|analyst|developer|hire|candidate|you|specialist|manager|person)\s+will\b/i;
const strongKinds = new Set(['progressive', 'future', 'ambition', 'labelled', 'purpose']);

interface ScoredReading {
  readonly score: number;
  readonly phrase: string | null;
}

/** How specific a sentence is about what the company is building, and the phrase for it. */
function hookScore(sentence: PostingSentence): ScoredReading | null {
  if (sentence.boilerplate || sentence.section === 'benefits' || sentence.section === 'legal') return null;
  if (sentence.section === 'title' || sentence.section === 'requirements' || sentence.section === 'optional')
    return null;
  const text = sentence.text;
  const words = text.split(/\s+/).length;
  if (words < 5 || letterDirective.test(text)) return null;
  const reading = readHook(text);
  if (reading === null) return null;
  // Hiring talk says who is wanted; it counts only when it names the work the hire is for.
  if (hiringTalk.test(text) && reading.kind !== 'purpose') return null;
  let score = strongKinds.has(reading.kind) ? 5 : 0;
  if (reading.kind === 'future' && hireWill.test(text)) score -= 5;
  if (namedThing.test(text)) score += 3;
  if (presentBuild.test(text)) score += 2;
  if (timeMarker.test(text)) score += 1;
  if (/:\s+[^:]+,[^:]+$/.test(text)) score += 1;
  score += Math.min(2, text.match(productNoun)?.length ?? 0);
  if (praise.test(text)) score -= 2;
  if (secondPerson.test(text.trim())) score -= 2;
  if (sentence.section === 'duties' || (sentence.bullet && reading.kind !== 'labelled')) score -= 1;
  if (words > 60) score -= 1;
  return { score, phrase: reading.phrase };
}

/** The posting's most specific sentence about what the company is building, as a hook, or null. */
export function findHookSentence(posting: Posting, sentences: readonly PostingSentence[]): Hook | null {
  const scored = sentences
    .map((sentence, index) => ({ sentence, index, reading: hookScore(sentence) }))
    .filter((entry) => entry.reading !== null && entry.reading.score >= hookThreshold)
    .sort((a, b) => (b.reading?.score ?? 0) - (a.reading?.score ?? 0) || a.index - b.index);
  for (const { sentence, reading } of scored) {
    if (reading?.phrase === null || reading?.phrase === undefined) continue;
    return { text: reading.phrase, evidence: posting.text.slice(sentence.start, sentence.end) };
  }
  return null;
}

/**
 * Stage 2 offline: the company, role, hiring manager, required tools and the hook. A recruiter's posting for an
 * unnamed client has no company and no hook, so a letter never praises the wrong firm.
 */
export function findHook(posting: Posting, playbooks: PlaybookSet): PostingAnalysis {
  const structure = readPostingStructure(posting.text, playbooks.common);
  const agency = isAgencyPosting(posting.text);
  return {
    company: findCompany(posting.text, structure),
    role: findRole(posting.text, structure),
    hiringManager: findHiringManager(posting.text),
    hook: agency ? null : findHookSentence(posting, structure.sentences),
    requiredTools: findRequiredTools(structure, playbooks.common),
  };
}
