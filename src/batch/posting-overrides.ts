import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { parseDataDocument } from '../input/parse-data-file.js';
import type { AnalyzeOverrides } from '../pipeline/analyze-posting.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { nameProblem } from '../posting/reading-checks.js';

/** A batch posting's overrides sit beside it: `acme.txt` -> `acme.lede.yaml`. */
export const overridesSuffix = '.lede.yaml';

export function overridesPathFor(postingPath: string): string {
  return join(dirname(postingPath), `${basename(postingPath, extname(postingPath))}${overridesSuffix}`);
}

export function isOverridesFile(name: string): boolean {
  return name.toLowerCase().endsWith(overridesSuffix);
}

const name = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, context) => {
    const problem = nameProblem(value);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** What a person may set for one posting; everything else is read from it. */
const OverridesSchema = z
  .object({
    industry: z.string().trim().min(1).optional(),
    company: name.optional(),
    hook: name.optional(),
    role: name.optional(),
    hiringManager: name.optional(),
  })
  .strict();

export interface PostingOverrides {
  readonly overrides: AnalyzeOverrides;
  /** The file's bytes, so that editing it redoes the posting's letter; null when there is no file. */
  readonly bytes: Buffer | null;
}

/** Reads the posting's overrides file, if it has one, and checks it against the schema and the playbooks. */
export async function readPostingOverrides(
  postingPath: string,
  playbooks: PlaybookSet,
): Promise<PostingOverrides> {
  const path = overridesPathFor(postingPath);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { overrides: {}, bytes: null };
    throw new InputError('input.unreadable', `${path} cannot be read: ${(error as Error).message}`, {
      file: path,
      hint: 'check its permissions, or remove it',
      cause: error,
    });
  }
  const { data, lineOf } = parseDataDocument(bytes.toString('utf8'), path, 'overrides');
  const parsed = OverridesSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, data, () => Object.keys(OverridesSchema.shape));
    const line = lineOf(parsed.error.issues[0]?.path ?? []);
    throw new InputError(
      'overrides.invalid',
      `${path}${line === undefined ? '' : `:${line}`}: ${problems.map((problem) => problem.message).join('; ')}`,
      {
        file: path,
        field: problems[0]?.field,
        line,
        hint: 'it may set industry, company, hook, role and hiringManager, each a short name on one line',
      },
    );
  }
  const industry = parsed.data.industry?.toLowerCase();
  if (industry !== undefined && !playbooks.playbooks.has(industry))
    throw new InputError('overrides.invalid', `${path}: industry "${industry}" has no playbook`, {
      file: path,
      field: 'industry',
      hint: `use one of ${[...playbooks.playbooks.keys()].sort().join(', ')}`,
    });
  return { overrides: { ...parsed.data, industry }, bytes };
}
