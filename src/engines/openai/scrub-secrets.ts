const redacted = '[redacted]';

/**
 * Keys shorter than this are placeholders, not secrets: local servers accept any key, and their docs suggest "x",
 * "EMPTY" or "ollama". Cutting those out of text would mangle every word that contains them.
 */
export const minimumSecretLength = 8;

/** True when `apiKey` is long enough to be a real secret worth cutting out of text. */
export function isSecretKey(apiKey: string | undefined): apiKey is string {
  return apiKey !== undefined && apiKey.trim().length >= minimumSecretLength;
}

/**
 * Removes an API key from text that is about to be shown or stored: the exact key, plus anything shaped like an
 * OpenAI key (`sk-...`, also the masked form some endpoints echo back), a bearer token, or a user name and password
 * written into a URL (`http://admin:pw@host`).
 */
export function scrubSecrets(text: string, apiKey?: string | undefined): string {
  let clean = text;
  if (isSecretKey(apiKey)) clean = clean.split(apiKey).join(redacted);
  return clean
    .replace(/\bsk-[A-Za-z0-9_*.-]{4,}/g, redacted)
    .replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${redacted}`)
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@"']+@/gi, '$1***@');
}
