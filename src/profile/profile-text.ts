import type { Profile } from './profile-schema.js';

/**
 * Everything the profile says, as one lowercase string. The grounding rules look claims up here: a number, employer
 * or tool is grounded when the candidate wrote it somewhere in their profile.
 */
export function profileText(profile: Profile): string {
  const parts: string[] = [profile.name, profile.headline ?? ''];
  for (const fact of [...profile.achievements, ...profile.projects]) {
    parts.push(
      'name' in fact ? String(fact.name) : '',
      fact.employer ?? '',
      fact.role ?? '',
      fact.did,
      fact.result ?? '',
      ...fact.metrics,
      ...fact.tools,
      ...fact.methods,
      ...fact.tags,
    );
  }
  parts.push(
    ...profile.skills,
    ...Object.values(profile.comparableTools),
    ...profile.certifications,
    ...profile.awards,
  );
  for (const school of profile.education)
    parts.push(school.school, school.degree ?? '', String(school.year ?? ''));
  return parts.join('\n').toLowerCase();
}

/** Every tool the candidate can claim: achievement and project tools, methods and skills. */
export function profileTools(profile: Profile): string[] {
  const tools = new Set<string>();
  for (const fact of [...profile.achievements, ...profile.projects]) {
    for (const tool of [...fact.tools, ...fact.methods]) tools.add(tool);
  }
  for (const skill of profile.skills) tools.add(skill);
  return [...tools];
}
