import { apiError, type ChatHandler, chatBody, completion, sendJson } from './chat-server.js';
import { answerWell } from './lanternfish.js';

/** A short retry-after keeps tests fast; the SDK honours it exactly. */
const retrySoon = { 'retry-after-ms': '5' };

/**
 * Every endpoint fault of issue 6, as server behaviours, plus servers that echo the key back in every way an error
 * body or header could. `echo` is the key the server pretends to have seen.
 */
export function faultCatalogue(echo: string): Record<string, ChatHandler> {
  return {
    'a well-behaved server': (request, response) => answerWell(chatBody(request), response),
    '429 with retry-after': (_request, response) =>
      sendJson(response, 429, apiError('Rate limit reached', 'requests', 'rate_limit_exceeded'), retrySoon),
    '429 without retry-after': (_request, response) =>
      sendJson(response, 429, apiError('Rate limit reached', 'requests', 'rate_limit_exceeded')),
    '500': (_request, response) =>
      sendJson(response, 500, apiError('The server had an error', 'server_error'), retrySoon),
    '503': (_request, response) => sendJson(response, 503, apiError('Overloaded', 'server_error'), retrySoon),
    timeout: () => undefined,
    'reset connection': (_request, response) => response.socket?.destroy(),
    'truncated body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
      response.write('{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assis');
      setTimeout(() => response.socket?.destroy(), 5);
    },
    'invalid JSON': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"choices": [ oops');
    },
    'JSON not matching the schema': (_request, response) =>
      sendJson(response, 200, completion('{"industry": 7}')),
    'empty message': (_request, response) => sendJson(response, 200, completion('')),
    refusal: (_request, response) =>
      sendJson(response, 200, completion(null, { refusal: 'I cannot help with that.' })),
    'finish_reason length': (_request, response) =>
      sendJson(response, 200, completion('{"industry": "te', { finishReason: 'length' })),
    'unknown model 404': (_request, response) =>
      sendJson(
        response,
        404,
        apiError('The model does not exist', 'invalid_request_error', 'model_not_found'),
      ),
    'bad key 401, echoing the key': (_request, response) =>
      sendJson(
        response,
        401,
        apiError(`Incorrect API key provided: ${echo}.`, 'invalid_request_error', 'invalid_api_key'),
      ),
    'ignores the JSON Schema': (_request, response) =>
      sendJson(response, 200, completion('Sure, it is a tech company.')),
    '400 echoing the Authorization header': (request, response) =>
      sendJson(response, 400, apiError(`Bad header: authorization=${String(request.headers.authorization)}`)),
    '500 echoing the key in a header and a plain-text body': (_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain', 'x-debug-key': echo, 'retry-after-ms': '5' });
      response.end(`internal error for key ${echo} (Bearer ${echo})`);
    },
    'a model answer quoting the key': (request, response) => {
      const body = chatBody(request);
      if (body.response_format?.json_schema?.name !== 'cover_letter') return answerWell(body, response);
      sendJson(
        response,
        200,
        completion(
          JSON.stringify({
            letter: `Dear Hiring Manager,\n\nMy key is ${echo}.\n\nBest,\nSam Okafor`,
            usedFactIds: [],
          }),
        ),
      );
    },
  };
}
