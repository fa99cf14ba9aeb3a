/**
 * Named teams, products, platforms and programs in a posting sentence: "the Ads Relevancy and Ranking team", "our
 * Risk Intelligence team", "the Center for Machine Learning", "Project Relay", "Okta's Customer Identity Cloud (CIC)",
 * "Tempo, an open source distributed tracing backend". Every word of a name is the posting's own; only the
 * determiner in front is chosen so the phrase reads after "work on" in a letter ("our" becomes "its", a bare
 * "Canada Data Team" gets "the").
 */

/** What a name names: a team or department, a product or platform, or a program or project. */
export type NameKind = 'unit' | 'product' | 'program';

export interface NamedThing {
  /** The phrase a letter can use: "the Risk Intelligence team", "its Content Understanding teams", "Project Relay". */
  readonly text: string;
  /** The name without its determiner, as the posting writes it. */
  readonly name: string;
  /** The head word: "team", "platform", "Program". */
  readonly head: string;
  readonly kind: NameKind;
  /** Name words written as a name (capitalised, acronyms), as opposed to a lowercase "compliance team". */
  readonly proper: boolean;
  /** Where the name sits in the cleaned sentence. */
  readonly start: number;
  readonly end: number;
  /** The determiner the posting put before it: "the", "our", a possessive ("Stripe’s"), or null. */
  readonly determiner: string | null;
}

const unitHeads = new Set([
  'team',
  'teams',
  'sub-team',
  'subteam',
  'group',
  'groups',
  'organization',
  'organisation',
  'org',
  'department',
  'division',
  'unit',
  'lab',
  'labs',
  'laboratory',
  'center',
  'centre',
  'institute',
  'practice',
  'squad',
  'pod',
  'tribe',
  'collective',
  'studio',
  'hub',
]);
const productHeads = new Set([
  'platform',
  'platforms',
  'product',
  'products',
  'service',
  'system',
  'systems',
  'engine',
  'engines',
  'app',
  'suite',
  'framework',
  'algorithm',
  'cloud',
  'backend',
  'stack',
  'marketplace',
]);
const programHeads = new Set(['program', 'programme', 'project', 'initiative', 'workstream', 'domain']);

const headKinds = new Map<string, NameKind>([
  ...[...unitHeads].map((word): [string, NameKind] => [word, 'unit']),
  ...[...productHeads].map((word): [string, NameKind] => [word, 'product']),
  ...[...programHeads].map((word): [string, NameKind] => [word, 'program']),
]);

function headKind(word: string): NameKind | null {
  if (word.length < 3 || word.length > 12) return null;
  return headKinds.get(word.toLowerCase()) ?? null;
}

const determiners = new Set([
  'the',
  'our',
  'a',
  'an',
  'its',
  'their',
  'your',
  'this',
  'that',
  'these',
  'those',
]);
const connectors = new Set(['and', '&', 'of', 'for', 'de']);
/** Small words that never modify a team's name: "the assessing effectiveness of ..." is no name. */
const functionWords = new Set([
  'of',
  'for',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'by',
  'with',
  'from',
  'as',
  'into',
  'across',
  'within',
  'is',
  'are',
  'be',
  'was',
  'were',
  'will',
  'can',
  'who',
  'which',
  'that',
  'than',
  'such',
  'like',
  'including',
]);

/** Capitalised words that start a sentence or a heading without belonging to a name. */
const leadWords = new Set([
  'about',
  'join',
  'joining',
  'meet',
  'welcome',
  'as',
  'at',
  'with',
  'within',
  'for',
  'on',
  'in',
  'inside',
  'from',
  'to',
  'into',
  'across',
  'and',
  'or',
  'but',
  'who',
  'what',
  'why',
  'how',
  'where',
  'when',
  'lead',
  'support',
  'help',
  'partner',
  'work',
  'build',
  'drive',
  'own',
  'manage',
  'collaborate',
  'reporting',
  'report',
  'reports',
  'both',
  'every',
  'each',
  'all',
  'any',
  'some',
  'other',
  'new',
  'role',
  'job',
  'position',
  'overview',
  'summary',
  'description',
  'company',
  'you',
  'you’ll',
  "you'll",
  'we',
  'we’re',
  "we're",
  'i',
  'is',
  'are',
  'be',
  'will',
  'if',
  'so',
  'then',
  'here',
  'there',
  'it',
  'they',
  'he',
  'she',
  'my',
  'his',
  'her',
]);

