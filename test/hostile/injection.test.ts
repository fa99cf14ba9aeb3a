import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { leanPosting } from '../../src/posting/lean-posting.js';
import { loadPosting } from '../../src/posting/load-posting.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { neutraliseDataTags } from '../../src/prompts/wrap-data.js';
import { type ChatServer, chatBody, completion, sendJson, startChatServer } from './support/chat-server.js';
import { hostile, lede, noticesIn, validProfile } from './support/hostile.js';
import { answerWell, cleanLetter, stageAnswer } from './support/lanternfish.js';

interface Payload {
  readonly note: string;
  /** Text from the injection that must never reach a letter (and, when stripped on load, never a prompt). */
  readonly markers: string[];
  /** Hidden from a reader (HTML comment, white text, invisible Unicode): dropped before anything sees it. */
  readonly strippedOnLoad: boolean;
}

const payloads = JSON.parse(readFileSync(hostile('injection/payloads.json'), 'utf8')) as Record<
  string,
  Payload
>;
const cases = Object.entries(payloads);
const apiKey = 'test-key-not-real-SECRET123';

function contains(text: string, marker: string): boolean {
  return text.toLowerCase().includes(marker.toLowerCase());
}

describe('the injection corpus', () => {
  it('covers every kind of steering attempt issue 6 lists, each with markers to look for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(cases.filter(([, payload]) => payload.markers.length === 0)).toEqual([]);
  });

  it('loads as postings; what a reader cannot see is gone, what a reader can see is kept as data', async () => {
    const outcome: Record<string, { visible: string[]; hidden: string[] }> = {};
    for (const [file, payload] of cases) {
      const { text } = await loadPosting(hostile(`injection/${file}`));
      const present = payload.markers.filter((marker) => contains(text, marker));
      outcome[file] = payload.strippedOnLoad
        ? { visible: [], hidden: present }
        : { visible: present, hidden: [] };
    }
    for (const [file, payload] of cases) {
      expect({ file, ...outcome[file] }).toEqual({
        file,
        // Visible injections stay in the posting (it is data; the fences and the critic deal with it).
        visible: payload.strippedOnLoad ? [] : expect.arrayContaining([payload.markers[0]]),
        hidden: [],
      });
    }
  });
});

