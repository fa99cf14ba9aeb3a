/**
 * FNV-1a over the text's UTF-16 code units: a fast, stable 32-bit hash. The offline engine picks phrase variants with
 * it, so the same posting always gets the same letter and different companies get different wording.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One of `options`, chosen by `seed` (and a salt, so two choices from one seed are independent). */
export function pick<T>(options: readonly T[], seed: string, salt = ''): T | undefined {
  if (options.length === 0) return undefined;
  return options[stableHash(`${salt}\u0000${seed}`) % options.length];
}