/** Words after a head that show it is not the end of a name: "team members", "Product Manager", "platform engineers". */
const continuations =
  /^(?:members?|mates?|players?|leads?|leaders?|leadership|managers?|management|owners?|engineers?|engineering|designers?|analysts?|scientists?|developers?|architects?|specialists?|coordinators?|directors?|officers?|administrators?|assistants?|environment|culture|spirit|building|work|size|structure|sense|oriented|based|level|focused|first|wide|setting|settings|goals?|objectives?|needs|requirements|decisions?|thinking|sense|roadmaps?|strategy|vision|teams?|groups?|lines?|areas?)\b/i;

/** Lowercase words that describe a team rather than name it: "our growing team", "a cross-functional team". */
const describingWords = new Set([
  'growing',
  'fast-growing',
  'talented',
  'small',
  'great',
  'amazing',
  'awesome',
  'dynamic',
  'global',
  'whole',
  'entire',
  'broader',
  'broad',
  'wider',
  'larger',
  'large',
  'same',
  'new',
  'core',
  'cross-functional',
  'crossfunctional',
  'high-performing',
  'collaborative',
  'diverse',
  'world-class',
  'passionate',
  'dedicated',
  'friendly',
  'local',
  'internal',
  'external',
  'extended',
  'distributed',
  'remote',
  'agile',
  'innovative',
  'fantastic',
  'incredible',
  'exceptional',
  'supportive',
  'close-knit',
  'tight-knit',
  'international',
  'multidisciplinary',
  'multi-disciplinary',
  'interdisciplinary',
  'various',
  'other',
  'relevant',
  'respective',
  'appropriate',
  'several',
  'many',
  'multiple',
  'different',
  'our',
  'lean',
  'young',
  'experienced',
  'skilled',
  'expert',
  'highly',
  'strong',
  'best',
  'leading',
  'top',
  'senior',
  'junior',
  'wonderful',
  'fun',
  'open',
  'first',
  'next',
  'current',
  'future',
  'existing',
  'specific',
  'specialized',
  'full',
  'full-stack',
  'this',
  'that',
  'every',
  'each',
  'one',
  'two',
  'three',
  'own',
  'very',
  'most',
  'more',
  'all',
  'any',
]);

/** Lowercase words every company has a team for: alone they name no team in particular. */
const commonTeamWords = new Set([
  'partner',
  'partnering',
  'client',
  'clients',
  'customer',
  'customers',
  'business',
  'hiring',
  'recruiting',
  'recruitment',
  'talent',
  'interview',
  'interviewing',
  'people',
  'hr',
  'leadership',
  'management',
  'executive',
  'engineering',
  'product',
  'data',
  'tech',
  'technology',
  'technical',
  'design',
  'sales',
  'marketing',
  'operations',
  'support',
  'development',
  'dev',
  'it',
  'software',
  'project',
  'program',
  'scrum',
  'delivery',
  'analytics',
  'science',
  'research',
  'finance',
  'legal',
  'security',
  'platform',
  'infrastructure',
  'ops',
  'devops',
  'qa',
  'testing',
  'quality',
  'ml',
  'ai',
  'strategy',
  'growth',
  'digital',
  'web',
  'mobile',
  'frontend',
  'backend',
]);

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** "Stripe’s", "team’s": the word is written with a possessive ending (not part of `text`). */
  readonly possessive: boolean;
  /** The end of the word with its possessive ending. */
  readonly after: number;
}

/**
 * A word ("Risk", "C++", "Data-platform", "A&F's", "Create:Editor"), a short form in brackets ("(AML)") or "&". Letters
 * are ASCII or any character from U+00C0 up, the general punctuation block (dashes, curly quotes, bullets) aside: the
 * same words as \p{L}\p{N} for posting text, at twice the speed.
 */
