import { z } from 'zod';
import { InputError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { parseDataFile } from '../input/parse-data-file.js';
import { readTextFile } from '../input/read-text-file.js';

/** US dollars per million tokens. */
export const ModelPriceSchema = z
  .object({
    input: z.number().min(0),
    output: z.number().min(0),
  })
  .strict();
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** Model id (or id prefix) -> price. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

export const PriceTableSchema = z.record(z.string().min(1), ModelPriceSchema);

/**
 * OpenAI's list prices (standard tier, USD per million tokens) when this table was written. Prices change: pass
 * `--prices <file>` with your own (YAML or JSON, `model: { input, output }`), which is merged over this one.
 */
export const defaultPriceTable: PriceTable = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  o3: { input: 2, output: 8 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** The Batch API bills half the synchronous price. */
export const batchApiDiscount = 0.5;

/** The price of a model: an exact entry, else the longest entry the id starts with ("gpt-4o-mini-2024-07-18"). */
export function priceFor(table: PriceTable, model: string): ModelPrice | undefined {
  const exact = table[model];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (model.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

/** Dollars for a number of prompt and completion tokens. */
export function costOf(
  tokens: { promptTokens: number; completionTokens: number },
  price: ModelPrice,
): number {
  const dollars = (tokens.promptTokens * price.input + tokens.completionTokens * price.output) / 1_000_000;
  // To a millionth of a dollar: finer is float noise in summary.json (0.041710649999999995).
  return Math.round(dollars * 1_000_000) / 1_000_000;
}

/** Reads a user's price file and merges it over the defaults. */
export async function loadPriceTable(path: string | undefined): Promise<PriceTable> {
  if (path === undefined) return defaultPriceTable;
  const data = parseDataFile(await readTextFile(path, 'input'), path, 'input');
  const parsed = PriceTableSchema.safeParse(data);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, data, (at) =>
      at.length === 1 ? ['input', 'output'] : [],
    );
    throw new InputError(
      'input.prices-invalid',
      `${path}: ${problems.map((problem) => problem.message).join('; ')}`,
      {
        file: path,
        field: problems[0]?.field,
        hint: 'write one entry per model, in US dollars per million tokens, e.g. gpt-4o-mini: { input: 0.15, output: 0.6 }',
      },
    );
  }
  return { ...defaultPriceTable, ...parsed.data };
}
