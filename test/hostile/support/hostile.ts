import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { bundledTemplatesFolder } from '../../../src/playbooks/load-playbooks.js';
import { type LedeRun, type RunOptions, runLede, temporaryFolder } from '../../cli/run-lede.js';

/** A file under test/fixtures/hostile/. */
export function hostile(path: string): string {
  return fileURLToPath(new URL(`../../fixtures/hostile/${path}`, import.meta.url));
}

/** The profile every hostile-posting case drafts with: valid, with contact details that must never leak. */
export const validProfile = hostile('profiles/valid.yaml');

/** A clean posting for the same profile (Lanternfish, Tidewater). */
export const cleanPosting = hostile('postings/clean-base.txt');

/** Runs lede in-process in a fresh temporary folder; the offline engine unless the arguments say otherwise. */
export async function lede(
  argv: readonly string[],
  options: Partial<RunOptions> = {},
): Promise<LedeRun & { cwd: string }> {
  const cwd = options.cwd ?? (await temporaryFolder());
  const run = await runLede(argv, { env: {}, ...options, cwd });
  return { ...run, cwd };
}

/** What `lede draft` printed on stderr besides the letter's report (which follows the letter there): its notices. */
export function noticesIn(stderr: string): string {
  return stderr.replace(/\n# Report: [\s\S]*$/, '');
}

/** Node's stack frames ("    at fn (file:1:2)"): only `--verbose` may print them. */
export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+[(:]\d+/m);
}

/** A copy of the bundled templates folder, changed by `edit`, for playbook cases (`--templates`). */
export async function editedTemplates(edit: (folder: string) => Promise<void>): Promise<string> {
  const folder = join(await temporaryFolder(), 'templates');
  await cp(bundledTemplatesFolder(), folder, { recursive: true });
  await edit(folder);
  return folder;
}

/** Rewrites a text file in place. */
export async function rewrite(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}
