import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** An OpenAI-style key (`sk-...`, `sk-proj-...`) or a bearer token in a header. */
const secretPattern = /\bsk-[A-Za-z0-9_-]{8,}|\bBearer\b/;

describe('test fixtures and cassettes', () => {
  it('hold no bearer token and no sk- key anywhere under test/fixtures', async () => {
    const files = await filesUnder('test/fixtures');
    expect(files.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const file of files) {
      // The hostile-input corpus holds binary and odd encodings on purpose; latin1 reads every byte.
      if (secretPattern.test(await readFile(file, 'latin1'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('hold no copy of the API key the tests use', async () => {
    const offenders: string[] = [];
    for (const file of await filesUnder('test/fixtures')) {
      if ((await readFile(file, 'latin1')).includes('test-key-not-real')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
