import { describe, expect, it } from 'vitest';
import { toStrictJsonSchema } from '../../src/engines/openai/strict-json-schema.js';
import { IndustryResultSchema, PostingAnalysisSchema } from '../../src/posting/posting-analysis.js';
import { UnsupportedSchemaError } from '../support/real-model/chat-model.js';
import { toGrammarSchema } from '../support/real-model/grammar-schema.js';

describe('toGrammarSchema', () => {
  it("turns lede's posting analysis schema into node-llama-cpp's: nullable fields as oneOf, the rest as sent", () => {
    const sent = toStrictJsonSchema(IndustryResultSchema.extend(PostingAnalysisSchema.shape));
    const grammar = toGrammarSchema(sent);
    expect(grammar.required).toEqual(sent.required);
    expect(grammar.additionalProperties).toBe(false);
    expect((grammar.properties as Record<string, unknown>).company).toEqual({
      oneOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect((grammar.properties as Record<string, unknown>).hook).toEqual({
      oneOf: [
        {
          type: 'object',
          properties: { text: { type: 'string' }, evidence: { type: 'string' } },
          required: ['text', 'evidence'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    });
    expect(JSON.stringify(grammar)).not.toContain('anyOf');
  });

  it('reads definitions as $defs, and drops what only narrows or annotates', () => {
    expect(
      toGrammarSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'Answer',
        properties: {
          when: { type: 'string', format: 'date' },
          mail: { type: 'string', format: 'email', pattern: '@' },
          score: { type: 'number', minimum: 0, maximum: 1 },
          tags: { items: { $ref: '#/definitions/tag' }, maxItems: 3 },
        },
        definitions: { tag: { enum: ['a', 'b'], default: 'a' } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        when: { type: 'string', format: 'date' },
        mail: { type: 'string' },
        score: { type: 'number' },
        tags: { type: 'array', items: { $ref: '#/$defs/tag' }, maxItems: 3 },
      },
      $defs: { tag: { enum: ['a', 'b'] } },
    });
  });

  it('refuses what would change the valid values, naming where', () => {
    expect(() =>
      toGrammarSchema({ type: 'object', properties: { a: { allOf: [{ type: 'string' }] } } }),
    ).toThrow(new UnsupportedSchemaError('$.a: "allOf" is not supported by this server'));
    expect(() => toGrammarSchema({ type: 'object', properties: { a: {} } })).toThrow(UnsupportedSchemaError);
    expect(() => toGrammarSchema({ title: 'nothing to go on' })).toThrow(/give a type/);
  });
});
