import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { packageRoot } from '../package-root.js';
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

/**
 * The `--industry` help text with the bundled industries spelled out (read from templates/industries, so a new
 * bundled playbook shows up by itself): "<what> (tech, finance, ...; or your own with --templates)".
 */
export function industryHelp(what: string): string {
  const bundled = readdirSync(join(packageRoot(), 'templates', 'industries'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
  return `${what}: ${bundled.join(', ')}, or one you add with --templates`;
}