const tokenPattern =
  /\([A-Z0-9\u00C0-\u1FFF\u2070-\uFFFF][A-Za-z0-9\u00C0-\u1FFF\u2070-\uFFFF&:.\-/ ]{0,14}\)|[A-Za-z0-9\u00C0-\u1FFF\u2070-\uFFFF](?:[A-Za-z0-9\u00C0-\u1FFF\u2070-\uFFFF&'’:+./-]*[A-Za-z0-9\u00C0-\u1FFF\u2070-\uFFFF+#])?|&/g;

/** "StatementThe Mount Sinai ...": a heading run into the sentence after it; the name starts at "The". */
const runTogether = /(?<=\p{Ll}{2})(?=(?:The|Our|We|You|This|As|At|In|Join|About|Who|What|Why|How)\b)/u;

/** The words of `text`, each with its offsets and a possessive ending set apart. */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = tokenPattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0];
    const split = raw.length > 4 && /[a-z][A-Z]/.test(raw) && raw[0] !== '(' ? runTogether.exec(raw) : null;
    if (split === null) tokens.push(tokenOf(raw, match.index));
    else {
      tokens.push(tokenOf(raw.slice(0, split.index), match.index));
      tokens.push(tokenOf(raw.slice(split.index), match.index + split.index));
    }
  }
  return tokens;
}

function isApostrophe(char: string | undefined): boolean {
  return char === "'" || char === '’';
}

function tokenOf(raw: string, start: number): Token {
  const last = raw.length - 1;
  // "Stripe’s", "teams’": the possessive ending is not part of the word.
  let cut = -1;
  if (raw[last] === 's' && isApostrophe(raw[last - 1]) && last >= 2) cut = last - 1;
  else if (isApostrophe(raw[last]) && last >= 1) cut = last;
  const word = cut === -1 ? raw : raw.slice(0, cut);
  return { text: word, start, end: start + word.length, possessive: cut !== -1, after: start + raw.length };
}

/** A word written as a name: "Risk", "ML", "eCommerce", "DataX", "(AML)", "360". */
function isNamey(word: string): boolean {
  if (word.startsWith('(')) return true;
  return /^[\p{Lu}\p{N}]/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word);
}

/**
 * After a capitalised head, a capitalised word continues the name ("Data Platform Team", "Civil Service Commission",
 * "Service Corp.") unless it starts the next sentence of a heading run into the text ("... Team Equipped with ...").
 */
function startsSentence(word: string): boolean {
  return (
    leadWords.has(word.toLowerCase()) ||
    determiners.has(word.toLowerCase()) ||
    /\p{Ll}(?:ed|ing)$/u.test(word)
  );
}

/** Only spaces (or a hyphen-free join) between two tokens: no comma, period, colon or dash splits the name. */
function joined(text: string, left: Token, right: Token): boolean {
  return /^[ \t\n]*$/.test(text.slice(left.after, right.start));
}

/** Words that name an area of work, so "Data Science Group" is a team while "Judge Group" is a company. */
const workWords =
  /^(?:data|science|sciences|analytics|analysis|engineering|research|insights?|intelligence|learning|machine|ml|ai|product|products|platforms?|technology|tech|digital|design|risk|fraud|security|operations|strategy|innovation|systems|software|applications?|quantitative|statistics|modeling|modelling|development|experience|growth|marketing|finance|payments?|search|ads|advertising|personalization|infrastructure|cloud|information|informatics|decision|computing|computational|clinical|medical|health)$/i;

/** "Senior Product Manager ... team" never: a job title inside a name means the scan went too far. */
function isRoleTitle(words: readonly string[]): boolean {
  return words.some((word) => titleWords.test(word));
}

const titleWords =
  /^(?:managers?|engineers?|scientists?|analysts?|developers?|directors?|officers?|specialists?|coordinators?|administrators?|interns?|consultants?|recruiters?)$/i;

/**
 * The names in one sentence (text already free of Markdown emphasis). `companyWords` are the employer's name in
 * lower case: "the Affirm team" names the employer, not a team within it.
 */
/** A quick look for a head word before the sentence is tokenized: most sentences name nothing. */
const anyHead = new RegExp(`\\b(?:${[...unitHeads, ...productHeads, ...programHeads].join('|')})\\b`, 'i');

