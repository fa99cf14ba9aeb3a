import type { LlmRequest } from '../../engines/openai/llm-client.js';

/** The Batch API's limits per input file. */
export const batchFileLimits = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 } as const;

export interface FileLimits {
  readonly maxRequests: number;
  readonly maxBytes: number;
}

/** Which pipeline step a request is, for its custom_id: analyze, draft, revise, or a schema repair. */
export function stageOf(request: LlmRequest): string {
  const name = request.schema?.name;
  const repair = request.messages.some((message) => message.role === 'assistant') ? '-repair' : '';
  if (name === 'posting_analysis') return `analyze${repair}`;
  if (name === 'cover_letter') {
    const revising = request.messages.some((message) => message.content.includes('<findings>'));
    return `${revising ? 'revise' : 'draft'}${repair}`;
  }
  return `${name ?? 'text'}${repair}`;
}

/** `draft~acme-d2bedf~<key>`: the step, the posting's output name, and the request's key (which maps the answer back). */
export function customIdFor(stage: string, stem: string, key: string): string {
  return `${stage}~${stem}~${key}`;
}

export function keyOfCustomId(customId: string): string {
  return customId.slice(customId.lastIndexOf('~') + 1);
}

/**
 * Splits request lines into input files within the Batch API's limits (requests and bytes per file). A single line
 * over the byte limit cannot be sent at all.
 */
export function splitIntoFiles(lines: readonly string[], limits: FileLimits = batchFileLimits): string[][] {
  const files: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (size > limits.maxBytes) {
      throw new RangeError(
        `a Batch API request line is ${size} bytes, over the ${limits.maxBytes}-byte file limit`,
      );
    }
    if (current.length >= limits.maxRequests || bytes + size > limits.maxBytes) {
      files.push(current);
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) files.push(current);
  return files;
}
