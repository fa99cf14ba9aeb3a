import type { ResumeLine } from './resume-lines.js';

/** What a resume section holds, as far as the importer reads it. */
export type SectionKind = 'header' | 'experience' | 'projects' | 'education' | 'skills' | 'other';

export interface ResumeSection {
  readonly kind: SectionKind;
  /** The heading as written; none for the header (the lines before the first heading). */
  readonly heading?: ResumeLine;
  readonly lines: readonly ResumeLine[];
}

// Headings by what follows them. Anything else that reads like a heading starts an "other" section, whose lines are
// listed as unplaced rather than read as a job.
const headings: Readonly<Record<Exclude<SectionKind, 'header'>, readonly string[]>> = {
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'relevant experience',
    'related experience',
    'research experience',
    'industry experience',
    'career history',
    'internships',
    'previous experience',
    'current position',
    'professional history',
    'work',
    'teaching experience',
    'leadership experience',
  ],
  projects: [
    'projects',
    'personal projects',
    'selected projects',
    'side projects',
    'academic projects',
    'key projects',
    'open source',
  ],
  education: [
    'education',
    'academic background',
    'education and training',
    'academic qualifications',
    'qualifications',
  ],
  skills: [
    'skills',
    'technical skills',
    'core skills',
    'key skills',
    'skills and tools',
    'technologies',
    'tools',
    'tech stack',
    'stack',
    'expertise',
    'technical expertise',
    'competencies',
    'skills and interests',
    'programming skills',
  ],
  other: [
    'summary',
    'professional summary',
    'profile',
    'objective',
    'about',
    'about me',
    'publications',
    'main publications',
    'selected publications',
    'certificates',
    'certifications',
    'certificates and awards',
    'awards',
    'honors',
    'honours',
    'honors and awards',
    'honors awards and certifications',
    'awards and honors',
    'languages',
    'interests',
    'references',
    'activities',
    'other activities and information',
    'contact',
    'volunteering',
    'volunteer experience',
    'service',
    'service and work history',
    'achievements',
    'leadership',
    'coursework',
    'relevant coursework',
    'talks',
    'patents',
    'extracurricular',
    'extracurricular activities',
    'hobbies',
    'research interests',
    'overview',
  ],
};

const lookup = new Map<string, Exclude<SectionKind, 'header'>>(
  Object.entries(headings).flatMap(([kind, names]) =>
    names.map((name) => [name, kind as Exclude<SectionKind, 'header'>] as const),
  ),
);

/** The heading kind `line` names, or undefined when it is not a heading. */
export function headingKind(line: ResumeLine): Exclude<SectionKind, 'header'> | undefined {
  if (line.cells.length !== 1 || line.text.length > 45) return undefined;
  const key = line.text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return lookup.get(key) ?? lookup.get(key.replace(/^(?:my|relevant|selected) /, ''));
}

/** Cuts a resume's lines into sections at its headings; the lines before the first heading are the header. */
export function readSections(lines: readonly ResumeLine[]): ResumeSection[] {
  const sections: { kind: SectionKind; heading?: ResumeLine; lines: ResumeLine[] }[] = [
    { kind: 'header', lines: [] },
  ];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind !== undefined) sections.push({ kind, heading: line, lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}
