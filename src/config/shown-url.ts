/**
 * A URL as lede shows it in messages, summaries and manifests: any user name and password in it (`http://admin:pw@host`)
 * replaced by `***`, so a secret put in the base URL is never printed or written.
 */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '***';
    parsed.password = '';
    const shown = parsed.toString();
    // URL adds a trailing slash to a bare host; keep the URL as it was written otherwise.
    return url.endsWith('/') || parsed.pathname !== '/' ? shown : shown.replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
}
