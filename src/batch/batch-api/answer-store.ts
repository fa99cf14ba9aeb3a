import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StoredResponseSchema } from '../../engines/openai/stored-response.js';
import { OutputError } from '../../errors.js';

/** Where a Batch API run keeps the answers it downloaded, so a restart replays them without paying again. */
export function answersPath(out: string): string {
  return join(out, 'batch-api', 'answers.jsonl');
}

/** What a Batch API job said about one request, keyed like the request: its answer, or why it failed. */
const StoredAnswerSchema = z.union([
  z.object({ key: z.string(), response: StoredResponseSchema }),
  z.object({ key: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;

export async function loadAnswers(out: string): Promise<Map<string, StoredAnswer>> {
  const answers = new Map<string, StoredAnswer>();
  let text: string;
  try {
    text = await readFile(answersPath(out), 'utf8');
  } catch {
    return answers;
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = StoredAnswerSchema.safeParse(data);
    if (parsed.success) answers.set(parsed.data.key, parsed.data);
  }
  return answers;
}

/** Appends answers (one JSON line each) and adds them to the map. */
export async function saveAnswers(
  out: string,
  answers: Map<string, StoredAnswer>,
  fresh: readonly StoredAnswer[],
): Promise<void> {
  if (fresh.length === 0) return;
  try {
    await mkdir(join(out, 'batch-api'), { recursive: true });
    await appendFile(
      answersPath(out),
      `${fresh.map((answer) => JSON.stringify(answer)).join('\n')}\n`,
      'utf8',
    );
  } catch (error) {
    throw new OutputError('output.write-failed', `${answersPath(out)} cannot be written`, {
      file: answersPath(out),
      hint: 'check that the output folder is writable and has space',
      cause: error,
    });
  }
  for (const answer of fresh) answers.set(answer.key, answer);
}
