import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** The commented starter profile `lede init` writes. */
export function starterProfilePath(): string {
  return join(packageRoot(), 'templates', 'starter-profile.yaml');
}
