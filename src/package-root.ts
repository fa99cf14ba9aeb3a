import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding lede's package.json. Source runs from `src/` under vitest and from `dist/src/` when built, so
 * bundled files (templates, prompts, examples) are found from the package root rather than relative to this module.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'lede') {
      cached = folder;
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`lede: cannot find its own package.json above ${import.meta.url}`);
    folder = parent;
  }
}
