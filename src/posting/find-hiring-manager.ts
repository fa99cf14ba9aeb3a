import { withoutAddresses } from '../text/without-addresses.js';

/**
 * The person a posting names to write to, or who the role reports to: "Hiring manager: Maya Chen", "reach out to the
 * hiring manager, Dana Whitfield", "reports to Luis Ortega, VP of Data", "Contact: Name", "informal visits ... Name:
 * Emma Powell", "questions ... to Fernanda Prado e Silva (fernanda.prado@...)". Only a name the posting writes is
 * ever given: a title ("the Head of Data Science") is not a name, and nothing is invented.
 */

/** Small words inside a person's name ("Fernanda Prado e Silva", "Anne van der Berg"). */
const particles = new Set([
  'e',
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'al',
  'y',
]);

/** Words that open a title, a team or a place rather than a name ("the Head of Data", "Talent Acquisition"). */
const notNameWords = new Set(
  (
    'head director vp vice chief senior lead manager principal staff our the a an machine data engineering product ' +
    'team model credit risk internal hiring recruiting recruitment talent acquisition people human resources hr ' +
    'global group platform partner partners recruiter recruiters department office service services support desk ' +
    'careers career jobs job applications application apply questions information email e-mail phone website portal ' +
    'link page us you we they this that it here there please thank thanks dear sincerely regards best team ' +
    'president officer executive associate analyst engineer scientist specialist coordinator consultant advisor ' +
    'director, of and for in on at to with by from via or customer client clients candidates candidate applicants ' +
    'university college school hospital trust bank inc llc ltd company corporation group digital analytics ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december street road avenue suite floor'
  ).split(' '),
);

const nameWord = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
/** Two or three capitalised words, with particles, a middle initial or a double-barrelled surname. */
const honorific = '(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\\.?[ \\t]+)?';
const personName = `${nameWord}(?:[ \\t]+\\p{Lu}\\.)?(?:[ \\t]+(?:(?:${[...particles].join('|')})[ \\t]+)?${nameWord}){1,2}(?:[ \\t]+-[ \\t]+${nameWord})?`;

/** An alternation of plain phrases that matches them with either case of each word's first letter. */
function phrases(...list: string[]): string {
  const words = list.map((phrase) =>
    phrase
      .split(' ')
      .map((word) => (/^[a-z]/.test(word) ? `[${word[0]}${word[0]?.toUpperCase()}]${word.slice(1)}` : word))
      .join('\\s+'),
  );
  return `(?:${words.join('|')})`;
}

/** Labels of a contact field: "Hiring manager: Maya Chen", "Hiring Supervisor: Larry Burns", "Name: Emma Powell". */
const contactLabel = phrases(
  'hiring manager',
  'hiring supervisor',
  'hiring lead',
  'line manager',
  'reporting manager',
  'contact person',
  'contact name',
  'contact details',
  'point of contact',
  'recruiting contact',
  'hiring contact',
  'your contact',
  'contact',
  'lead recruiter',
  'talent partner',
  'recruiter',
  'questions?',
  'informal visits contact',
  'informal visits',
  'informal enquiries',
  'informal inquiries',
  'enquiries',
  'inquiries',
  'ansprechpartnerin',
  'ansprechpartner',
  'name',
);

/** Who the person is, before their name: "the hiring manager, Dana Whitfield". */
const seniorRole =
  '(?:[Hh]ead|VP|[Vv]ice [Pp]resident|[Dd]irector) of [\\p{L}& ]{2,40}?|[Cc]hief [\\p{L} ]{2,30}? [Oo]fficer';
const personRole = phrases(
  'hiring manager',
  'recruiter',
  'talent acquisition partner',
  'talent partner',
  'hiring lead',
  'line manager',
  'manager',
  'director',
);

/** What a posting asks the reader to do with the person: "please contact Anne Merel Oosterbroek". */
const reachVerb = phrases(
  'contact',
  'reach out to',
  'write to',
  'email',
  'e-mail',
  'speak to',
  'speak with',
  'talk to',
  'turn to',
  'direct any questions to',
  'direct your questions to',
  'direct questions to',
  'address your letter to',
  'address your application to',
  'addressed to',
);

