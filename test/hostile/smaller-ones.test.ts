import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { chatBody, completion, sendJson, startChatServer } from './support/chat-server.js';
import { cleanPosting, expectNoStackTrace, lede, validProfile } from './support/hostile.js';
import { cleanLetter, stageAnswer } from './support/lanternfish.js';

async function draftWithProfile(name: string, content: string | Buffer) {
  const cwd = await temporaryFolder();
  await writeFile(join(cwd, name), content);
  const run = await lede(['draft', cleanPosting, '--profile', name], { cwd });
  expectNoStackTrace(run.stderr);
  return run;
}

describe('a report never carries live HTML from a letter', () => {
  it('<img onerror> and <script> in a model letter stay text in report.md', async () => {
    const letter = `${cleanLetter}\n\n<img src=x onerror=alert(1)> <script>alert(2)</script>`;
    const server = await startChatServer((request, response) =>
      sendJson(response, 200, completion(stageAnswer(chatBody(request), letter))),
    );
    try {
      const cwd = await temporaryFolder();
      const run = await lede(
        [
          'draft',
          cleanPosting,
          '--profile',
          validProfile,
          '--engine',
          'openai',
          '--base-url',
          server.baseUrl,
          '--max-attempts',
          '1',
          '--out',
          'letter.md',
        ],
        { cwd, env: { OPENAI_API_KEY: 'local-key-for-tests' } },
      );
      expectNoStackTrace(run.stderr);
      const report = await readFile(join(cwd, 'letter.report.md'), 'utf8');
      expect(report).toContain('&lt;script>');
      expect(report).not.toMatch(/<(img|script)/i);
    } finally {
      await server.close();
    }
  });
});

describe('an endpoint that redirects to another host', () => {
  it('is reported as a redirect to that host, not as a 404 from the endpoint, and nothing is sent there', async () => {
    const elsewhere = await startChatServer((_request, response) =>
      sendJson(response, 404, { error: 'nope' }),
    );
    const endpoint = await startChatServer((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.baseUrl}/chat/completions` });
      response.end();
    });
    try {
      const run = await lede(
        [
          'draft',
          cleanPosting,
          '--profile',
          validProfile,
          '--engine',
          'openai',
          '--base-url',
          endpoint.baseUrl,
        ],
        { env: { OPENAI_API_KEY: 'local-key-for-tests' } },
      );
      expectNoStackTrace(run.stderr);
      expect({ exitCode: run.exitCode, sentElsewhere: elsewhere.requests.length }).toEqual({
        exitCode: ExitCode.llmFailed,
        sentElsewhere: 0,
      });
      expect(run.stderr).toContain(
        `redirected the request to ${new URL(elsewhere.baseUrl).origin} (HTTP 302); lede does not follow an endpoint to another host`,
      );
      // The port number may hold the digits 404, so look for the status as lede would word it.
      expect(run.stderr).not.toContain('HTTP 404');
      expect(run.stderr).not.toContain('no such model or path');
    } finally {
      await Promise.all([endpoint.close(), elsewhere.close()]);
    }
  });
});

describe('the smaller hostile inputs end in a clear input error (exit 2), never a crash', () => {
  it('a 1.5 MB anchor aliased 899 times is refused as expanding too far', async () => {
    const yaml = `big: &a "${'x'.repeat(1_500_000)}"\nmany: [${Array(899).fill('*a').join(', ')}]\n`;
    const run = await draftWithProfile('me.yaml', yaml);
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toContain(
      'its anchors and aliases (&name, *name) expand to far more data than a profile holds',
    );
  });

  it('deep nesting in a file without anchors is named as nesting, with no word about anchors', async () => {
    const run = await draftWithProfile('me.yaml', `name: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).not.toMatch(/anchor|alias/);
    expect(run.stderr).toContain('me.yaml: it nests lists and mappings far deeper than a profile does');
  });

  it('a JSON profile with a key written twice is refused, naming the line', async () => {
    const profile = parse(await readFile(validProfile, 'utf8')) as Record<string, unknown>;
    const json = JSON.stringify(profile, null, 2).replace('{\n', `{\n  "name": "Someone Else",\n`);
    const run = await draftWithProfile('me.json', json);
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toMatch(/me\.json:\d+: invalid JSON: Map keys must be unique/);
  });

  it('binary bytes after the first 8 KB of a posting are still binary', async () => {
    const cwd = await temporaryFolder();
    const text = await readFile(cleanPosting);
    const padding = Buffer.from(`\n${'More about the team and the role. '.repeat(300)}\n`);
    await writeFile(
      join(cwd, 'p.txt'),
      Buffer.concat([text, padding, Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0])]),
    );
    const run = await lede(['draft', 'p.txt', '--profile', validProfile], { cwd });
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toContain('p.txt looks like a binary file, not text');
  });

  it('--rpm beyond its limit says the limit', async () => {
    const cwd = await temporaryFolder();
    const run = await lede(['batch', cwd, '--profile', validProfile, '--out', 'out', '--rpm', '1e9'], {
      cwd,
    });
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toContain('--rpm must be a whole number of requests per minute, from 1 to 100000000');
  });
});
