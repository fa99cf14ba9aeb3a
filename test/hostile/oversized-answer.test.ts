import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-code.js';
import { type ChatServer, completion, sendJson, startChatServer } from './support/chat-server.js';
import { cleanPosting, expectNoStackTrace, lede, validProfile } from './support/hostile.js';

let server: ChatServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Ten megabytes of letter, as a runaway model or a hostile endpoint would send it. */
const huge = `Dear Hiring Manager, ${'I am the best candidate. '.repeat(400_000)}`;

async function draftAgainst(current: ChatServer) {
  const run = await lede(
    [
      'draft',
      cleanPosting,
      '--profile',
      validProfile,
      '--engine',
      'openai',
      '--base-url',
      current.baseUrl,
      '--industry',
      'tech',
      '--max-retries',
      '0',
    ],
    { env: { OPENAI_API_KEY: 'local-key-for-tests' } },
  );
  expectNoStackTrace(run.stderr);
  return run;
}

describe('a model answer has a size limit', () => {
  it('an answer that declares 10 MB is refused with a clear error, and nothing of it is printed', async () => {
    server = await startChatServer((_request, response) => sendJson(response, 200, completion(huge)));
    const run = await draftAgainst(server);
    expect(run.exitCode).toBe(ExitCode.llmFailed);
    expect(run.stderr).toContain('sent an answer larger than 4 MB');
    expect(run.stdout.length + run.stderr.length).toBeLessThan(10_000);
  });

  it('an answer streamed without a length is cut off at the limit the same way', async () => {
    server = await startChatServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      const text = JSON.stringify(completion(huge));
      for (let start = 0; start < text.length; start += 1_000_000)
        response.write(text.slice(start, start + 1_000_000));
      response.end();
    });
    const run = await draftAgainst(server);
    expect(run.exitCode).toBe(ExitCode.llmFailed);
    expect(run.stderr).toContain('sent an answer larger than 4 MB');
    expect(run.stdout.length + run.stderr.length).toBeLessThan(10_000);
  });
});
