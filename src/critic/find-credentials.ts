import type { Profile } from '../profile/profile-schema.js';
import { memoOn } from '../text/memo.js';
import { isNotAClaim } from './find-claims.js';
import { quantitiesOf } from './find-quantities.js';
import type { LetterAnatomy, Span } from './letter-anatomy.js';

/** What a credential claim asserts about the writer. */
export type CredentialKind = 'degree' | 'school' | 'certification' | 'award' | 'title' | 'years';

/** A credential the letter claims for its writer: a degree, a school, a certificate, an award, a title, years. */
export interface CredentialClaim extends Span {
  readonly kind: CredentialKind;
  /**
   * What is claimed, as compared with the profile: a degree's level (doctorate, master, bachelor), the school's,
   * certificate's, award's or title's name as written, or the number of years.
   */
  readonly name: string;
  /** A degree's subject ("machine learning" in "a PhD in machine learning"), when the letter gives one. */
  readonly field?: string;
}

// The writer as a sentence's subject or owner: a claim about someone else ("your PhD researchers") is no claim.
const firstPerson = /(?:^|[^\p{L}'’])(?:I|I['’](?:ve|m|d|ll)|[Mm]y|me)(?![\p{L}'’])/u;
// A clause that plans or hopes rather than claims: "studying for the Cloud Practitioner certification".
const planned =
  /\b(?:studying for|study for|pursuing|pursue|working (?:toward|towards)|preparing for|prepare for|plan(?:ning)? to|hope to|aim(?:ing)? to|in progress|support for|eager to|would like to|looking to|apply(?:ing)? (?:for|to))\b/i;

// Degrees by their written forms. Two-letter abbreviations that are also other words ("MS Office", "BA" airline)
// count only before "in", "degree" or "from".
const degreePattern =
  /(?<![\p{L}.])(Ph\.?\s?D\.?|[Dd]octorate|M\.\s?S\.?|M\.?\s?Sc\.?|M\.?\s?Eng\.?|MBA|M\.?\s?Tech\.?|B\.\s?S\.?|B\.?\s?Sc\.?|B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\.\s?A\.?|(?:MS|BS|BA)(?=\s+(?:in|degree|from)\b)|[Mm]aster['’]?s?(?:\s+of\s+(?:Science|Arts|Engineering))?(?:\s+degree)?|[Bb]achelor['’]?s?(?:\s+of\s+(?:Science|Arts|Engineering))?(?:\s+degree)?)(?![\p{L}])(?:\s+(?:degree\s+)?(?:in|of)\s+([\p{L}&/ -]{2,60}?))?(?=\s+(?:from|at|with|and|where|which|that|while|before|after|focused|focusing|specializing)\b|\s*[,.;:!?)\n]|$)/gu;
// "PhD students", "a Master's program": the degree of others, or a course, not the writer's.
const notHeld =
  /^\s*(?:students?|candidates?|programs?|programmes?|researchers?|holders?|level|positions?|applicants?|courses?|thesis\s+advisors?)\b/i;
// "from Carnegie Mellon University", "at CMU": the school a degree came from.
const schoolAfterDegree =
  /\s+(?:from|at)\s+(?:the\s+)?(\p{Lu}(?:[\p{L}.'’&-]*\p{L})?(?:\s+(?:of|de|at|&|\p{Lu}(?:[\p{L}.'’&-]*\p{L})?))*)/uy;
const graduatedFrom =
  /\bgraduat(?:ed|ing)\s+(?:with\s+[^,.;]{1,40}?\s+)?from\s+(?:the\s+)?(\p{Lu}(?:[\p{L}.'’&-]*\p{L})?(?:\s+(?:of|de|at|&|\p{Lu}(?:[\p{L}.'’&-]*\p{L})?))*)/gu;

