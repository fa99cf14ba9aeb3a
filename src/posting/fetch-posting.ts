import { AbortedError, InputError } from '../errors.js';
import { printableName } from '../input/printable-name.js';

/** A fetched page larger than this is refused: a job page with its scripts is well under 2 MB. */
export const maxPageBytes = 5 * 1024 * 1024;

/** Redirects followed before giving up: enough for http -> https -> a tracking hop -> the page. */
export const maxRedirects = 5;

/** Default for `fetchTimeoutMs`: a job board that has not answered in 20 s will not. */
export const defaultFetchTimeoutMs = 20_000;

/** What the page is, by its content type (or, for a generic one, its first bytes). */
export type PageKind = 'html' | 'text' | 'markdown' | 'pdf' | 'docx';

export interface FetchPostingOptions {
  /** The fetch to use: Node's own in the CLI, a recording one in tests. */
  readonly fetch: typeof globalThis.fetch;
  /** For the whole exchange: every redirect and the body included. */
  readonly timeoutMs: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Ctrl-C. */
  readonly signal?: AbortSignal | undefined;
}

export interface FetchedPage {
  /** The address as given. */
  readonly url: string;
  /** Where the page was found after redirects. */
  readonly finalUrl: string;
  /** Each redirect's target, in order. */
  readonly redirects: readonly string[];
  readonly kind: PageKind;
  /** The `charset` of the content type, when it names one. */
  readonly charset: string | undefined;
  readonly bytes: Buffer;
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const kindsByType: Readonly<Record<string, PageKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
  [docxType]: 'docx',
};

/** Types servers send for "some file": the bytes decide. */
const genericTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/download']);

function shown(url: string | URL): string {
  return printableName(String(url));
}

/** `https://...` or `http://...` (a scheme and two slashes): what `fetchPosting` takes instead of a path. */
export function isWebAddress(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

function parseAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch (error) {
    throw new InputError('posting.url-invalid', `${shown(address)} is not a valid web address`, {
      file: shown(address),
      hint: 'check the address, or save the page and pass the file',
      cause: error,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      'posting.url-scheme',
      `${shown(address)}: lede fetches only http:// and https:// addresses`,
      { file: shown(address), hint: 'save the posting to a file and pass that file' },
    );
  }
  // A user name or password in the address would be sent to the site; a posting never needs one.
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      'posting.url-invalid',
      `${shown(url.origin)}...: the address holds a user name or password`,
      {
        file: shown(url.origin),
        hint: 'lede sends no credentials; log in with a browser, save the page and pass the file',
      },
    );
  }
  return url;
}

/**
 * This machine or a private network, by the address as written (`localhost`, 127.x, 10.x, 172.16-31.x, 192.168.x,
 * 169.254.x, ::1, fc00::/7, fe80::/10). A name that DNS resolves to such an address is not caught.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4 !== null) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  return (
    host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)
  );
}

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

const saveHint = 'open it in a browser, save the page (or its text) and pass the file';

function networkError(
  address: string,
  url: URL,
  error: unknown,
  timeoutMs: number,
  timedOut: boolean,
): InputError {
  const where = shown(address);
  if (timedOut) {
    return new InputError('posting.url-timeout', `${where} did not answer within ${timeoutMs / 1000} s`, {
      file: where,
      hint: `try again, raise --fetch-timeout-ms, or ${saveHint}`,
      cause: error,
    });
  }
  const code = codeOf(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new InputError(
      'posting.url-dns',
      `${where}: the host ${shown(url.hostname)} was not found (DNS)`,
      {
        file: where,
        hint: 'check the address and your connection',
        cause: error,
      },
    );
  }
  if (code === 'ECONNREFUSED') {
    return new InputError('posting.url-refused', `${where}: ${shown(url.host)} refused the connection`, {
      file: where,
      hint: `check the address (and the port); if the site is down, ${saveHint}`,
      cause: error,
    });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new InputError('posting.url-timeout', `${where}: connecting to ${shown(url.host)} timed out`, {
      file: where,
      hint: `check your connection, or ${saveHint}`,
      cause: error,
    });
  }
  const tls = code !== undefined && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code);
  return new InputError(
    'posting.url-failed',
    `${where} could not be fetched (${tls ? `certificate problem: ${code}` : (code ?? 'connection failed')})`,
    { file: where, hint: saveHint, cause: error },
  );
}

function statusError(address: string, url: URL, status: number, statusText: string): InputError {
  const where = shown(address);
  const at = url.href === address ? '' : ` (at ${shown(url.href)})`;
  const what =
    status === 404 || status === 410
      ? 'the page is not there (the posting may have closed)'
      : status === 401 || status === 403
        ? 'the site refuses to serve it to a program (it may need a login or a browser)'
        : status === 429
          ? 'the site is rate limiting requests'
          : status >= 500
            ? 'the site failed to serve it'
            : 'the site refused the request';
  return new InputError(
    'posting.url-status',
    `${where} answered HTTP ${status}${statusText === '' ? '' : ` ${statusText}`}${at}: ${what}`,
    { file: where, hint: status >= 500 || status === 429 ? `try again later, or ${saveHint}` : saveHint },
  );
}

function tooLarge(address: string, bytes: number, maxBytes: number): InputError {
  const where = shown(address);
  return new InputError(
    'posting.url-too-large',
    `${where} is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB${bytes > maxBytes ? ` (${(bytes / 1024 / 1024).toFixed(1)} MB)` : ''}; a job page is far smaller`,
    { file: where, hint: `check the address points at the posting, or ${saveHint}` },
  );
}

function mediaType(contentType: string | null): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = (contentType ?? '').split(';');
  const charset = parameters
    .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() };
}

/** The kind of a generic download from its first bytes (and its name, for a zip that is a .docx). */
function sniffKind(bytes: Buffer, url: URL): PageKind | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.docx$/i.test(url.pathname)) return 'docx';
  const head = bytes.subarray(0, 1024).toString('utf8').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body)/.test(head)) return 'html';
  return undefined;
}

