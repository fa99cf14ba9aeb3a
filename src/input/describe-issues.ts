import type { z } from 'zod';

/** `['achievements', 2, 'metrics']` -> `achievements[2].metrics`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/**
 * Turns zod issues into lines a person can act on: the field, what is wrong, and for a misspelt key the key that was
 * probably meant. `knownKeys` lists the keys allowed at each object path, for "did you mean" suggestions.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): { field: string; path: PropertyKey[]; message: string }[] {
  return issues.map((issue) => ({ ...describeIssue(issue, input, knownKeys), path: pathOf(issue) }));
}

function pathOf(issue: z.core.$ZodIssue): PropertyKey[] {
  return issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : [...issue.path];
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): { field: string; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const field = fieldPath([...issue.path, ...issue.keys.slice(0, 1)]);
    const parts = issue.keys.map((key) => {
      const guess = closest(key, knownKeys(issue.path));
      return guess === undefined ? `"${key}"` : `"${key}" (did you mean "${guess}"?)`;
    });
    const where = issue.path.length === 0 ? 'at the top level' : `in ${fieldPath(issue.path)}`;
    return { field, message: `unknown key ${parts.join(', ')} ${where}; remove it or fix its spelling` };
  }
  const field = fieldPath(issue.path);
  if (issue.code === 'invalid_type') {
    const got = valueAt(input, issue.path);
    if (got === undefined) return { field, message: `${field} is required (expected ${issue.expected})` };
    return { field, message: `${field} must be ${article(issue.expected)} (got ${describeValue(got)})` };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return { field, message: `${field} is empty; write the text or remove the key` };
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return { field, message: `${field} needs at least ${String(issue.minimum)} item(s)` };
  }
  return { field, message: `${field}: ${issue.message}` };
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  return `a ${expected}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
