import { describe, expect, it } from 'vitest';
import {
  customIdFor,
  keyOfCustomId,
  splitIntoFiles,
  stageOf,
} from '../../../src/batch/batch-api/request-files.js';
import type { LlmRequest } from '../../../src/engines/openai/llm-client.js';

const schema = (name: string) => ({ name, schema: {} });

describe('Batch API request files', () => {
  it('names the pipeline step of each request, repairs included', () => {
    const requests: LlmRequest[] = [
      {
        messages: [{ role: 'user', content: '<posting>\n...\n</posting>' }],
        schema: schema('posting_analysis'),
      },
      { messages: [{ role: 'user', content: 'draft please' }], schema: schema('cover_letter') },
      {
        messages: [{ role: 'user', content: '<findings>\n- fix it\n</findings>' }],
        schema: schema('cover_letter'),
      },
      {
        messages: [
          { role: 'user', content: 'posting' },
          { role: 'assistant', content: '{"oops"' },
          { role: 'user', content: 'repair' },
        ],
        schema: schema('posting_analysis'),
      },
      { messages: [{ role: 'user', content: 'hello' }] },
    ];
    expect(requests.map(stageOf)).toEqual(['analyze', 'draft', 'revise', 'analyze-repair', 'text']);
  });

  it('puts the request key last in the custom_id, where it is read back', () => {
    const id = customIdFor('draft', 'acme-d2bedf', '0123456789abcdef0123456789abcdef');
    expect(id).toBe('draft~acme-d2bedf~0123456789abcdef0123456789abcdef');
    expect(keyOfCustomId(id)).toBe('0123456789abcdef0123456789abcdef');
  });

  it('splits at the request and byte limits per file, and refuses a line no file can hold', () => {
    const lines = ['a'.repeat(9), 'b'.repeat(9), 'c'.repeat(9), 'd'.repeat(29)];

    expect(splitIntoFiles(lines, { maxRequests: 2, maxBytes: 1000 })).toEqual([
      ['a'.repeat(9), 'b'.repeat(9)],
      ['c'.repeat(9), 'd'.repeat(29)],
    ]);
    expect(splitIntoFiles(lines, { maxRequests: 10, maxBytes: 30 })).toEqual([
      ['a'.repeat(9), 'b'.repeat(9), 'c'.repeat(9)],
      ['d'.repeat(29)],
    ]);
    expect(() => splitIntoFiles(['x'.repeat(40)], { maxRequests: 10, maxBytes: 30 })).toThrow(
      'a Batch API request line is 41 bytes, over the 30-byte file limit',
    );
    expect(splitIntoFiles([], { maxRequests: 10, maxBytes: 30 })).toEqual([]);
  });
});
