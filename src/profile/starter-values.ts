import type { Profile } from './profile-schema.js';

/** A field of the profile that names a person, a place or an employer, with its value. */
export interface ProfileValue {
  /** Where it is, as the profile's own path: `achievements[0].employer`. */
  readonly field: string;
  readonly value: string;
}

/** The fields a letter or its sign-off could show that say who the candidate is, in profile order. */
function identifyingValues(profile: Profile): ProfileValue[] {
  const { email, location, links } = profile.contact;
  return [
    { field: 'name', value: profile.name },
    ...(email === undefined ? [] : [{ field: 'contact.email', value: email }]),
    ...(location === undefined ? [] : [{ field: 'contact.location', value: location }]),
    ...links.map((value, index) => ({ field: `contact.links[${index}]`, value })),
    ...profile.achievements.flatMap((achievement, index) =>
      achievement.employer === undefined
        ? []
        : [{ field: `achievements[${index}].employer`, value: achievement.employer }],
    ),
    ...profile.projects.map((project, index) => ({ field: `projects[${index}].name`, value: project.name })),
    ...profile.education.map((entry, index) => ({
      field: `education[${index}].school`,
      value: entry.school,
    })),
  ];
}

/**
 * The identifying fields of `profile` that still hold one of the starter profile's values (Alex Example, Example
 * Corp, ...), wherever in the starter it was; empty once the user has made the profile their own. Free-text fields
 * ("did", "result") and shared defaults (skills, level) are not compared: keeping those is no mistake.
 */
export function starterValuesIn(profile: Profile, starter: Profile): readonly ProfileValue[] {
  const examples = new Set(identifyingValues(starter).map((entry) => entry.value.toLowerCase()));
  return identifyingValues(profile).filter((entry) => examples.has(entry.value.toLowerCase()));
}
