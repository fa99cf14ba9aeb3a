import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AbortedError, InputError } from '../../src/errors.js';
import { fetchPosting, isPrivateHost } from '../../src/posting/fetch-posting.js';
import { localSite } from '../support/local-site.js';

const page = '<html><body><p>Machine Learning Engineer</p></body></html>';
const options = { fetch: globalThis.fetch, timeoutMs: 5000 };

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('fetchPosting', () => {
  it('fetches a page and says what kind it is, sending no cookies or credentials', async () => {
    const site = await localSite({ '/job': { body: page } });
    const fetched = await fetchPosting(site.url('/job'), options);
    expect(fetched).toEqual({
      url: site.url('/job'),
      finalUrl: site.url('/job'),
      redirects: [],
      kind: 'html',
      charset: 'utf-8',
      bytes: Buffer.from(page),
    });
    expect(site.requests[0]?.headers.cookie).toBeUndefined();
    expect(site.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('knows HTML, plain text, Markdown, PDF and .docx by their content type, and a generic download by its bytes', async () => {
    const site = await localSite({
      '/a': { type: 'application/xhtml+xml', body: page },
      '/b': { type: 'text/plain', body: 'text' },
      '/c': { type: 'text/markdown', body: '# text' },
      '/d': { type: 'application/pdf', body: '%PDF-1.7' },
      '/e': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: 'PK' },
      '/f': { type: 'application/octet-stream', body: '%PDF-1.4 ...' },
      '/g': { type: 'application/octet-stream', body: '<!DOCTYPE html><p>x</p>' },
    });
    const kinds = [];
    for (const path of ['/a', '/b', '/c', '/d', '/e', '/f', '/g'])
      kinds.push((await fetchPosting(site.url(path), options)).kind);
    expect(kinds).toEqual(['html', 'text', 'markdown', 'pdf', 'docx', 'pdf', 'html']);
  });

  it('follows redirects and reports every hop', async () => {
    const site = await localSite({
      '/old': { status: 301, headers: { location: '/moved' }, body: '' },
      '/moved': { status: 302, headers: { location: '/job' }, body: '' },
      '/job': { body: page },
    });
    const fetched = await fetchPosting(site.url('/old'), options);
    expect(fetched.redirects).toEqual([site.url('/moved'), site.url('/job')]);
    expect(fetched.finalUrl).toBe(site.url('/job'));
    expect(fetched.url).toBe(site.url('/old'));
  });

  it('stops a redirect loop, naming the address it went back to', async () => {
    const site = await localSite({
      '/a': { status: 302, headers: { location: '/b' }, body: '' },
      '/b': { status: 302, headers: { location: '/a' }, body: '' },
    });
    const error = await failure(fetchPosting(site.url('/a'), options));
    expect(error.code).toBe('posting.url-redirect-loop');
    expect(error.message).toBe(`${site.url('/a')} redirects in a loop (back to ${site.url('/a')})`);
    expect(error.hint).toContain('save the page');
  });

  it('stops after too many redirects, and never follows one to another scheme', async () => {
    const chain = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [
        `/${index}`,
        { status: 302, headers: { location: `/${index + 1}` }, body: '' },
      ]),
    );
    const site = await localSite({
      ...chain,
      '/file': { status: 302, headers: { location: 'file:///etc/passwd' }, body: '' },
    });
    expect((await failure(fetchPosting(site.url('/0'), options))).code).toBe(
      'posting.url-too-many-redirects',
    );
    const scheme = await failure(fetchPosting(site.url('/file'), options));
    expect(scheme.code).toBe('posting.url-scheme');
    expect(scheme.message).toContain('file:');
  });

  it('never follows a public site into this machine or a private network, but reads a local address given directly', async () => {
    const calls: string[] = [];
    const fetch = async (url: string | URL | Request): Promise<Response> => {
      calls.push(String(url));
      return new Response(null, { status: 302, headers: { location: 'http://192.168.1.1/reboot' } });
    };
    const error = await failure(fetchPosting('https://jobs.example/1', { fetch, timeoutMs: 1000 }));
    expect(error.code).toBe('posting.url-redirect-private');
    expect(error.message).toBe(
      'https://jobs.example/1 redirects to 192.168.1.1, an address on this machine or a private network; lede does not follow it',
    );
    expect(calls).toEqual(['https://jobs.example/1']);
    const site = await localSite({ '/job': { body: page } });
    expect((await fetchPosting(site.url('/job'), options)).kind).toBe('html');
  });

  it('knows private and loopback addresses as written', () => {
    const hosts = [
      'localhost',
      'a.localhost',
      '127.0.0.1',
      '10.2.3.4',
      '172.16.0.1',
      '172.31.9.9',
      '192.168.0.10',
      '169.254.169.254',
      '[::1]',
      '[fd12:3456::1]',
      '[fe80::1]',
    ];
    for (const host of hosts) expect(isPrivateHost(host), host).toBe(true);
    for (const host of ['jobs.example', '172.32.0.1', '8.8.8.8', '[2001:db8::1]', '11.0.0.1'])
      expect(isPrivateHost(host), host).toBe(false);
  });

  it('turns an HTTP error into a message with the address, the status and what to do', async () => {
    const site = await localSite({
      '/gone': { status: 410, body: 'gone' },
      '/down': { status: 503, body: '' },
    });
    const missing = await failure(fetchPosting(site.url('/nothing-here'), options));
    expect(missing.code).toBe('posting.url-status');
    expect(missing.message).toBe(
      `${site.url('/nothing-here')} answered HTTP 404 Not Found: the page is not there (the posting may have closed)`,
    );
    expect(missing.hint).toBe('open it in a browser, save the page (or its text) and pass the file');
    const down = await failure(fetchPosting(site.url('/down'), options));
    expect(down.message).toContain('HTTP 503');
    expect(down.hint).toContain('try again later');
    expect((await failure(fetchPosting(site.url('/gone'), options))).message).toContain('HTTP 410');
  });

  it('gives up on a slow server when the timeout passes, headers or body', async () => {
    const site = await localSite({
      '/silent': () => {},
      '/dribble': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<p>Machine');
      },
    });
    for (const path of ['/silent', '/dribble']) {
      const error = await failure(fetchPosting(site.url(path), { ...options, timeoutMs: 300 }));
      expect(error.code).toBe('posting.url-timeout');
      expect(error.message).toBe(`${site.url(path)} did not answer within 0.3 s`);
      expect(error.hint).toContain('--fetch-timeout-ms');
    }
  });

  it('refuses an oversized body: declared up front, or streamed past the cap without a length', async () => {
    const big = Buffer.alloc(64 * 1024, 'a');
    const site = await localSite({
      '/declared': { body: big },
      '/streamed': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        // Chunked, never ending: only the cap stops the reading.
        const timer = setInterval(() => response.write(big), 5);
        response.on('close', () => clearInterval(timer));
      },
    });
    for (const path of ['/declared', '/streamed']) {
      const error = await failure(fetchPosting(site.url(path), { ...options, maxBytes: 16 * 1024 }));
      expect(error.code).toBe('posting.url-too-large');
      expect(error.message).toContain(site.url(path));
    }
  });

  it('refuses a content type it cannot read before downloading it', async () => {
    const site = await localSite({
      '/logo.png': { type: 'image/png', body: Buffer.alloc(10) },
      '/data': { type: 'application/json', body: '{}' },
      '/blob': { type: 'application/octet-stream', body: Buffer.from([0, 1, 2, 3]) },
    });
    const image = await failure(fetchPosting(site.url('/logo.png'), options));
    expect(image.code).toBe('posting.url-content-type');
    expect(image.message).toBe(
      `${site.url('/logo.png')} is image/png, not a page lede can read (HTML, plain text, PDF or Word .docx)`,
    );
    expect((await failure(fetchPosting(site.url('/data'), options))).code).toBe('posting.url-content-type');
    expect((await failure(fetchPosting(site.url('/blob'), options))).code).toBe('posting.url-content-type');
  });

  it('names a refused connection', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(fetchPosting(`http://127.0.0.1:${port}/job`, options));
    expect(error.code).toBe('posting.url-refused');
    expect(error.message).toBe(`http://127.0.0.1:${port}/job: 127.0.0.1:${port} refused the connection`);
  });

  it('names a host that DNS does not know (the fetch is a stand-in: tests never use the network)', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND jobs.nowhere.example'), {
      code: 'ENOTFOUND',
    });
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed', { cause: notFound });
    };
    const error = await failure(fetchPosting('https://jobs.nowhere.example/123', { fetch, timeoutMs: 1000 }));
    expect(error.code).toBe('posting.url-dns');
    expect(error.message).toBe(
      'https://jobs.nowhere.example/123: the host jobs.nowhere.example was not found (DNS)',
    );
  });

  it('refuses addresses it must not fetch, before any request', async () => {
    const calls: string[] = [];
    const fetch = async (url: string | URL | Request): Promise<Response> => {
      calls.push(String(url));
      return new Response('');
    };
    for (const [address, code] of [
      ['https://user:secret@jobs.example/1', 'posting.url-invalid'],
      ['http://', 'posting.url-invalid'],
    ] as const) {
      const error = await failure(fetchPosting(address, { fetch, timeoutMs: 1000 }));
      expect(error.code).toBe(code);
      expect(error.message).not.toContain('secret');
    }
    expect(calls).toEqual([]);
  });

  it('stops at Ctrl-C as an interruption, not a timeout', async () => {
    const site = await localSite({ '/silent': () => {} });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await fetchPosting(site.url('/silent'), { ...options, signal: controller.signal }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AbortedError);
  });
});
