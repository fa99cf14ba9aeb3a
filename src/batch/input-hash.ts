import { createHash } from 'node:crypto';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Profile } from '../profile/profile-schema.js';

/** JSON with object keys sorted, so equal data always hashes the same. */
export function stableJson(value: unknown): string {
  if (value instanceof Map) return stableJson(Object.fromEntries([...value.entries()]));
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Everything besides the posting that decides a letter. */
export interface RunInputs {
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
  /** Options that change the output (attempts, word limit, forced industry, temperature, ...). */
  readonly config: Record<string, unknown>;
  readonly engine: string;
  readonly model: string;
}

/** Hashes the shared inputs once per batch; `inputHashFor` mixes in each posting. */
export function runFingerprint(inputs: RunInputs): string {
  const { folder: _folder, ...playbooks } = inputs.playbooks;
  return sha256(
    stableJson({
      profile: sha256(stableJson(inputs.profile)),
      playbooks: sha256(stableJson(playbooks)),
      config: inputs.config,
      engine: inputs.engine,
      model: inputs.model,
    }),
  );
}

/** The manifest's input hash of one posting: its bytes plus the run's fingerprint. */
export function inputHashFor(postingBytes: Uint8Array, fingerprint: string): string {
  return sha256(`${sha256(postingBytes)}:${fingerprint}`);
}
