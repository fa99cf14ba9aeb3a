import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request body as the local server received it, and the headers it came with. */
export interface ReceivedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string } };
  };
}

function postingOf(request: ReceivedRequest): string {
  const user = request.body.messages.map((message) => message.content).join('\n');
  return /<posting>\n([\s\S]*?)\n<\/posting>/.exec(user)?.[1] ?? '';
}

/** What a model would say, shaped by the schema the request names: deterministic, read from the posting. */
function answer(request: ReceivedRequest): unknown {
  const posting = postingOf(request);
  const lower = posting.toLowerCase();
  switch (request.body.response_format?.json_schema?.name) {
    case 'posting_analysis': {
      const industry = lower.includes('bank')
        ? 'finance'
        : lower.includes('grocer')
          ? 'retail'
          : lower.includes('hospital')
            ? 'general'
            : 'tech';
      const title = posting.split('\n').find((line) => line.includes(' — ')) ?? '';
      const company = title.split(' — ')[0]?.trim() ?? '';
      const sentence = posting.split(/(?<=\.)\s+/).find((item) => item.includes('building')) ?? null;
      return {
        industry,
        confidence: 0.8,
        signals: [],
        company: company === '' || company.startsWith('Confidential') ? null : company,
        role: null,
        hiringManager: null,
        hook:
          sentence === null ? null : { text: sentence.replace(/^We are building /, ''), evidence: sentence },
        requiredTools: ['Python', 'Kafka', 'SQL'].filter((tool) => posting.includes(tool)),
      };
    }
    default:
      return {
        letter:
          'Dear Hiring Manager,\n\nAt Larkspur Pay I cut false positives by 30% with XGBoost.\n\nI would like to talk.\n\nBest,\nRobin Vale',
        usedFactIds: ['fraud-model'],
      };
  }
}

/**
 * A local HTTP server speaking the OpenAI Chat Completions wire format (POST /v1/chat/completions), recording every
 * request. Closes with `close()`.
 */
export async function startChatServer(): Promise<{
  url: string;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  const read = async (incoming: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server: Server = createServer(async (incoming, response) => {
    const received: ReceivedRequest = {
      path: incoming.url ?? '',
      authorization: incoming.headers.authorization,
      body: JSON.parse(await read(incoming)),
    };
    requests.push(received);
    if (received.path !== '/v1/chat/completions') {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"message":"not found"}}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-local-${requests.length}`,
        object: 'chat.completion',
        created: 1767225600,
        model: received.body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify(answer(received)), refusal: null },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error === undefined ? resolve() : reject(error))),
      ),
  };
}
