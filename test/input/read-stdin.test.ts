import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readStdin } from '../../src/input/read-stdin.js';

describe('readStdin', () => {
  it('reads everything piped in', async () => {
    const stdin = Readable.from([Buffer.from('ML Engineer '), Buffer.from('at Orbitly')]);
    expect((await readStdin(stdin, { kind: 'posting' })).toString()).toBe('ML Engineer at Orbitly');
  });

  it('refuses a terminal with a hint instead of waiting for typing', async () => {
    const terminal = Object.assign(Readable.from([]), { isTTY: true });
    const error = await readStdin(terminal, { kind: 'posting' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'posting.stdin-is-terminal',
      message:
        '- reads the posting from standard input, but nothing is piped in (standard input is the terminal)',
    });
    expect((error as InputError).hint).toContain('< posting.txt');
  });

  it('stops at the cap without reading the rest of an endless pipe', async () => {
    let chunks = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        chunks++;
        yield Buffer.alloc(1024, 'a');
      }
    }
    const error = await readStdin(endless(), { kind: 'letter', maxBytes: 4096 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'letter.too-large', file: 'stdin' });
    expect(chunks).toBe(5);
  });
});
