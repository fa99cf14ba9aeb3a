import { UnsupportedSchemaError } from './chat-model.js';

type JsonObject = Record<string, unknown>;

/** Keywords node-llama-cpp turns into grammar, kept as they are. */
const kept = new Set([
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'description',
  '$ref',
]);

/** Keywords that change which values are valid in a way a grammar here cannot follow: refused, never ignored. */
const refused = new Set([
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'patternProperties',
  'dependentSchemas',
  'dependentRequired',
  'contains',
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
]);

/** The string formats node-llama-cpp has a grammar for; others are left to the client's own validation. */
const formats = new Set(['date-time', 'time', 'date']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function convert(node: unknown, path: string): JsonObject {
  if (!isObject(node) || Object.keys(node).length === 0) {
    throw new UnsupportedSchemaError(
      `${path}: a schema that allows any value has no grammar here; name its type`,
    );
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (refused.has(key))
      throw new UnsupportedSchemaError(`${path}: "${key}" is not supported by this server`);
    if (key === 'anyOf' || key === 'oneOf') {
      // For generating one value, "any of" and "exactly one of" ask for the same thing: a value of one branch.
      if (!Array.isArray(value)) throw new UnsupportedSchemaError(`${path}.${key} must be a list of schemas`);
      out.oneOf = value.map((branch, index) => convert(branch, `${path}.${key}[${index}]`));
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, convert(child, `${path}.${name}`)]),
      );
    } else if ((key === '$defs' || key === 'definitions') && isObject(value)) {
      out.$defs = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, convert(child, `#/$defs/${name}`)]),
      );
    } else if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace(/^#\/definitions\//, '#/$defs/');
    } else if (key === 'format') {
      if (typeof value === 'string' && formats.has(value)) out.format = value;
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'boolean' ? value : convert(value, `${path}.${key}`);
    } else if (key === 'prefixItems' && Array.isArray(value)) {
      out.prefixItems = value.map((item, index) => convert(item, `${path}.prefixItems[${index}]`));
    } else if (kept.has(key)) {
      out[key] = value;
    }
    // Everything else (title, default, examples, pattern, minimum, ...) only narrows or annotates: the client checks
    // those itself, as lede does with zod.
  }
  if (out.type === undefined && out.properties !== undefined) out.type = 'object';
  if (out.type === undefined && (out.items !== undefined || out.prefixItems !== undefined))
    out.type = 'array';
  if (out.items === true) delete out.items;
  if (out.items === false) out.maxItems = 0;
  const constrained = ['type', 'const', 'enum', 'oneOf', '$ref'].some((key) => out[key] !== undefined);
  if (!constrained)
    throw new UnsupportedSchemaError(`${path}: give a type, an enum, a const, a $ref or anyOf`);
  return out;
}

/**
 * A request's JSON Schema as node-llama-cpp builds a grammar from it: `anyOf` read as `oneOf`, `definitions` as
 * `$defs`, narrowing keywords without a grammar dropped (the client validates them), and what would change the set of
 * valid values refused with {@link UnsupportedSchemaError}.
 */
export function toGrammarSchema(schema: unknown): JsonObject {
  return convert(schema, '$');
}
