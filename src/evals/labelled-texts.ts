import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { readValidated } from './load-dataset.js';

/** One labelled text of a real-text dataset: the hand label and the text beside it. */
export interface LabelledText<Label> {
  readonly label: Label;
  readonly text: string;
}

export interface LabelledTexts<Label> {
  readonly cases: readonly LabelledText<Label>[];
  /** Labels whose text is not here: from a source whose licence forbids copying, and not rebuilt. */
  readonly missing: readonly Label[];
}

/**
 * Loads every `labels/<id>.yaml` of a real-text dataset and the text beside it: `<committed>/<id>.txt` (sources whose
 * licence allows copying) or `unlicensed/<id>.txt` (rebuilt locally). A label without its text is listed, not an error.
 */
export async function loadLabelledTexts<Label extends { readonly id: string }>(
  folder: string,
  schema: z.ZodObject & z.ZodType<Label>,
  committed: string,
): Promise<LabelledTexts<Label>> {
  const labelsFolder = join(folder, 'labels');
  const keys = Object.keys(schema.shape);
  const names = (await readdir(labelsFolder)).filter((name) => name.endsWith('.yaml')).sort();
  const cases: LabelledText<Label>[] = [];
  const missing: Label[] = [];
  for (const name of names) {
    const file = join(labelsFolder, name);
    const label = await readValidated(file, schema, () => keys);
    if (`${label.id}.yaml` !== name)
      throw new InputError('dataset.invalid', `${file}: the id "${label.id}" does not match the file name`, {
        file,
        field: 'id',
        hint: 'name the file <id>.yaml',
      });
    const text = await firstReadable(
      [committed, 'unlicensed'].map((sub) => join(folder, sub, `${label.id}.txt`)),
    );
    if (text === undefined) missing.push(label);
    else cases.push({ label, text });
  }
  return { cases, missing };
}

async function firstReadable(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}
