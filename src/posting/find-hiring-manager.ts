/** A person's name: two or three capitalised words, with an optional middle initial ("Dana R. Whitfield"). */
const personName = "[A-Z][a-zA-Z'’-]+(?:\\s+[A-Z]\\.)?(?:\\s+[A-Z][a-zA-Z'’-]+){1,2}";

/** Words that open a job title or a group, not a name ("reporting to Head of Data"). */
const notNames =
  /^(head|director|vp|vice|chief|senior|lead|manager|principal|staff|our|the|a|an|machine|data|engineering|product|team|model|credit|risk|internal|hiring|recruiting|talent|people|human|global|group|platform)\b/i;

const introductions: readonly RegExp[] = [
  new RegExp(`\\b[Hh]iring [Mm]anager(?:\\s+is)?\\s*[:–—-]?\\s*(${personName})`),
  new RegExp(`\\b(?:reporting|report|reports)\\s+(?:directly\\s+)?(?:to|into)\\s+(${personName})`),
  new RegExp(
    `\\b(?:you(?:['’]ll| will) (?:work|partner) (?:closely )?with|managed by|led by)\\s+(${personName}),`,
  ),
  new RegExp(`^\\s*(?:[Cc]ontact|[Rr]ecruiter|[Qq]uestions\\?)\\s*[:–—-]\\s*(${personName})`, 'm'),
  new RegExp(`(${personName}),\\s+(?:our|the)\\s+[^.\\n]{0,60}?\\bwill be your (?:manager|lead)`),
];

/** The hiring manager's name when the posting gives one ("reporting to Jane Doe", "Hiring manager: Jane Doe"). */
export function findHiringManager(text: string): string | null {
  for (const pattern of introductions) {
    const raw = pattern.exec(text)?.[1];
    if (raw === undefined) continue;
    const name = raw.replace(/\s+/g, ' ').trim();
    if (notNames.test(name) || !/^[A-Z]/.test(name)) continue;
    const words = name.split(' ');
    if (words.some((word) => !/^[A-Z]/.test(word))) continue;
    return name;
  }
  return null;
}