const certificationWord = /\b(?:certified|certification|certifications|certificate)\b/gi;
const awardWord =
  /\b(?:award|awards|awarded|prize|winner|won|grandmaster|medal|medalist|fellowship|scholarship|honou?rable mention|dean['’]s list)\b/gi;
// A name word: capitalized or written like a name ("AWS", "re:Invent", "1st"); the glue words a name may hold.
const nameWord = /^(?:\p{Lu}[\p{L}\p{N}.'’&+:-]*|\p{N}+(?:st|nd|rd|th)?|[A-Za-z]+[A-Z][\p{L}]*)$/u;
const nameGlue = new Set(['of', 'in', 'for', '&', '-', '–', 'de']);

// "As Head of Machine Learning at Streamline", "served as Lead Data Scientist", "promoted to Staff Engineer".
const titleIntro =
  /\b(?:[Aa]s|served as|serving as|worked as|working as|work as|promoted to|hired as|role as|position as|title of)\s+(?:(?:a|an|the|our|their)\s+)?(\p{Lu}(?:[\p{L}&/.-]*\p{L})?(?:\s+(?:of|and|&|for|\p{Lu}(?:[\p{L}&/.-]*\p{L})?)){0,6})/gu;
const roleNoun =
  /\b(?:Engineer|Scientist|Analyst|Manager|Head|Lead|Director|Architect|Developer|Researcher|Officer|VP|President|Founder|Co-[Ff]ounder|CTO|CEO|CFO|COO|CDO|Consultant|Intern|Specialist|Administrator|Technician|Designer|Chief|Principal|Fellow|Professor|Lecturer)s?\b/u;
// "I would love to join as a Machine Learning Engineer": the role applied for, not one held.
const futureRole =
  /\b(?:join|joining|apply|applying|become|becoming|grow|growing|contribute|contributing|would|will|could|excited|eager|hope|opportunity|role|position|seeking|looking)\b[^.;!?]*$/i;

const spelledYears: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const decades =
  /\b(?:(a|one|two|three)\s+decades?|(?:a|one)\s+decade)\s+(?:of\s+(?:professional\s+)?experience|in\s+(?:the\s+)?(?:industry|field|\p{L}+))/giu;

/** The degree level a written degree names: doctorate, master or bachelor. */
export function degreeLevel(written: string): 'doctorate' | 'master' | 'bachelor' {
  const plain = written.replace(/[.\s]/g, '').toLowerCase();
  if (plain.startsWith('ph') || plain.startsWith('doctor')) return 'doctorate';
  if (plain.startsWith('m')) return 'master';
  return 'bachelor';
}

// Any word a credential pattern below starts from; a sentence without one holds no credential claim.
const credentialHint =
  /Ph\.?\s?D|octorate|\b[MB]\.?\s?(?:Sc?|A|Eng|Tech)\b|MBA|aster|achelor|graduat|ertifi|ward|prize|winner|\bwon\b|randmaster|medal|ellowship|cholarship|onou?rable|ean['’]s|\b(?:[Aa]s|promoted to|title of)\s+(?:(?:a|an|the|our|their)\s+)?[A-Z]|decade/;

const credentialsKey = Symbol('credentials');

/**
 * The credentials the letter's body claims for its writer: degrees (with their subject and school), schools a degree
 * came from, certifications, awards, titles held ("As Head of ML at Streamline", "served as ...") and years of
 * experience. Only in sentences where the writer speaks ("I", "my"), and not where a clause plans or denies
 * ("studying for the ... certification", "I haven't ..."). Found once per letter; offsets index the letter.
 */
export function findCredentials(letter: LetterAnatomy): readonly CredentialClaim[] {
  return memoOn(letter, credentialsKey, () => scan(letter));
}

function scan(letter: LetterAnatomy): CredentialClaim[] {
  const found: CredentialClaim[] = [];
  const add = (claim: CredentialClaim): void => {
    if (isNotAClaim(letter, claim.start)) return;
    found.push(claim);
  };
  for (const sentence of letter.sentences) {
    const { text } = sentence;
    // Most sentences hold no credential word at all: one test skips them before the patterns below run.
    if (!credentialHint.test(text) || !firstPerson.test(text)) continue;
    const at = (index: number) => sentence.start + index;
    const clauseBefore = (index: number) =>
      text.slice(Math.max(0, text.lastIndexOf(',', index - 1) + 1), index);

    for (const match of text.matchAll(degreePattern)) {
      const end = match.index + match[0].length;
      if (notHeld.test(text.slice(end)) || planned.test(clauseBefore(match.index))) continue;
      const written = match[1] ?? match[0];
      const field = match[2]?.trim();
      add({
        kind: 'degree',
        text: match[0],
        start: at(match.index),
        end: at(end),
        name: degreeLevel(written),
        ...(field === undefined || field === '' ? {} : { field }),
      });
      schoolAfterDegree.lastIndex = end;
      const school = schoolAfterDegree.exec(text);
      if (school?.[1] !== undefined) {
        const start = end + school[0].length - school[1].length;
        add({
          kind: 'school',
          text: school[1],
          start: at(start),
          end: at(start + school[1].length),
          name: school[1],
        });
      }
    }
    for (const match of text.matchAll(graduatedFrom)) {
      const name = match[1] as string;
      const start = match.index + match[0].length - name.length;
      if (found.some((claim) => claim.kind === 'school' && claim.start === at(start))) continue;
      add({ kind: 'school', text: name, start: at(start), end: at(start + name.length), name });
    }

    for (const [pattern, kind] of [
      [certificationWord, 'certification'],
      [awardWord, 'award'],
    ] as const) {
      for (const match of text.matchAll(pattern)) {
        if (planned.test(clauseBefore(match.index))) continue;
        const span = nameAround(text, match.index, match.index + match[0].length);
        if (span === null) continue;
        const name = text.slice(span.start, span.end);
        const overlaps = found.some(
          (claim) => claim.kind === kind && claim.start <= at(span.end) && claim.end >= at(span.start),
        );
        if (overlaps) continue;
        add({ kind, text: name, start: at(span.start), end: at(span.end), name });
      }
    }

    for (const match of text.matchAll(titleIntro)) {
      let title = (match[1] as string).replace(/\s+(?:of|and|&|for)$/u, '');
      // "As Head of Machine Learning at Streamline": the title stops at the employer.
      title = title.replace(/\s+at\s.*$/u, '');
      if (!roleNoun.test(title) || futureRole.test(text.slice(0, match.index))) continue;
      const start = match.index + match[0].length - (match[1] as string).length;
      add({ kind: 'title', text: title, start: at(start), end: at(start + title.length), name: title });
    }

    for (const match of text.matchAll(decades)) {
      const count =
        match[1] === undefined || match[1] === 'a' || match[1] === 'one' ? 1 : (spelledYears[match[1]] ?? 1);
      add({
        kind: 'years',
        text: match[0],
        start: at(match.index),
        end: at(match.index + match[0].length),
        name: String(count * 10),
      });
    }
  }
  for (const quantity of quantitiesOf(letter)) {
    if (!quantity.experience || quantity.start < letter.body.start || quantity.end > letter.body.end)
      continue;
    const sentence = letter.sentences.find(
      (span) => span.start <= quantity.start && quantity.end <= span.end,
    );
    if (sentence === undefined || !firstPerson.test(sentence.text)) continue;
    const value = Number.isNaN(quantity.value)
      ? (spelledYears[quantity.text.toLowerCase()] ?? Number.NaN)
      : quantity.value;
    if (Number.isNaN(value)) continue;
    // "over 7 years of experience": the claim reads through to "experience" when it follows.
    // A length of experience, not of anything else: "three years of anonymized sales" is data.
    const tail =
      /^\+?\s?(?:years?|yrs?)['’]?(?:\s+of)?\s+(?:[\p{L}-]+\s+){0,3}?experience\b|^\+?\s?(?:years?|yrs?)\s+in\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?/iu.exec(
        letter.text.slice(quantity.end, quantity.end + 60),
      );
    if (tail === null) continue;
    const lead = /(?:over|more than|nearly|almost|about|around|some)\s+$/i.exec(
      letter.text.slice(Math.max(sentence.start, quantity.start - 12), quantity.start),
    );
    const start = quantity.start - (lead?.[0].length ?? 0);
    const end = quantity.end + tail[0].length;
    add({ kind: 'years', text: letter.text.slice(start, end), start, end, name: String(value) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The run of name words touching the keyword at [start, end) on either side, keyword included; null for none. */
function nameAround(text: string, start: number, end: number): { start: number; end: number } | null {
  const words = [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}.'’&+:-]*[\p{L}\p{N}+])?|[&–-]/gu)];
  const first = words.findIndex((word) => word.index >= start);
  const last = words.findIndex((word) => word.index + word[0].length >= end);
  if (first === -1 || last === -1) return null;
  let from = first;
  // "won the Kaggle Grandmaster", "awarded the ...": the name follows the verb, nothing before it is part of it.
  const verb = /^(?:won|awarded|winner)$/i.test(words[first]?.[0] ?? '');
  while (!verb && from > 0 && isNamePart(words[from - 1]?.[0] ?? '')) from--;
  // A name ends in a name word, not in glue.
  while (from < first && nameGlue.has((words[from]?.[0] ?? '').toLowerCase())) from++;
  let to = last;
  const skip = new Set(['the', 'a', 'an']);
  if (skip.has((words[to + 1]?.[0] ?? '').toLowerCase())) to++;
  while (to + 1 < words.length && isNamePart(words[to + 1]?.[0] ?? '')) to++;
  while (
    to > last &&
    (nameGlue.has((words[to]?.[0] ?? '').toLowerCase()) || skip.has((words[to]?.[0] ?? '').toLowerCase()))
  )
    to--;
  const hasName = (index: number) =>
    isNamePart(words[index]?.[0] ?? '') && !nameGlue.has((words[index]?.[0] ?? '').toLowerCase());
  let named = false;
  for (let index = from; index <= to; index++) if (index < first || index > last) named ||= hasName(index);
  if (!named) return null;
  const head = words[from];
  const tail = words[to];
  if (head === undefined || tail === undefined) return null;
  // Start at the first name word, so "the Kaggle Grandmaster award" quotes "Kaggle Grandmaster award".
  let begin = from;
  while (begin < first && !hasName(begin)) begin++;
  const opening = words[begin] ?? head;
  return { start: opening.index, end: tail.index + tail[0].length };
}

function isNamePart(word: string): boolean {
  // "I" is capitalized but names the writer, not the award.
  return word !== 'I' && (nameWord.test(word) || nameGlue.has(word.toLowerCase()));
}

/** What the profile says a credential claim against: its degrees, schools, certificates, awards, titles and years. */
export interface ProfileCredentials {
  readonly degrees: readonly { readonly level: string; readonly text: string; readonly path: string }[];
  readonly schools: readonly { readonly name: string; readonly path: string }[];
  readonly certifications: readonly string[];
  readonly awards: readonly string[];
  readonly titles: readonly { readonly title: string; readonly path: string }[];
  readonly years: number | undefined;
}

const profileKey = Symbol('profile-credentials');

/** The profile's credentials, read once per profile. */
export function profileCredentials(profile: Profile): ProfileCredentials {
  return memoOn(profile, profileKey, () => ({
    degrees: profile.education.flatMap((item, index) =>
      item.degree === undefined
        ? []
        : [{ level: degreeLevel(item.degree), text: item.degree, path: `education[${index}].degree` }],
    ),
    schools: profile.education.map((item, index) => ({
      name: item.school,
      path: `education[${index}].school`,
    })),
    certifications: profile.certifications,
    awards: profile.awards,
    titles: [
      ...profile.achievements.flatMap((fact, index) =>
        fact.role === undefined ? [] : [{ title: fact.role, path: `achievements[${index}].role` }],
      ),
      ...profile.projects.flatMap((fact, index) =>
        fact.role === undefined ? [] : [{ title: fact.role, path: `projects[${index}].role` }],
      ),
      ...(profile.headline === undefined ? [] : [{ title: profile.headline, path: 'headline' }]),
    ],
    years: profile.yearsOfExperience,
  }));
}

const expansions: Record<string, string> = {
  ml: 'machine learning',
  ai: 'artificial intelligence',
  sr: 'senior',
  jr: 'junior',
  swe: 'software engineer',
  cs: 'computer science',
  vp: 'vice president',
};
const filler = new Set(['of', 'and', '&', 'the', 'a', 'an', 'in', 'for', 'at', 'degree', 's']);

/** Lowercase words of a name, abbreviations spelled out ("Sr. ML Engineer" -> senior machine learning engineer). */
export function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .flatMap((word) => (expansions[word] ?? word).split(' '))
    .filter((word) => word !== '' && !filler.has(word));
}

/** The initials of a name's capitalized words: "Carnegie Mellon University" -> "CMU". */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/** True when every word of `claimed` is among the words of `held` (a claim may say less than the profile, not more). */
export function coveredBy(claimed: string, held: string): boolean {
  const have = new Set(nameWords(held));
  const want = nameWords(claimed);
  return want.length > 0 && want.every((word) => have.has(word));
}

/** The profile field a school mention rests on ("Stanford" in "Stanford University", "CMU" for its initials), or null. */
export function schoolSource(mention: string, credentials: ProfileCredentials): string | null {
  const plain = mention.replace(/[.’']/g, '');
  for (const school of credentials.schools) {
    if (coveredBy(mention, school.name) || initials(school.name) === plain) return school.path;
  }
  return null;
}

// Words that say what kind of credential a name is, not which one: "the Kaggle Grandmaster award" is grounded by
// "Kaggle Grandmaster" in the profile.
const kindWords = new Set(
  'award awards awarded prize winner won grandmaster medal medalist fellowship scholarship certified certification certifications certificate honorable honourable mention'.split(
    ' ',
  ),
);

/** The words of a certificate's or award's name that say which one it is ("Kaggle Grandmaster"). */
export function namedPart(name: string): string {
  return nameWords(name)
    .filter((word) => !kindWords.has(word))
    .join(' ');
}

/**
 * The profile field that backs a credential claim, as a path into the profile and what it says there, or null when
 * nothing does. A claim may say less than the profile (an "MS" for "M.S. Computer Science"), never more.
 */
export function credentialField(
  claim: CredentialClaim,
  held: ProfileCredentials,
): { readonly field: string; readonly says: string } | null {
  switch (claim.kind) {
    case 'degree': {
      const field = claim.field;
      const degree = held.degrees.find(
        (candidate) =>
          candidate.level === claim.name && (field === undefined || coveredBy(field, candidate.text)),
      );
      return degree === undefined ? null : { field: degree.path, says: degree.text };
    }
    case 'school': {
      const path = schoolSource(claim.name, held);
      const school = held.schools.find((candidate) => candidate.path === path);
      return school === undefined ? null : { field: school.path, says: school.name };
    }
    case 'certification':
    case 'award': {
      const part = namedPart(claim.name);
      // A kind of credential with no name ("certified", "an award") claims nothing that can be checked.
      if (part === '') return { field: 'profile', says: claim.text };
      const list = claim.kind === 'certification' ? held.certifications : held.awards;
      const index = list.findIndex((item) => coveredBy(part, item));
      if (index === -1) return null;
      return {
        field: `${claim.kind === 'certification' ? 'certifications' : 'awards'}[${index}]`,
        says: list[index] ?? '',
      };
    }
    case 'title': {
      const title = held.titles.find((candidate) => coveredBy(claim.name, candidate.title));
      return title === undefined ? null : { field: title.path, says: title.title };
    }
    case 'years':
      return held.years !== undefined && Number(claim.name) <= held.years
        ? { field: 'yearsOfExperience', says: String(held.years) }
        : null;
  }
}
