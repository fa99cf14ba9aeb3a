import { ConfigError } from '../errors.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';

/** Checks `--industry` against the loaded playbooks, so a typo is an error rather than a silent fall back to general. */
export function industryOption(name: string | undefined, playbooks: PlaybookSet): string | undefined {
  if (name === undefined) return undefined;
  const industry = name.trim().toLowerCase();
  if (playbooks.playbooks.has(industry)) return industry;
  const known = [...playbooks.playbooks.keys()].sort().join(', ');
  throw new ConfigError('config.unknown-industry', `--industry ${name}: no playbook for that industry`, {
    field: 'industry',
    hint: `use one of ${known}, or add ${industry}.yaml to ${playbooks.folder}/industries`,
  });
}
