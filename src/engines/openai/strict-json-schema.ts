import { z } from 'zod';

type JsonObject = Record<string, unknown>;

/**
 * Keywords kept in a strict schema. Length, range and format limits are dropped: not every OpenAI-compatible server
 * accepts them under `strict: true`, and zod checks them locally anyway.
 */
const keptKeywords = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  '$defs',
  '$ref',
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function adapt(node: unknown, path: string): unknown {
  if (Array.isArray(node)) return node.map((item, index) => adapt(item, `${path}[${index}]`));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keptKeywords.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, adapt(child, `${path}.${name}`)]),
      );
    } else if (key === '$defs' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, adapt(child, name)]));
    } else out[key] = adapt(value, path);
  }
  if (isObject(out.properties)) {
    const names = Object.keys(out.properties);
    const required = Array.isArray(out.required) ? out.required : [];
    const optional = names.filter((name) => !required.includes(name));
    if (optional.length > 0) {
      // Strict mode makes every property required; an optional one would come back as null and fail zod locally.
      throw new Error(
        `strict output schema: ${optional.map((name) => `${path}.${name}`).join(', ')} is optional; use .nullable()`,
      );
    }
    out.required = names;
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The JSON Schema of a zod schema, shaped for OpenAI strict structured output: every property required,
 * `additionalProperties: false` on every object, nullable as `anyOf [..., {type: null}]`, and only the keywords
 * strict mode accepts everywhere.
 */
export function toStrictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return adapt(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' }), '$') as Record<
    string,
    unknown
  >;
}
