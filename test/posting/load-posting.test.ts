import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadPosting, parsePosting } from '../../src/posting/load-posting.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

const body =
  'Acme Analytics is hiring a Machine Learning Engineer to build the ranking service behind our new search ' +
  'product. You will own features, training and deployment with Kubernetes and MLflow, working with product teams.';

let folder: string;
beforeEach(async () => {
  folder = await newTemporaryFolder('posting');
});

describe('loadPosting', () => {
  it('reads plain text and normalises line endings', async () => {
    const path = join(folder, 'job.txt');
    await writeFile(path, `${body.replace('. ', '.\r\n')}\r\n`);
    const posting = await loadPosting(path);
    expect(posting).toEqual({ source: path, text: body.replace('. ', '.\n') });
  });

  it('reduces HTML to visible text', async () => {
    const path = join(folder, 'job.html');
    await writeFile(
      path,
      `<html><head><title>x</title></head><body><p>${body}</p><script>steal()</script></body></html>`,
    );
    expect((await loadPosting(path)).text).toBe(body);
  });

  it('decodes UTF-16 with a BOM and Latin-1', async () => {
    const utf16 = join(folder, 'utf16.txt');
    await writeFile(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Café. ${body}`, 'utf16le')]),
    );
    expect((await loadPosting(utf16)).text.startsWith('Café.')).toBe(true);
    const latin1 = join(folder, 'latin1.txt');
    await writeFile(latin1, Buffer.from(`Café. ${body}`, 'latin1'));
    expect((await loadPosting(latin1)).text.startsWith('Café.')).toBe(true);
  });

  it('refuses binary, empty, too short and unsupported files with a hint', async () => {
    const cases: [string, string | Buffer, string][] = [
      ['bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'posting.binary'],
      ['blank.txt', ' \n\t\n', 'posting.empty'],
      ['short.txt', 'ML engineer wanted.', 'posting.too-short'],
      ['job.odt', body, 'posting.unsupported-type'],
    ];
    for (const [name, content, code] of cases) {
      const path = join(folder, name);
      await writeFile(path, content);
      const error = await loadPosting(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe(code);
      expect((error as InputError).file).toBe(path);
      expect((error as InputError).hint).toBeTruthy();
    }
  });

  it('refuses a folder and a missing file', async () => {
    await expect(loadPosting(folder)).rejects.toMatchObject({ code: 'posting.is-folder' });
    await expect(loadPosting(join(folder, 'missing.txt'))).rejects.toMatchObject({
      code: 'posting.not-found',
    });
  });
});

describe('parsePosting', () => {
  it('treats text that starts like HTML as HTML even without an extension', () => {
    expect(parsePosting(`<div>${body}</div>`, 'stdin').text).toBe(body);
  });

  it('keeps a posting in another language with its language (a model can write that letter); English carries none', () => {
    const german =
      'Wir suchen einen Machine Learning Engineer für unser Team in Berlin. Du entwickelst mit uns die Modelle, ' +
      'die unsere Kunden jeden Tag nutzen, und bringst sie mit Kubernetes und MLflow in den Betrieb.';
    expect(parsePosting(german, 'de.txt')).toEqual({ source: 'de.txt', text: german, language: 'German' });
    expect(parsePosting(body, 'en.txt')).toEqual({ source: 'en.txt', text: body });
  });

  it('counts a posting written without spaces between words by its characters, not its few spaces', () => {
    const japanese = `機械学習エンジニア募集。${'私たちはヘルプデスクのランキングモデルを開発し、本番環境で運用しています。'.repeat(2)}`;
    expect(parsePosting(japanese, 'ja.txt').language).toBe('Japanese');
    expect(() => parsePosting('機械学習エンジニア募集。', 'short.txt')).toThrow(
      /not enough to tailor a letter/,
    );
  });
});
