import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { parseDataDocument } from '../input/parse-data-file.js';
import { readTextFile } from '../input/read-text-file.js';
import { loadPosting, postingExtensions } from '../posting/load-posting.js';
import type { Posting } from '../posting/posting.js';
import { parseProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import {
  CaseSpecSchema,
  CasesFileSchema,
  type Dataset,
  type EvalCase,
  type Label,
  LabelSchema,
  LabelsFileSchema,
} from './dataset.js';

export interface LoadDatasetOptions {
  /** Industries a label may name (the playbook ids); unchecked when absent. */
  readonly industries?: readonly string[] | undefined;
}

async function listFiles(folder: string, what: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    throw new InputError('dataset.folder-missing', `${folder} cannot be read (${what})`, {
      file: folder,
      hint: 'a dataset folder holds postings/, profiles/, labels.yaml and cases.yaml',
      cause: error,
    });
  }
}

export async function readValidated<T>(
  path: string,
  schema: z.ZodType<T>,
  knownKeys: (at: readonly PropertyKey[]) => readonly string[],
): Promise<T> {
  const text = await readTextFile(path, 'dataset');
  const { data, lineOf } = parseDataDocument(text, path, 'dataset');
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error.issues, data, knownKeys);
  const first = parsed.error.issues[0];
  const line = first === undefined ? undefined : lineOf(first.path);
  throw new InputError(
    'dataset.invalid',
    `${path}${line === undefined ? '' : `:${line}`}: ${problems.map((problem) => problem.message).join('; ')}`,
    {
      file: path,
      field: problems[0]?.field,
      line,
      hint: `see the comment at the top of ${path} for the format`,
    },
  );
}

function nearest(word: string, candidates: readonly string[]): string | undefined {
  const prefix = word.split('-').slice(0, 2).join('-');
  return (
    candidates.find((candidate) => candidate.startsWith(prefix)) ?? candidates.find((c) => c.includes(word))
  );
}

function unknownReference(
  path: string,
  field: string,
  value: string,
  kind: 'posting' | 'profile',
  known: readonly string[],
  where: string,
): InputError {
  const guess = nearest(value, known);
  return new InputError(
    `dataset.unknown-${kind}`,
    `${path}: ${field} names ${kind} "${value}", which is not in ${where}${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`,
    { file: path, field, hint: `add ${where}/${value}, or fix the id` },
  );
}

/**
 * Validates a profile like `lede` does, except that a profile without a single number is kept: the CLI refuses one,
 * but the dataset holds one on purpose, to check that the pipeline invents no figure when the profile has none.
 */
async function readProfile(path: string): Promise<Profile> {
  const parsed = parseDataDocument(await readTextFile(path, 'profile'), path, 'profile');
  return parseProfile(parsed.data, path, parsed.lineOf);
}

/**
 * Loads an eval dataset: every posting in `postings/` with its label in `labels.yaml`, every profile in `profiles/`,
 * and the cases in `cases.yaml` that pair them. Anything missing, unlabelled, duplicated or misspelt is an
 * `InputError` naming the file, the field and the fix.
 */
export async function loadDataset(folder: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  const labelsPath = join(folder, 'labels.yaml');
  const casesPath = join(folder, 'cases.yaml');
  const labels = await readValidated(labelsPath, LabelsFileSchema, (at) =>
    at.length === 1 ? Object.keys(LabelSchema.shape) : [],
  );
  const casesFile = await readValidated(casesPath, CasesFileSchema, (at) =>
    at.length === 0 ? ['cases'] : at.length === 2 ? Object.keys(CaseSpecSchema.shape) : [],
  );

  if (options.industries !== undefined) {
    for (const [postingId, label] of Object.entries(labels)) {
      if (!options.industries.includes(label.industry)) {
        throw new InputError(
          'dataset.unknown-industry',
          `${labelsPath}: ${postingId}.industry is "${label.industry}", which no playbook defines`,
          {
            file: labelsPath,
            field: `${postingId}.industry`,
            hint: `use one of ${options.industries.join(', ')}, or add templates/industries/${label.industry}.yaml`,
          },
        );
      }
    }
  }

  const postingsFolder = join(folder, 'postings');
  const postingFiles = new Map<string, string>();
  for (const name of await listFiles(postingsFolder, 'the postings')) {
    const extension = extname(name).toLowerCase();
    if (!(postingExtensions as readonly string[]).includes(extension)) continue;
    const postingId = name.slice(0, -extension.length);
    const earlier = postingFiles.get(postingId);
    if (earlier !== undefined) {
      throw new InputError(
        'dataset.duplicate-posting',
        `${postingsFolder}: ${earlier} and ${name} share the id ${postingId}`,
        {
          file: join(postingsFolder, name),
          hint: 'keep one file per posting id',
        },
      );
    }
    postingFiles.set(postingId, name);
    if (labels[postingId] === undefined) {
      throw new InputError(
        'dataset.unlabelled-posting',
        `${join(postingsFolder, name)} has no entry in ${labelsPath}`,
        {
          file: labelsPath,
          field: postingId,
          hint: `add "${postingId}:" with industry, company, hookKeywords and requiredTools to labels.yaml`,
        },
      );
    }
  }
  for (const postingId of Object.keys(labels)) {
    if (!postingFiles.has(postingId)) {
      throw new InputError(
        'dataset.missing-posting',
        `${labelsPath}: ${postingId} has a label but no posting file`,
        {
          file: labelsPath,
          field: postingId,
          hint: `add ${postingsFolder}/${postingId}.txt (or .md, .html), or remove the label`,
        },
      );
    }
  }

  const profilesFolder = join(folder, 'profiles');
  const profileFiles = new Map<string, string>();
  for (const name of await listFiles(profilesFolder, 'the profiles')) {
    const extension = extname(name).toLowerCase();
    if (['.yaml', '.yml', '.json'].includes(extension))
      profileFiles.set(name.slice(0, -extension.length), name);
  }

  const seen = new Set<string>();
  casesFile.cases.forEach((spec, index) => {
    if (seen.has(spec.id)) {
      throw new InputError('dataset.duplicate-case', `${casesPath}: case id "${spec.id}" appears twice`, {
        file: casesPath,
        field: `cases[${index}].id`,
        hint: 'give every case its own id',
      });
    }
    seen.add(spec.id);
    if (!postingFiles.has(spec.posting)) {
      throw unknownReference(
        casesPath,
        `cases[${index}].posting`,
        spec.posting,
        'posting',
        [...postingFiles.keys()],
        postingsFolder,
      );
    }
    if (!profileFiles.has(spec.profile)) {
      throw unknownReference(
        casesPath,
        `cases[${index}].profile`,
        spec.profile,
        'profile',
        [...profileFiles.keys()],
        profilesFolder,
      );
    }
  });

  const postings = new Map<string, Posting>();
  for (const postingId of new Set(casesFile.cases.map((spec) => spec.posting))) {
    postings.set(postingId, await loadPosting(join(postingsFolder, postingFiles.get(postingId) as string)));
  }
  const profiles = new Map<string, Profile>();
  for (const profileId of new Set(casesFile.cases.map((spec) => spec.profile))) {
    profiles.set(profileId, await readProfile(join(profilesFolder, profileFiles.get(profileId) as string)));
  }
  const cases: EvalCase[] = casesFile.cases.map((spec) => ({
    id: spec.id,
    postingId: spec.posting,
    profileId: spec.profile,
    posting: postings.get(spec.posting) as Posting,
    profile: profiles.get(spec.profile) as Profile,
    label: labels[spec.posting] as Label,
  }));
  return { folder, cases };
}
