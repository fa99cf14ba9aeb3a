import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toStrictJsonSchema } from '../../../src/engines/openai/strict-json-schema.js';
import { PostingAnalysisSchema } from '../../../src/posting/posting-analysis.js';

describe('toStrictJsonSchema', () => {
  it('makes every property required, closes every object, keeps nullables as anyOf and drops limits', () => {
    expect(toStrictJsonSchema(PostingAnalysisSchema)).toEqual({
      type: 'object',
      properties: {
        company: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        role: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        hiringManager: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        hook: {
          anyOf: [
            {
              type: 'object',
              properties: { text: { type: 'string' }, evidence: { type: 'string' } },
              required: ['text', 'evidence'],
              additionalProperties: false,
            },
            { type: 'null' },
          ],
        },
        requiredTools: { type: 'array', items: { type: 'string' } },
      },
      required: ['company', 'role', 'hiringManager', 'hook', 'requiredTools'],
      additionalProperties: false,
    });
  });

  it('keeps enums and descriptions', () => {
    const schema = z.object({
      industry: z.enum(['tech', 'finance']).describe('the playbook id'),
      confidence: z.number().min(0).max(1),
    });
    expect(toStrictJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        industry: { type: 'string', enum: ['tech', 'finance'], description: 'the playbook id' },
        confidence: { type: 'number' },
      },
      required: ['industry', 'confidence'],
      additionalProperties: false,
    });
  });

  it('refuses an optional property, which strict output cannot express (use nullable)', () => {
    expect(() => toStrictJsonSchema(z.object({ nested: z.object({ note: z.string().optional() }) }))).toThrow(
      'strict output schema: $.nested.note is optional; use .nullable()',
    );
  });
});
