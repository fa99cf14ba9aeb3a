import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * A per-case baseline an eval compares with (`baseline.json` beside its dataset): null when there is none yet, a clear
 * error when it is not JSON or not this eval's shape. `what` names it: "a reading baseline".
 */
export async function readBaselineFile<T>(
  path: string,
  schema: z.ZodType<T>,
  what: string,
): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new InputError('dataset.baseline-unreadable', `${path} is not ${what}`, {
      file: path,
      hint: 'restore it from git, or write a new one with --bless',
    });
  return parsed.data;
}
