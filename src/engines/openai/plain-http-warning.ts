import { shownUrl } from '../../config/shown-url.js';
import { isSecretKey } from './scrub-secrets.js';

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/**
 * The warning for a key about to travel unencrypted: over plain `http://` to a host other than this machine, anyone on
 * the way can read it. Undefined when the key stays safe (https, loopback) or is a placeholder local servers ignore.
 */
export function plainHttpKeyWarning(
  apiKey: string | undefined,
  baseUrl: string | undefined,
): string | undefined {
  if (!isSecretKey(apiKey) || baseUrl === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || isLoopback(url.hostname)) return undefined;
  return (
    `warning: OPENAI_API_KEY will be sent unencrypted to ${shownUrl(baseUrl)} (plain http:// to another machine); ` +
    'use https://, or a placeholder key if that server needs none'
  );
}
