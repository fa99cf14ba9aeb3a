/**
 * Small grammar helpers for building sentences out of profile phrases. Profiles write `did` and `result` as
 * past-tense phrases without "I" ("cut inference latency by 40%"), but people type "Cut ...", "I cut ...", or end
 * with a period; these helpers make any of them fit after "I".
 */

/** Words that keep their capital letter at the start of a clause (names, acronyms, tools). */
function keepsCapital(word: string, properNouns: ReadonlySet<string>): boolean {
  if (word.length > 1 && /^[A-Z0-9]+$/.test(word)) return true;
  if (/[A-Z]/.test(word.slice(1))) return true;
  return properNouns.has(word.toLowerCase().replace(/[^\p{L}\p{N}]+$/u, ''));
}

/** A profile phrase ready to follow "I": no leading "I", no trailing period, lowercase first word unless a name. */
export function asClause(phrase: string, properNouns: ReadonlySet<string> = new Set()): string {
  let text = phrase
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;!]+$/, '');
  text = text.replace(/^(?:I|we)\s+(?=\p{L})/iu, '').replace(/^(?:which|and|then)\s+/i, '');
  const first = text.split(' ')[0] ?? '';
  if (first !== '' && !keepsCapital(first, properNouns))
    text = first.toLowerCase() + text.slice(first.length);
  return text;
}

/** First letter upper case. */
export function capitalize(text: string): string {
  return text === '' ? text : (text[0] as string).toUpperCase() + text.slice(1);
}

/** First letter lower case, unless the first word is an acronym or a name with inner capitals. */
export function decapitalize(text: string, properNouns: ReadonlySet<string> = new Set()): string {
  const first = text.split(' ')[0] ?? '';
  if (first === '' || keepsCapital(first, properNouns)) return text;
  return first.toLowerCase() + text.slice(first.length);
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Kestrel's", "Fernway Grocers'". */
export function possessive(name: string): string {
  return /s$/i.test(name) && !/ss$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** "a" or "an" before a word, by its sound as far as spelling tells. */
export function article(word: string): string {
  if (/^(?:[aeio]|u(?!ni|se|sa|su)|hour|honest|ML\b|MLE\b|SRE\b|NLP\b|R&D|F\d|S\d|X-)/i.test(word))
    return 'an';
  return 'a';
}

const doubling = new Set([
  'run',
  'ship',
  'plan',
  'set',
  'get',
  'put',
  'stop',
  'scan',
  'map',
  'log',
  'tag',
  'cut',
  'win',
  'drop',
  'prep',
  'chat',
]);

/** "design" -> "designing", "improve" -> "improving", "run" -> "running", "tie" -> "tying". */
export function gerund(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower.endsWith('ing')) return lower;
  if (doubling.has(lower)) return `${lower}${lower.slice(-1)}ing`;
  if (lower.endsWith('ie')) return `${lower.slice(0, -2)}ying`;
  if (lower.endsWith('e') && !/(?:ee|ye|oe)$/.test(lower)) return `${lower.slice(0, -1)}ing`;
  return `${lower}ing`;
}

/** Verbs postings open duty bullets with; used to recognise the second verb of "Design and improve ...". */
const dutyVerbs = new Set([
  'build',
  'design',
  'develop',
  'improve',
  'reduce',
  'explain',
  'maintain',
  'deploy',
  'train',
  'ship',
  'run',
  'own',
  'lead',
  'partner',
  'work',
  'create',
  'drive',
  'keep',
  'set',
  'put',
  'bring',
  'measure',
  'produce',
  'document',
  'protect',
  'productionize',
  'productionise',
  'scale',
  'monitor',
  'evaluate',
  'validate',
  'test',
  'write',
  'operate',
  'optimize',
  'optimise',
  'automate',
  'research',
  'prototype',
  'launch',
  'integrate',
  'analyze',
  'analyse',
  'model',
  'forecast',
  'detect',
  'rank',
  'recommend',
  'personalize',
  'serve',
  'collaborate',
  'mentor',
  'define',
  'implement',
  'extend',
  'migrate',
  'refactor',
  'support',
  'manage',
  'shape',
  'grow',
  'catch',
  'prevent',
  'predict',
  'help',
  'contribute',
  'experiment',
  'iterate',
  'tune',
  'debug',
  'harden',
  'instrument',
]);

/** "Design and improve real-time fraud models" -> "designing and improving real-time fraud models"; else null. */
export function dutyAsGerund(duty: string): string | null {
  let words = duty.trim().split(/\s+/);
  let lead = '';
  // "Independently validate models" -> "independently validating models".
  if (/^[A-Za-z]+ly$/.test(words[0] ?? '') && dutyVerbs.has(words[1]?.toLowerCase() ?? '')) {
    lead = `${(words[0] as string).toLowerCase()} `;
    words = words.slice(1);
  }
  const first = words[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  // "Building and deploying NLP models" is already a gerund phrase.
  const stem = first.replace(/ing$/, '');
  if (
    first.endsWith('ing') &&
    (dutyVerbs.has(stem) || dutyVerbs.has(`${stem}e`) || dutyVerbs.has(stem.slice(0, -1)))
  ) {
    return `${lead}${first}${words.length > 1 ? ` ${words.slice(1).join(' ')}` : ''}`;
  }
  if (!dutyVerbs.has(first)) return null;
  const out: string[] = [`${lead}${gerund(first)}`];
  for (let index = 1; index < words.length; index++) {
    const word = words[index] as string;
    const previous = out[out.length - 1] ?? '';
    const core = word.replace(/,$/, '');
    const comma = word.endsWith(',') ? ',' : '';
    const afterJoin = /^(?:and|or)$/i.test(previous) || previous.endsWith(',');
    // The word right after "Design and ..." is a verb whatever it is; later ones must be known verbs.
    const coordinated =
      afterJoin &&
      /^[a-z]+$/.test(core) &&
      (dutyVerbs.has(core) || (index <= 2 && /^(?:and|or)$/i.test(previous)));
    out.push(coordinated ? `${gerund(core)}${comma}` : word);
  }
  return out.join(' ');
}
