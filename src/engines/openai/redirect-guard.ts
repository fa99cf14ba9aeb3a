const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Redirects followed within one origin (a trailing slash, a moved path) before giving up. */
const maxRedirects = 3;

function requestUrl(input: Parameters<typeof fetch>[0]): URL {
  return new URL(input instanceof Request ? input.url : String(input));
}

/**
 * A `fetch` that follows redirects only within the endpoint's own origin. A redirect to another host would carry the
 * request (the posting, the profile's facts) somewhere you never configured, and its answer (often a 404) would be
 * blamed on your endpoint: it is handed back as it is, and `toLlmError` reports it with the host it pointed to.
 */
export function fetchGuardingRedirects(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    let url = requestUrl(input);
    for (let hops = 0; ; hops++) {
      const response = await base(hops === 0 ? input : url, { ...init, redirect: 'manual' });
      const location = response.headers.get('location');
      if (!redirectStatuses.has(response.status) || location === null) return response;
      const target = new URL(location, url);
      if (target.origin !== url.origin || hops >= maxRedirects) {
        // Handed back unfollowed (and not retried): toLlmError names the host it points to.
        const headers = new Headers(response.headers);
        headers.set('x-should-retry', 'false');
        return new Response(null, { status: response.status, statusText: response.statusText, headers });
      }
      await response.body?.cancel().catch(() => undefined);
      url = target;
    }
  };
}
