import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

/**
 * A new folder in the system's temporary folder, named `lede-<purpose>-…` so a leftover says which tests made it.
 * Removed with everything in it when the test file has run (a folder made in `beforeAll` serves all its tests).
 */
export async function newTemporaryFolder(purpose: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `lede-${purpose}-`));
  made.push(folder);
  return folder;
}

// Registered by the first import in each test file: vitest isolates files, so each file removes its own folders.
afterAll(async () => {
  await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
