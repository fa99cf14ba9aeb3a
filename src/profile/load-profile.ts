import { InputError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { type ParsedDataFile, parseDataDocument } from '../input/parse-data-file.js';
import { readTextFile } from '../input/read-text-file.js';
import {
  AchievementSchema,
  EducationSchema,
  type Profile,
  ProfileSchema,
  ProjectSchema,
} from './profile-schema.js';

function knownKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(ProfileSchema.shape);
  if (path[0] === 'achievements') return Object.keys(AchievementSchema.shape);
  if (path[0] === 'projects') return Object.keys(ProjectSchema.shape);
  if (path[0] === 'education') return Object.keys(EducationSchema.shape);
  if (path[0] === 'contact') return ['email', 'phone', 'location', 'links'];
  return [];
}

/**
 * Validates already-parsed profile data; `source` names it in errors, and `lineOf` (from `parseDataDocument`) adds
 * the line of the first problem when the data came from a file.
 */
export function parseProfile(data: unknown, source: string, lineOf?: ParsedDataFile['lineOf']): Profile {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(
      'profile.not-a-mapping',
      `${source}: a profile must be a mapping of fields (name, achievements, ...)`,
      {
        file: source,
        hint: 'run `lede init` to write a commented starter profile',
      },
    );
  }
  const parsed = ProfileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error.issues, data, knownKeys);
  const first = problems[0];
  const line = first === undefined ? undefined : lineOf?.(first.path);
  throw new InputError(
    'profile.invalid',
    `${source}${line === undefined ? '' : `:${line}`}: ${problems.map((problem) => problem.message).join('; ')}`,
    {
      file: source,
      field: first?.field,
      line,
      hint: 'see `lede init` for a commented example, or `lede schema profile` for the JSON Schema',
      cause: parsed.error,
    },
  );
}

/** Reads and validates a profile from a YAML or JSON file. */
export async function loadProfile(path: string): Promise<Profile> {
  const text = await readTextFile(path, 'profile');
  if (text.trim() === '') {
    throw new InputError('profile.empty', `${path} is empty`, {
      file: path,
      hint: 'run `lede init` to write a commented starter profile',
    });
  }
  const parsed = parseDataDocument(text, path, 'profile');
  return parseProfile(parsed.data, path, parsed.lineOf);
}
