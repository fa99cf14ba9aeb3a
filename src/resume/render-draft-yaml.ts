import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { DraftFact, ProfileDraft } from './build-profile-draft.js';

/** The name written when the resume shows none: a placeholder the loader accepts and no one could take for a fact. */
export const missingName = 'YOUR NAME (not found in the resume)';

function factObject(fact: DraftFact): Record<string, unknown> {
  const { dates: _dates, ...fields } = fact;
  return fields;
}

function commentFor(fact: DraftFact): string | undefined {
  const where = [fact.role, fact.employer].filter((part) => part !== undefined).join(' at ');
  const parts = [where, fact.dates].filter((part) => part !== undefined && part !== '');
  return parts.length === 0 ? undefined : ` ${parts.join(', ')}`;
}

/**
 * The draft as a commented profile YAML: a note on top saying what to do with it, each entry's dates above it, and
 * the lines it could not place listed as comments at the end.
 */
export function renderDraftYaml(draft: ProfileDraft, source: string): string {
  const profile = {
    name: draft.name ?? missingName,
    contact: draft.contact,
    achievements: draft.achievements.map(factObject),
    projects: draft.projects.map(factObject),
    skills: draft.skills,
    education: draft.education.map((entry) =>
      entry.year !== undefined && /^\d{4}$/.test(entry.year) ? { ...entry, year: Number(entry.year) } : entry,
    ),
  };
  const document = new Document(profile);
  document.commentBefore = [
    ` A profile drafted by \`lede init --from ${source}\`. Every value is copied from the resume, nothing added.`,
    ' Check each entry against the resume: fix what was misread, move a result into `result`, delete what you',
    ' would not put in a letter, then delete its `review` line. lede warns while any `review` line remains.',
    ...(draft.name === undefined
      ? [' The resume shows no name lede could read: write yours in `name`.']
      : []),
  ].join('\n');
  for (const key of ['achievements', 'projects'] as const) {
    const list = document.get(key, true);
    if (!isSeq(list)) continue;
    draft[key].forEach((fact, index) => {
      const node = list.items[index];
      const comment = commentFor(fact);
      if (comment !== undefined && isMap(node)) (node as YAMLMap).commentBefore = comment;
    });
  }
  const body = document.toString({ lineWidth: 0 });
  if (draft.unplaced.length === 0) return body;
  const unplaced = draft.unplaced.map((line) => `#   ${line.replace(/[\r\n]/g, ' ')}`);
  return `${body}\n# Lines of the resume lede could not place (copy what you need into the fields above):\n${unplaced.join('\n')}\n`;
}