export function findNames(text: string, companyWords: ReadonlySet<string> = new Set()): NamedThing[] {
  if (!anyHead.test(text)) return [];
  const tokens = tokensOf(text);
  const found: NamedThing[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const head = tokens[index] as Token;
    const kind = headKind(head.text);
    if (kind === null) continue;
    const next = tokens[index + 1];
    const nextJoined = next !== undefined && joined(text, head, next);
    // "Project Relay", "Program Atlas": a program word that leads its name.
    if (kind === 'program' && /^\p{Lu}/u.test(head.text) && nextJoined && next !== undefined) {
      const named = leadingName(text, tokens, index);
      if (named !== null) {
        found.push(named);
        continue;
      }
    }
    // "Platform Engineer", "team members", "Data Platform Team": the head word is a modifier here.
    if (nextJoined && next !== undefined && !head.possessive && !next.text.startsWith('(')) {
      if (continuations.test(next.text)) continue;
      if (/^\p{Lu}/u.test(head.text) && isNamey(next.text) && !startsSentence(next.text)) continue;
    }
    const named = trailingName(text, tokens, index, kind, companyWords);
    if (named !== null) found.push(named);
  }
  return found;
}

/** Words after "Project"/"Program" that make a job or a process, not a name: "Project Manager", "Program Support". */
const jobWords =
  /^(?:managers?|management|leads?|leaders?|leadership|coordinators?|coordination|directors?|officers?|office|analysts?|engineers?|engineering|specialists?|administrators?|administration|assistants?|owners?|associates?|interns?|internship|scientists?|developers?|support|delivery|planning|plans?|lifecycle|life|portfolio|charter|scope|teams?|work|documentation|schedules?|scheduling|budgets?|status|governance|controls?|execution|implementation|development|requirements|deliverables|tracking|reporting|reports?|experience|skills|methodology|methodologies|tools?|professional|professionals|based|level|accounting|costs?|finance|funding|review|reviews|risks?|quality)$/i;

/** "Project Relay", "Initiative Blue Harbor". */
function leadingName(text: string, tokens: readonly Token[], index: number): NamedThing | null {
  const head = tokens[index] as Token;
  let last = index;
  for (let at = index + 1; at < tokens.length && at <= index + 3; at++) {
    const token = tokens[at] as Token;
    if (!joined(text, tokens[at - 1] as Token, token) || !/^\p{Lu}/u.test(token.text)) break;
    if (jobWords.test(token.text) || /^(?:and|&|of|for)$/i.test(token.text)) break;
    last = at;
  }
  if (last === index) return null;
  const end = (tokens[last] as Token).end;
  const name = text.slice(head.start, end);
  return {
    text: name,
    name,
    head: head.text,
    kind: 'program',
    proper: true,
    start: head.start,
    end,
    determiner: null,
  };
}

