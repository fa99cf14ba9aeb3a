const redacted = '[redacted]';

/**
 * Removes an API key from text that is about to be shown or stored: the exact key, plus anything shaped like an
 * OpenAI key (`sk-...`, also the masked form some endpoints echo back) or a bearer token.
 */
export function scrubSecrets(text: string, apiKey?: string | undefined): string {
  let clean = text;
  if (apiKey !== undefined && apiKey.trim() !== '') clean = clean.split(apiKey).join(redacted);
  return clean
    .replace(/\bsk-[A-Za-z0-9_*.-]{4,}/g, redacted)
    .replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${redacted}`);
}
