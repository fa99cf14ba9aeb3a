import { findMetrics } from './find-metrics.js';
import { findResumeMethods, findResumeTools, type ResumeVocabulary } from './find-resume-tools.js';
import { type ExperienceEntry, parseExperience } from './parse-experience.js';
import { readContact } from './read-contact.js';
import { readEducation } from './read-education.js';
import { readSections } from './read-sections.js';
import { readSkills, splitSkillItems } from './read-skills.js';
import { resumeLines } from './resume-lines.js';

/** The marker every imported achievement carries until its owner has checked it (see `reviewMarkersIn`). */
export const reviewMarker = 'check this against your resume, then delete this line';

/** An imported achievement or project, every value copied from the resume. */
export interface DraftFact {
  readonly id: string;
  readonly name?: string;
  readonly employer?: string;
  readonly role?: string;
  readonly did: string;
  readonly result?: string;
  readonly metrics: readonly string[];
  readonly tools: readonly string[];
  readonly methods: readonly string[];
  readonly review: string;
  /** The entry's dates as written, shown as a comment (the profile has no field for them). */
  readonly dates?: string;
}

/** What `lede init --from` writes, before it becomes YAML. */
export interface ProfileDraft {
  readonly name?: string;
  readonly contact: { readonly email?: string; readonly phone?: string; readonly links: readonly string[] };
  readonly achievements: readonly DraftFact[];
  readonly projects: readonly DraftFact[];
  readonly skills: readonly string[];
  readonly education: readonly {
    readonly school: string;
    readonly degree?: string;
    readonly year?: string;
  }[];
  /** Lines the importer could not place, as written. */
  readonly unplaced: readonly string[];
}

// An outcome clause after the work itself: "..., reducing COGS by ~90%". Both halves stay verbatim.
const outcome =
  /(?:,|;| and| which| that)\s+((?:reducing|increasing|improving|cutting|boosting|achieving|resulting in|saving|raising|lowering|delivering|yielding|leading to|driving|growing|decreasing|accelerating|speeding up|scaling|maintaining)\b.*)$/i;

function splitOutcome(text: string): { did: string; result?: string } {
  const match = text.match(outcome);
  if (match?.index === undefined || match[1] === undefined || findMetrics(match[1]).length === 0)
    return { did: text };
  const did = text.slice(0, match.index).trim();
  return did.length < 15 ? { did: text } : { did, result: match[1].trim() };
}

function mergeNames(first: readonly string[], second: readonly string[]): string[] {
  const names = [...first];
  for (const name of second) {
    if (!names.some((each) => each.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    .slice(0, 3);
  return words.length === 0 ? 'item' : words.join('-');
}

function factsOf(
  entries: readonly ExperienceEntry[],
  vocabulary: ResumeVocabulary,
  ids: Map<string, number>,
  asProjects: boolean,
): DraftFact[] {
  return entries.flatMap((entry) =>
    entry.items.map((item) => {
      const { did, result } = splitOutcome(item.text);
      const base = slug((asProjects ? entry.title : entry.employer) ?? item.text);
      const count = (ids.get(base) ?? 0) + 1;
      ids.set(base, count);
      const name = entry.title ?? item.text.split(/[.:;]/)[0]?.trim();
      return {
        id: `${base}-${count}`,
        ...(asProjects && name !== undefined && name !== '' ? { name } : {}),
        ...(!asProjects && entry.employer !== undefined ? { employer: entry.employer } : {}),
        ...(!asProjects && entry.role !== undefined ? { role: entry.role } : {}),
        did,
        ...(result === undefined ? {} : { result }),
        metrics: findMetrics(item.text),
        // An entry's own tool line ("Tech: Python, Nmap") is that achievement's line when it is the entry's only one.
        tools: mergeNames(
          findResumeTools(item.text, vocabulary),
          entry.items.length === 1 ? entry.toolLists.flatMap((list) => splitSkillItems(list)) : [],
        ),
        methods: findResumeMethods(item.text, vocabulary),
        review: reviewMarker,
        ...(entry.dates === undefined ? {} : { dates: entry.dates }),
      };
    }),
  );
}

/**
 * Reads a resume's plain text into a profile draft. Nothing is written that the resume does not say: every value is
 * a copy of its text, and a line that fits no field is returned in `unplaced` rather than guessed at.
 */
export function buildProfileDraft(text: string, vocabulary: Omit<ResumeVocabulary, 'skills'>): ProfileDraft {
  const lines = resumeLines(text);
  const sections = readSections(lines);
  const used = new Set<number>();
  for (const section of sections) if (section.heading !== undefined) used.add(section.heading.index);
  const header = sections.find((section) => section.kind === 'header')?.lines ?? [];
  const contact = readContact(header, lines);
  for (const index of contact.used) used.add(index);

  const skills: string[] = [];
  const addSkills = (items: readonly string[]): void => {
    for (const item of items)
      if (!skills.some((skill) => skill.toLowerCase() === item.toLowerCase())) skills.push(item);
  };
  for (const section of sections.filter((each) => each.kind === 'skills')) {
    const read = readSkills(section.lines, (line) => findResumeTools(line, { ...vocabulary, skills: [] }));
    addSkills(read.skills);
    for (const index of read.used) used.add(index);
  }
  const jobs = sections
    .filter((section) => section.kind === 'experience')
    .flatMap((section) => parseExperience(section.lines));
  const projectEntries = sections
    .filter((section) => section.kind === 'projects')
    .flatMap((section) => parseExperience(section.lines, { wholeParagraphs: true }));
  for (const entry of [...jobs, ...projectEntries]) {
    addSkills(entry.toolLists.flatMap((list) => splitSkillItems(list)));
    // A job with no achievement lines has no field to hold its employer: its lines stay listed as unplaced.
    if (entry.items.length > 0) for (const index of entry.used) used.add(index);
  }
  const withSkills: ResumeVocabulary = { ...vocabulary, skills };
  const ids = new Map<string, number>();
  const achievements = factsOf(jobs, withSkills, ids, false);
  const projects = factsOf(projectEntries, withSkills, ids, true);

  const education = sections
    .filter((section) => section.kind === 'education')
    .flatMap((section) => readEducation(section.lines));
  for (const entry of education) for (const index of entry.used) used.add(index);

  return {
    ...(contact.name === undefined ? {} : { name: contact.name }),
    contact: {
      ...(contact.email === undefined ? {} : { email: contact.email }),
      ...(contact.phone === undefined ? {} : { phone: contact.phone }),
      links: contact.links,
    },
    achievements,
    projects,
    skills,
    education: education.map(({ school, degree, year }) => ({
      school,
      ...(degree === undefined ? {} : { degree }),
      ...(year === undefined ? {} : { year }),
    })),
    unplaced: lines.filter((line) => !used.has(line.index)).map((line) => line.raw),
  };
}
