import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

/** One page of the local site: what it answers with, or a handler for the odd ones (slow, endless, redirecting). */
export type Route =
  | {
      readonly status?: number;
      readonly type?: string;
      readonly body: string | Buffer;
      readonly headers?: Record<string, string>;
    }
  | ((request: IncomingMessage, response: ServerResponse) => void);

export interface LocalSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly url: (path: string) => string;
  /** Every request the site saw, in order: path and headers (to prove what lede sends, and what it does not). */
  readonly requests: { readonly path: string; readonly headers: IncomingMessage['headers'] }[];
}

const servers: Server[] = [];

/**
 * A web server on 127.0.0.1 at a free port, serving the given routes (404 for anything else); closed when the test
 * file has run. Tests of fetching never touch the network.
 */
export async function localSite(routes: Record<string, Route>): Promise<LocalSite> {
  const requests: LocalSite['requests'] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const route = routes[path];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    } else if (typeof route === 'function') {
      route(request, response);
    } else {
      response
        .writeHead(route.status ?? 200, {
          'content-type': route.type ?? 'text/html; charset=utf-8',
          ...route.headers,
        })
        .end(route.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, url: (path) => `${origin}${path}`, requests };
}

afterAll(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