function unsupportedType(address: string, type: string): InputError {
  const where = shown(address);
  return new InputError(
    'posting.url-content-type',
    `${where} is ${type === '' ? 'of no declared type' : shown(type)}, not a page lede can read (HTML, plain text, PDF or Word .docx)`,
    { file: where, hint: `check the address points at the posting, or ${saveHint}` },
  );
}

async function readCapped(response: Response, address: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(address, declared, maxBytes);
  }
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Stop at the cap whatever the headers claimed: a server can lie about the length or send none.
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(address, 0, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a posting's page: http(s) only, no cookies or credentials, redirects followed by hand (at most
 * `maxRedirects`, never to another scheme, never in a loop) and reported, one timeout over the whole exchange, the body
 * streamed and cut at `maxBytes`, and only HTML, plain text, Markdown, PDF and .docx accepted. Every failure is an
 * InputError naming the address and what to do.
 */
export async function fetchPosting(address: string, options: FetchPostingOptions): Promise<FetchedPage> {
  const limit = options.maxBytes ?? maxPageBytes;
  const hops = options.maxRedirects ?? maxRedirects;
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? deadline : AbortSignal.any([deadline, options.signal]);
  // Ctrl-C is an interruption, not a network failure.
  const stopped = (error: unknown): void => {
    if (options.signal?.aborted === true) {
      throw new AbortedError('aborted.signal', `stopped while fetching ${shown(address)}`, { cause: error });
    }
  };

  let url = parseAddress(address);
  const redirects: string[] = [];
  for (;;) {
    let response: Response;
    try {
      response = await options.fetch(url.href, {
        redirect: 'manual',
        signal,
        credentials: 'omit',
        headers: {
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5',
          'user-agent': 'lede (a job posting reader)',
        },
      });
    } catch (error) {
      stopped(error);
      throw networkError(address, url, error, options.timeoutMs, deadline.aborted);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel().catch(() => undefined);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch (error) {
        throw new InputError('posting.url-failed', `${shown(address)} redirects to an invalid address`, {
          file: shown(address),
          hint: saveHint,
          cause: error,
        });
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new InputError(
          'posting.url-scheme',
          `${shown(address)} redirects to ${shown(next.protocol)} (${shown(next.href)}); lede follows only http(s)`,
          { file: shown(address), hint: saveHint },
        );
      }
      // The user named a public site; a redirect from it into this machine or the local network is the site's
      // choice, not the user's, and a GET there can act (a router's reboot link): not followed.
      if (isPrivateHost(next.hostname) && !isPrivateHost(new URL(address).hostname)) {
        throw new InputError(
          'posting.url-redirect-private',
          `${shown(address)} redirects to ${shown(next.host)}, an address on this machine or a private network; lede does not follow it`,
          {
            file: shown(address),
            hint: `if you meant to read that page, pass its address yourself, or ${saveHint}`,
          },
        );
      }
      if (next.href === url.href || redirects.includes(next.href) || next.href === new URL(address).href) {
        throw new InputError(
          'posting.url-redirect-loop',
          `${shown(address)} redirects in a loop (back to ${shown(next.href)})`,
          { file: shown(address), hint: `the site may want cookies or a browser; ${saveHint}` },
        );
      }
      if (redirects.length >= hops) {
        throw new InputError(
          'posting.url-too-many-redirects',
          `${shown(address)} redirected more than ${hops} times (last to ${shown(next.href)})`,
          { file: shown(address), hint: saveHint },
        );
      }
      redirects.push(next.href);
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw statusError(address, url, response.status, response.statusText);
    }
    const { type, charset } = mediaType(response.headers.get('content-type'));
    const declared = kindsByType[type];
    if (declared === undefined && !genericTypes.has(type)) {
      await response.body?.cancel().catch(() => undefined);
      throw unsupportedType(address, type);
    }
    let bytes: Buffer;
    try {
      bytes = await readCapped(response, address, limit);
    } catch (error) {
      if (error instanceof InputError) throw error;
      stopped(error);
      throw networkError(address, url, error, options.timeoutMs, deadline.aborted);
    }
    const kind = declared ?? sniffKind(bytes, url);
    if (kind === undefined) throw unsupportedType(address, type);
    return { url: address, finalUrl: url.href, redirects, kind, charset, bytes };
  }
}
