import type { Config } from '../config/resolve-config.js';
import { ConfigError } from '../errors.js';

/**
 * The profile a letter is written from: `--profile` as typed (so messages name it the way the user wrote it), else
 * `profile` from the environment or the config file (already resolved against where it was set).
 */
export function profileArgument(flags: { readonly profile?: string | undefined }, config: Config): string {
  if (flags.profile !== undefined) return flags.profile;
  if (config.profile !== undefined) return config.profile;
  throw new ConfigError('config.missing-profile', 'no profile: lede writes letters from your profile', {
    field: 'profile',
    hint:
      'pass --profile me.yaml (`lede init` writes a starter), or set it once: profile: me.yaml in ' +
      'lede.config.yaml, or LEDE_PROFILE=me.yaml',
  });
}