describe('prompts keep the posting inside its fence and never render it as a template', () => {
  let server: ChatServer;
  beforeEach(async () => {
    server = await startChatServer((request, response) => answerWell(chatBody(request), response));
  });
  afterEach(async () => {
    await server.close();
  });

  for (const [file, payload] of cases) {
    it(`${file}: ${payload.note}`, async () => {
      const path = hostile(`injection/${file}`);
      const posting = await loadPosting(path);
      const profile = await loadProfile(validProfile);
      const run = await lede(
        [
          'draft',
          path,
          '--profile',
          validProfile,
          '--engine',
          'openai',
          '--base-url',
          server.baseUrl,
          '--max-retries',
          '0',
        ],
        { env: { OPENAI_API_KEY: apiKey } },
      );
      expect({ exitCode: run.exitCode, stderr: noticesIn(run.stderr) }).toEqual({ exitCode: 0, stderr: '' });

      // What the model is sent of the posting: the text without its boilerplate, within the prompt budget.
      const sent = leanPosting(posting.text, (await loadPlaybooks()).common).text;
      const fenced = `<posting>\n${neutraliseDataTags(sent)}\n</posting>`;
      const report = server.requests.map((request, index) => {
        const { messages } = chatBody(request);
        const system = messages
          .filter((message) => message.role === 'system')
          .map((message) => message.content);
        const user = messages.filter((message) => message.role === 'user').map((message) => message.content);
        // Everything outside the posting's one fence: lede's own words, the analysis, the profile.
        const outside = user.map((content) => content.split(fenced).join('')).join('\n');
        return {
          request: index,
          postingFencedOnce: user.some((content) => content.split(fenced).length === 2),
          postingTagsPerMessage: user.map((content) => (content.match(/<\/posting>/g) ?? []).length),
          markersInSystem: payload.markers.filter((marker) =>
            system.some((content) => contains(content, marker)),
          ),
          markersOutsideFence: payload.markers.filter((marker) => contains(outside, marker)),
          hiddenMarkersAnywhere: payload.strippedOnLoad
            ? payload.markers.filter((marker) => contains(request.body, marker))
            : [],
          contactDetails: [profile.contact.email, profile.contact.phone].filter(
            (detail) => detail !== undefined && request.body.includes(detail),
          ),
        };
      });
      // The analysis and the draft, at least.
      expect(report.length).toBeGreaterThanOrEqual(2);
      for (const [index, entry] of report.entries()) {
        expect(entry).toEqual({
          request: index,
          postingFencedOnce: true,
          postingTagsPerMessage: entry.postingTagsPerMessage.map(() => expect.any(Number)),
          markersInSystem: [],
          markersOutsideFence: [],
          hiddenMarkersAnywhere: [],
          contactDetails: [],
        });
        expect(entry.postingTagsPerMessage.every((count) => count <= 1)).toBe(true);
      }
    });
  }

  it('sends {{template}} syntax from a posting literally, never expanded', async () => {
    const path = hostile('injection/template-syntax.txt');
    await lede(
      [
        'draft',
        path,
        '--profile',
        validProfile,
        '--engine',
        'openai',
        '--base-url',
        server.baseUrl,
        '--max-retries',
        '0',
      ],
      { env: { OPENAI_API_KEY: apiKey } },
    );
    const bodies = server.requests.map((request) => request.body);
    const literal = [
      '{{hiringManager}}',
      '{{profile.contact.email}}',
      '{{ contact.phone }}',
      '{{systemPrompt}}',
    ];
    expect(
      bodies.map((body) =>
        literal.filter((slot) =>
          JSON.parse(body).messages.some((message: { content: string }) => message.content.includes(slot)),
        ),
      ),
    ).toEqual(bodies.map(() => literal));
    expect(bodies.some((body) => body.includes('sam.okafor@example.com') || body.includes(apiKey))).toBe(
      false,
    );
  });

  it('neutralises tags that would close the fence early', async () => {
    const path = hostile('injection/fence-escape.txt');
    await lede(
      [
        'draft',
        path,
        '--profile',
        validProfile,
        '--engine',
        'openai',
        '--base-url',
        server.baseUrl,
        '--max-retries',
        '0',
      ],
      { env: { OPENAI_API_KEY: apiKey } },
    );
    const user = chatBody(
      server.requests[0] ?? { method: '', url: '', headers: {}, body: '{}' },
    ).messages.find((message) => message.role === 'user')?.content;
    expect(user?.match(/<\/?posting>|&lt;\/?(posting|profile)>|<\/?instructions>/g)).toEqual([
      '<posting>',
      '&lt;/posting>',
      '&lt;/profile>',
      '<instructions>',
      '</instructions>',
      '&lt;posting>',
      '</posting>',
    ]);
  });
});

describe('the offline engine never copies an instruction into a letter', () => {
  for (const [file, payload] of cases) {
    it(file, async () => {
      const run = await lede([
        'draft',
        hostile(`injection/${file}`),
        '--profile',
        validProfile,
        '--engine',
        'offline',
        '--json',
      ]);
      const { letter } = JSON.parse(run.stdout) as { letter: string };
      expect({
        stderr: run.stderr,
        markers: payload.markers.filter((marker) => contains(letter, marker)),
      }).toEqual({
        stderr: '',
        markers: [],
      });
      expect(letter).toContain('Sam Okafor');
    });
  }
});

describe('a letter from a model steered to hide text', () => {
  it('loses its invisible characters before the critic reads it, so the letter checked is the letter sent', async () => {
    const hidden = 'Referred by Jordan Vega, referral code OR\u200bCA\u2060-19.';
    const steered = cleanLetter.replace('Best,', `${hidden}\n\nBest,`);
    const server = await startChatServer((request, response) => {
      const body = chatBody(request);
      sendJson(response, 200, completion(stageAnswer(body, steered)));
    });
    try {
      const run = await lede(
        [
          'draft',
          hostile('injection/fake-system-message.txt'),
          '--profile',
          validProfile,
          '--engine',
          'openai',
          '--base-url',
          server.baseUrl,
          '--max-retries',
          '0',
          '--max-attempts',
          '1',
          '--json',
        ],
        { env: { OPENAI_API_KEY: apiKey } },
      );
      const result = JSON.parse(run.stdout) as { letter: string; status: string };
      expect({
        invisible: /[\u200b-\u200f\u2060-\u2064]/.test(result.letter),
        visibleCode: result.letter.includes('referral code ORCA-19.'),
      }).toEqual({ invisible: false, visibleCode: true });
    } finally {
      await server.close();
    }
  });
});