/** Phrases that introduce the person; each captures the name that follows. */
const introductions: readonly RegExp[] = [
  new RegExp(
    `(?:^|\\n|\\s{2,}|[.!?]\\s+)[ \\t*_]*${contactLabel}[ \\t*_]*(?:is\\s+)?[:–—-]?[ \\t*_]*${honorific}(${personName})`,
    'gu',
  ),
  // "Name\nHelen Thomas\nJob title\n...": a form whose values sit on the line under their labels.
  new RegExp(
    `(?:^|\\n)[ \\t]*(?:[Nn]ame|[Cc]ontact(?: name| person)?|[Hh]iring manager)[ \\t]*:?[ \\t]*\\n+[ \\t]*${honorific}(${personName})[ \\t]*(?=\\n|$)`,
    'gu',
  ),
  // "NameEva SalmJob title...": a scraped table ran its labels into the values.
  new RegExp(`Name(${personName})(?=Job title|Email|Title|Phone|Tel)`, 'gu'),
  // "reach out to the hiring manager, Dana Whitfield", "contact our recruiter, Sam Ortiz".
  new RegExp(
    `\\b(?:[Tt]he|[Oo]ur|[Yy]our)\\s+(?:${personRole},?|(?:${seniorRole}),)\\s+${honorific}(${personName})(?=\\s*[,.;(]|\\s+(?:at|via|on|by|who|will|is)\\b|\\s*$)`,
    'gu',
  ),
  // "please contact Anne Merel Oosterbroek, Head ...", "Contact Kevin Lindijer at ...", "send your CV to Name".
  new RegExp(
    `(?:\\b${reachVerb}|\\b(?:[Ss]end(?:ing)?|[Ee]mail(?:ing)?|[Ss]ubmit(?:ting)?)\\s+(?:your |a )?(?:CV|cv|[Rr]esume|[Rr]ésumé|[Aa]pplication|cover letter|questions)[^.\\n]{0,40}?\\bto|(?:[Qq]uestions|[Ee]nquiries|[Ii]nquiries)[^.\\n]{0,60}?\\bto)\\s+(?:[\\p{L}+& ]{0,50}?\\s+-\\s+)?${honorific}(${personName})`,
    'gu',
  ),
  // "reports to Luis Ortega, VP of Data", "managed by Name", "you will work closely with Name,".
  new RegExp(
    `\\b(?:report(?:s|ing)? (?:directly )?(?:in)?to|managed by|led by|under the (?:direction|supervision) of|you(?:['’]ll| will) (?:work|partner) (?:closely |directly )?with)\\s+(?:our\\s+[\\p{L} ]{2,30}?,\\s+)?(${personName})(?=\\s*[,.;(]|\\s+(?:who|and|on|in)\\b|\\s*$)`,
    'gu',
  ),
  // "Name, our Head of Data, will be your manager".
  new RegExp(`(${personName}),\\s+(?:our|the)\\s+[^.\\n]{0,60}?\\bwill be your (?:manager|lead)`, 'gu'),
];

/** "Georgina Broeken - Wilson T: 06 ...", "Fernanda Prado e Silva (fernanda.prado@wolt.com)": a signature. */
const signature = new RegExp(
  `(?:^|\\n|[.!?]\\s+)(${personName})\\s*(?:\\(\\s*[\\w.+-]+@[\\w.-]+\\s*\\)|,?\\s*(?:T|Tel|Phone|M|Mobile)\\s*[:.]\\s*\\+?\\d)`,
  'gu',
);

function cleanPerson(raw: string, text: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  const words = name.split(' ').filter((word) => word !== '-');
  if (words.length < 2 || words.length > 5) return null;
  if (words.some((word) => notNameWords.has(word.toLowerCase()))) return null;
  // Each word a capitalised name, never shouted ("NHSBT") and never a lone initial at the end.
  if (words.some((word) => !particles.has(word) && !/^\p{Lu}(?:\p{Ll}|\.$)/u.test(word))) return null;
  if (/^\p{Lu}\.$/u.test(words[words.length - 1] ?? '')) return null;
  // "Denial Code Manager, Workflow Orchestrator": words the text also writes in lower case are things, not a name.
  const prose = withoutAddresses(text);
  const written = words.filter((word) => !particles.has(word) && /^\p{Lu}\p{Ll}/u.test(word));
  const lowerCase = (word: string): boolean =>
    new RegExp(`(?<![\\p{L}.])${word.toLowerCase()}(?![\\p{L}])`, 'u').test(prose);
  if (written.length > 0 && written.every(lowerCase)) return null;
  return name;
}

/** The name's words in a nearby e-mail address ("Emma.Powell@wales.nhs.uk"): the posting itself confirms it. */
function inEmail(name: string, text: string): boolean {
  const parts = name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((part) => part.length > 2 && !particles.has(part));
  for (const match of text.matchAll(/([\w.+-]+)@[\w.-]+\.[a-z]{2,}/gi)) {
    const local = (match[1] ?? '').toLowerCase();
    if (parts.some((part) => local.includes(part))) return true;
  }
  return false;
}

/**
 * The hiring manager's or contact's name when the posting gives one, else null. Labelled fields and introducing
 * phrases come first; a signature line (a name with a phone number or its own e-mail address) is taken only when the
 * e-mail confirms it.
 */
export function findHiringManager(text: string): string | null {
  let earliest: { name: string; index: number } | null = null;
  for (const pattern of introductions) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1] === undefined ? null : cleanPerson(match[1], text);
      if (name === null) continue;
      if (earliest === null || match.index < earliest.index) earliest = { name, index: match.index };
      break;
    }
  }
  if (earliest !== null) return earliest.name;
  for (const match of text.matchAll(signature)) {
    const name = match[1] === undefined ? null : cleanPerson(match[1], text);
    if (name !== null && (/@/.test(match[0]) || inEmail(name, text) || /\d/.test(match[0]))) return name;
  }
  return null;
}
