import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ConfigError } from '../errors.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Profile } from '../profile/profile-schema.js';
import { type FoundPosting, findPostings, type SkippedFile } from './find-postings.js';
import { runFingerprint } from './input-hash.js';
import { loadManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { assignOutputStems } from './output-names.js';

/** What a batch works on, found once: the postings, their output names, the last run's manifest, the run's hash. */
export interface PreparedBatch {
  readonly postings: readonly FoundPosting[];
  readonly skippedFiles: readonly SkippedFile[];
  readonly stems: ReadonlyMap<string, string>;
  readonly manifest: Manifest;
  readonly fingerprint: string;
}

export interface PrepareInput {
  readonly folder: string;
  readonly out: string;
  readonly recursive: boolean;
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
  /** Options that change letters. */
  readonly config: Record<string, unknown>;
  readonly engine: { readonly name: string; readonly model: string };
}

export function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return (
    path === '' ||
    (!path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path))
  );
}

export async function prepareBatch(input: PrepareInput): Promise<PreparedBatch> {
  if (isInside(input.folder, input.out)) {
    throw new ConfigError(
      'config.out-holds-postings',
      `--out ${input.out} is (or holds) the postings folder`,
      {
        field: 'out',
        hint: 'write letters to a folder of their own, e.g. --out letters',
      },
    );
  }
  const found = await findPostings(input.folder, { recursive: input.recursive });
  // The output folder may sit inside the postings folder: its letters are not postings.
  const postings = found.postings.filter((posting) => !isInside(posting.path, input.out));
  const skippedFiles = found.skipped.filter(
    (file) => !isInside(join(input.folder, file.relative.replace(/\/$/, '')), input.out),
  );
  return {
    postings,
    skippedFiles,
    stems: assignOutputStems(postings.map((posting) => posting.relative)),
    manifest: await loadManifest(input.out),
    fingerprint: runFingerprint({
      profile: input.profile,
      playbooks: input.playbooks,
      config: input.config,
      engine: input.engine.name,
      model: input.engine.model,
    }),
  };
}

export function isSuccess(status: string): boolean {
  return status === 'passed' || status === 'passed-after-revision';
}

/**
 * The last run's entry when it can be kept: same input hash, a success, and its letter still on disk. Failed, changed
 * and deleted ones are redone, and everything is with `force`.
 */
export async function reusableEntry(
  manifest: Manifest,
  posting: string,
  inputHash: string,
  out: string,
  force: boolean,
): Promise<ManifestEntry | undefined> {
  if (force) return undefined;
  const previous = manifest.entries[posting];
  if (
    previous === undefined ||
    previous.inputHash !== inputHash ||
    !isSuccess(previous.status) ||
    previous.outputs === null
  ) {
    return undefined;
  }
  const present = await stat(join(out, previous.outputs.letter)).then(
    () => true,
    () => false,
  );
  return present ? previous : undefined;
}