/** The name that ends in the head word at `index`: "Risk Intelligence team", "Center for Machine Learning". */
function trailingName(
  text: string,
  tokens: readonly Token[],
  index: number,
  kind: NameKind,
  companyWords: ReadonlySet<string>,
): NamedThing | null {
  const head = tokens[index] as Token;
  const words: Token[] = [];
  let determiner: string | null = null;
  let lowercase = 0;
  for (let at = index - 1; at >= 0; at--) {
    const token = tokens[at] as Token;
    if (!joined(text, token, tokens[at + 1] as Token)) break;
    const lower = token.text.toLowerCase();
    if (determiners.has(lower)) {
      determiner = lower;
      break;
    }
    if (token.possessive) {
      determiner = `${token.text}’s`;
      break;
    }
    if (isNamey(token.text)) {
      if (lowercase > 0) break;
      words.unshift(token);
      continue;
    }
    if (connectors.has(lower) && words.length > 0 && at > 0 && isNamey((tokens[at - 1] as Token).text)) {
      words.unshift(token);
      continue;
    }
    // Lowercase words name a team only right before the head and with nothing capitalised between.
    if (
      /^\p{Ll}/u.test(head.text) &&
      /^\p{Ll}[\p{Ll}-]*$/u.test(token.text) &&
      !functionWords.has(lower) &&
      words.every((word) => !isNamey(word.text)) &&
      lowercase < 3
    ) {
      words.unshift(token);
      lowercase++;
      continue;
    }
    break;
  }
  // "our revolutionary Invoice Funding product": the determiner sits before an adjective or two.
  if (determiner === null && words.length > 0 && lowercase === 0)
    determiner = determinerBefore(text, tokens, words[0] as Token);
  // "Join the ..." / "About Data Team": a leading word of the sentence is not part of the name.
  while (
    words.length > 0 &&
    leadWords.has((words[0] as Token).text.toLowerCase()) &&
    isNamey((words[0] as Token).text)
  ) {
    words.shift();
    determiner = null;
  }
  while (words.length > 0 && connectors.has((words[0] as Token).text.toLowerCase())) words.shift();
  // "Center for Machine Learning", "Office of Research Computing": a capitalised head followed by "for"/"of" + a name.
  let end = head.end;
  if (/^\p{Lu}/u.test(head.text)) {
    let at = index + 1;
    while (at + 1 < tokens.length) {
      const link = tokens[at] as Token;
      const after = tokens[at + 1] as Token;
      if (!/^(?:for|of|on|in)$/.test(link.text) || !joined(text, tokens[at - 1] as Token, link)) break;
      if (!joined(text, link, after) || !/^\p{Lu}/u.test(after.text)) break;
      let last = at + 1;
      while (last + 1 < tokens.length) {
        const more = tokens[last + 1] as Token;
        if (!joined(text, tokens[last] as Token, more)) break;
        // The short form in brackets closes the name: "Department of Health (DHSC) and NHS England" stops there.
        if ((tokens[last] as Token).text.startsWith('(') || determiners.has(more.text.toLowerCase())) break;
        if (isNamey(more.text) || (connectors.has(more.text) && isNamey(tokens[last + 2]?.text ?? '')))
          last++;
        else break;
      }
      end = (tokens[last] as Token).end;
      at = last + 1;
    }
  }
  // A parenthesised short form right after the head belongs to the name: "Customer Identity Cloud (CIC)".
  const after = tokens[index + 1];
  if (end === head.end && after !== undefined && after.text.startsWith('(') && joined(text, head, after))
    end = after.end;
  const named = words.filter((word) => isNamey(word.text) && !connectors.has(word.text.toLowerCase()));
  const proper = named.length > 0 || end > head.end || /^\p{Lu}/u.test(head.text);
  if (words.length === 0 && end === head.end) return null;
  if (!proper) {
    // A lowercase name is a team's: "the compliance team", never "our products" or "a platform".
    if (kind !== 'unit' || (determiner !== 'the' && determiner !== 'our')) return null;
    const lower = words.map((word) => word.text.toLowerCase());
    // "our growing team" describes; "the product team" is every company's; "the delivery technology team" names one.
    if (lower.some((word) => describingWords.has(word))) return null;
    if (lower.every((word) => commonTeamWords.has(word))) return null;
  }
  const nameWords = [...words.map((word) => word.text), head.text];
  if (isRoleTitle(nameWords)) return null;
  // The employer's own name: "the Affirm team", "Join the Wealthsimple team".
  const own = named.filter((word) => !companyWords.has(word.text.toLowerCase().replace(/['’]s$/, '')));
  if (named.length > 0 && own.length === 0 && words.length === named.length && end === head.end) return null;
  const start = words[0]?.start ?? head.start;
  // "Develop project plans": a capital that only starts the sentence is no evidence of a name.
  if (start === 0 && named.length === 1 && /^\p{Ll}/u.test(head.text) && end === head.end) return null;
  // "the Judge Group", "Santander Group": a capitalised Group named by proper names alone is a company.
  if (
    /^(?:Group|Holdings|Company|Corporation|Companies)$/.test(head.text) &&
    !named.some((word) => workWords.test(word.text))
  )
    return null;
  const name = text.slice(start, end);
  return {
    text: phraseFor(name, determiner, kind, head.text),
    name,
    head: head.text,
    kind,
    proper,
    start,
    end,
    determiner,
  };
}

/** "our" or "the" up to two describing words before `first` ("our revolutionary ..."), or null. */
function determinerBefore(text: string, tokens: readonly Token[], first: Token): string | null {
  let at = tokens.indexOf(first) - 1;
  for (let skipped = 0; at >= 0 && skipped <= 2; at--, skipped++) {
    const token = tokens[at] as Token;
    if (!joined(text, token, tokens[at + 1] as Token)) return null;
    const lower = token.text.toLowerCase();
    if (lower === 'our' || lower === 'the') return lower;
    if (token.possessive) return `${token.text}’s`;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(token.text) || functionWords.has(lower) || /(?:s|ed|ing)$/.test(lower))
      return null;
  }
  return null;
}

/** The determiner a letter needs before the name: the posting's "the", "its" for "our", none for a proper name. */
function phraseFor(name: string, determiner: string | null, kind: NameKind, head: string): string {
  if (determiner === 'the') return `the ${name}`;
  if (determiner === 'our' || determiner === 'its') return `its ${name}`;
  // A common head noun needs an article; a name that ends in a capitalised head reads alone ("NHS AI Lab" aside).
  if (/^\p{Ll}/u.test(head) || kind === 'unit') return `the ${name}`;
  return name;
}

/** Nouns that say a name is a product: "Tempo, an open source distributed tracing backend". */
const productNouns =
  '(?:platform|backend|database|engine|service|app|application|tool|library|framework|product|system|marketplace|network|language|assistant|api|sdk|store|suite|solution|technology|layer|pipeline|protocol|runtime|editor|browser|index|cloud|software)';
const anyProductNoun = new RegExp(`\\b${productNouns}\\b`, 'i');
const nameRun = '[\\p{Lu}][\\p{L}\\p{N}.+-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}.+-]*){0,3}';
const appositive = new RegExp(
  `(?<![\\p{L}\\p{N}])(${nameRun}),\\s+(an?)\\s+((?:[\\p{L}\\p{N}-]+\\s+){0,6}?${productNouns})\\b`,
  'gu',
);
const definition = new RegExp(
  `^(${nameRun})\\s+(?:is|are)\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}\\p{N}-]+\\s+){0,6}?${productNouns}\\b`,
  'u',
);

/** A name that ends like a company's: "FD Technologies", "Capital One Philippines Service Corp". */
const corporateName =
  /\b(?:Inc|LLC|Ltd|Corp|Corporation|Company|Co|Group|Holdings|Technologies|Services|Service|Solutions|Partners|Bank|Labs|Foundation|Trust|Authority|University|College|Hospital|Agency|Department|Council|County|City|State|plc|GmbH|AG|SA|NV|LLP)\.?$/;
/** "... is a leading software company": the sentence says what the employer is. */
const employerTalk =
  /\b(?:company|companies|firm|provider|vendor|leader|organi[sz]ation|employer|start-?up|business)\b/i;

function isOwnName(name: string, companyWords: ReadonlySet<string>): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return words.every((word) => companyWords.has(word));
}

/**
 * Products a sentence introduces by what they are: "Tempo, an open source distributed tracing backend" (an
 * appositive) or "Zinnia Open Insurance is advanced data-driven technology" (a definition). Not the employer itself.
 */
export function findDefinedProducts(
  text: string,
  companyWords: ReadonlySet<string> = new Set(),
): NamedThing[] {
  const found: NamedThing[] = [];
  if (!anyProductNoun.test(text)) return found;
  for (const match of /,\s+an?\s/.test(text) ? text.matchAll(appositive) : []) {
    // "Developing TraceQL, a query language": the verb that opens the sentence is not part of the name.
    const lead = match.index === 0 ? (/^\p{Lu}\p{Ll}+ing\s+/u.exec(match[1] as string)?.[0] ?? '') : '';
    const name = (match[1] as string).slice(lead.length);
    const start = (match.index ?? 0) + lead.length;
    if (name === '' || corporateName.test(name)) continue;
    if (leadWords.has(name.split(/\s+/)[0]?.toLowerCase() ?? '') || isOwnName(name, companyWords)) continue;
    const phrase = `${name}, ${match[2]} ${match[3]}`;
    found.push({
      text: phrase,
      name,
      head: (match[3] as string).split(/\s+/).pop() ?? '',
      kind: 'product',
      proper: true,
      start,
      end: start + name.length,
      determiner: null,
    });
  }
  const defined = /^\p{Lu}/u.test(text) ? definition.exec(text) : null;
  const name = defined?.[1] ?? '';
  if (
    name.includes(' ') &&
    !leadWords.has(name.split(/\s+/)[0]?.toLowerCase() ?? '') &&
    !isOwnName(name, companyWords) &&
    !corporateName.test(name) &&
    !employerTalk.test(defined?.[0] ?? '')
  )
    found.push({
      text: name,
      name,
      head: '',
      kind: 'product',
      proper: true,
      start: 0,
      end: name.length,
      determiner: null,
    });
  return found;
}
