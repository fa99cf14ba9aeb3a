import nock from 'nock';

/** One chat message as the endpoint received it. */
export interface SentMessage {
  readonly role: string;
  readonly content: string;
}

/** A Chat Completions request body as the endpoint received it. */
export interface SentBody {
  readonly model: string;
  readonly messages: SentMessage[];
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly response_format?: {
    type: string;
    json_schema?: { name: string; schema: Record<string, unknown>; strict: boolean };
  };
}

export interface Reply {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export const testBaseUrl = 'https://llm.test/v1';

/** A nock scope that answers each POST /chat/completions with the next reply, in order, recording every body. */
export function chatEndpoint(replies: readonly Reply[]): { scope: nock.Scope; bodies: SentBody[] } {
  const bodies: SentBody[] = [];
  let scope = nock(testBaseUrl);
  for (const reply of replies) {
    scope = scope
      .post('/chat/completions', (body: SentBody) => {
        bodies.push(body);
        return true;
      })
      .reply(reply.status ?? 200, reply.body as nock.Body, reply.headers);
  }
  return { scope, bodies };
}
