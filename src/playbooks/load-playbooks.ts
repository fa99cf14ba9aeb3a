import { access, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { parseDataFile } from '../input/parse-data-file.js';
import { readTextFile } from '../input/read-text-file.js';
import { packageRoot } from '../package-root.js';
import {
  type CommonVocabulary,
  CommonVocabularySchema,
  type EmployerList,
  EmployerListSchema,
  type Playbook,
  PlaybookSchema,
  type PlaybookSet,
} from './playbook-schema.js';
import { ruleDeclarationKeys } from './rule-declaration-schema.js';

/** The industries every playbook folder must define; users may add more. */
export const coreIndustries = ['tech', 'finance', 'retail', 'general'] as const;

export function bundledTemplatesFolder(): string {
  return join(packageRoot(), 'templates');
}

/** The raw `rules[index]` of a parsed playbook file, when there is such an object. */
function declarationAt(data: unknown, index: PropertyKey | undefined): Record<string, unknown> | undefined {
  if (typeof index !== 'number' || typeof data !== 'object' || data === null) return undefined;
  const rules: unknown = (data as { rules?: unknown }).rules;
  const rule: unknown = Array.isArray(rules) ? rules[index] : undefined;
  return typeof rule === 'object' && rule !== null ? (rule as Record<string, unknown>) : undefined;
}

/** The keys allowed at a path, for "did you mean": the top level's, or a declared rule's (they follow its kind). */
function keysAt(data: unknown, at: readonly PropertyKey[], topLevel: readonly string[]): readonly string[] {
  if (at.length === 0) return topLevel;
  const kind = at.length === 2 && at[0] === 'rules' ? declarationAt(data, at[1])?.kind : undefined;
  return typeof kind === 'string' && Object.hasOwn(ruleDeclarationKeys, kind)
    ? ruleDeclarationKeys[kind as keyof typeof ruleDeclarationKeys]
    : [];
}

async function loadValidated<T>(
  path: string,
  schema: {
    safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: never[] } };
  },
  keys: readonly string[],
): Promise<T> {
  const data = parseDataFile(await readTextFile(path, 'playbook'), path, 'playbook');
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error.issues, data, (at) => keysAt(data, at, keys)).map(
    (problem) => {
      // A rule's problem names the rule, so the reader finds it without counting list items.
      const id = problem.path[0] === 'rules' ? declarationAt(data, problem.path[1])?.id : undefined;
      return typeof id === 'string' ? { ...problem, message: `rule ${id}: ${problem.message}` } : problem;
    },
  );
  throw new InputError(
    'playbook.invalid',
    `${path}: ${problems.map((problem) => problem.message).join('; ')}`,
    {
      file: path,
      field: problems[0]?.field,
      hint: `compare with the bundled playbooks in ${bundledTemplatesFolder()}`,
    },
  );
}

/**
 * Loads `common.yaml`, `employers.yaml` and every `industries/*.yaml` from a templates folder (the bundled one by
 * default). The four
 * core industries must be present; a file's `industry` must match its name.
 */
export async function loadPlaybooks(folder: string = bundledTemplatesFolder()): Promise<PlaybookSet> {
  const common = await loadValidated<CommonVocabulary>(
    join(folder, 'common.yaml'),
    CommonVocabularySchema as never,
    Object.keys(CommonVocabularySchema.shape),
  );
  const industriesFolder = join(folder, 'industries');
  let names: string[];
  try {
    names = (await readdir(industriesFolder)).filter((name) => /\.(ya?ml|json)$/i.test(name)).sort();
  } catch (error) {
    throw new InputError('playbook.folder-missing', `${industriesFolder} cannot be read`, {
      file: industriesFolder,
      hint: 'a templates folder holds common.yaml and industries/<industry>.yaml',
      cause: error,
    });
  }
  const playbooks = new Map<string, Playbook>();
  for (const name of names) {
    const path = join(industriesFolder, name);
    const playbook = await loadValidated<Playbook>(
      path,
      PlaybookSchema as never,
      Object.keys(PlaybookSchema.shape),
    );
    const expected = basename(name, extname(name));
    if (playbook.industry !== expected) {
      throw new InputError(
        'playbook.name-mismatch',
        `${path}: industry is "${playbook.industry}" but the file is named ${name}`,
        {
          file: path,
          field: 'industry',
          hint: `rename the file to ${playbook.industry}.yaml or set industry: ${expected}`,
        },
      );
    }
    playbooks.set(playbook.industry, playbook);
  }
  for (const industry of coreIndustries) {
    if (!playbooks.has(industry)) {
      throw new InputError('playbook.missing', `${industriesFolder} has no ${industry}.yaml playbook`, {
        file: industriesFolder,
        hint: `every templates folder needs ${coreIndustries.join(', ')}; copy the missing one from ${bundledTemplatesFolder()}`,
      });
    }
  }
  const employers = await loadValidated<EmployerList>(
    await employerListPath(folder),
    EmployerListSchema as never,
    Object.keys(EmployerListSchema.shape),
  );
  return { common, employers, playbooks, folder };
}

/** A templates folder may bring its own employers.yaml; one without it (an older copy) uses the bundled list. */
async function employerListPath(folder: string): Promise<string> {
  const own = join(folder, 'employers.yaml');
  try {
    await access(own);
    return own;
  } catch {
    return join(bundledTemplatesFolder(), 'employers.yaml');
  }
}

/** The playbook for an industry, falling back to general for an unknown one. */
export function playbookFor(set: PlaybookSet, industry: string): Playbook {
  const found = set.playbooks.get(industry) ?? set.playbooks.get('general');
  if (found === undefined) throw new Error('playbook set has no general playbook');
  return found;
}
