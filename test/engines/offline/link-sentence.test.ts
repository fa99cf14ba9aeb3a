import { describe, expect, it } from 'vitest';
import { type LinkInput, linkSentence, toolsSentence } from '../../../src/engines/offline/link-sentence.js';

const serving: LinkInput = {
  company: 'Orbitly',
  hook: 'Project Relay',
  hookTerms: ['nightly batch', 'real-time feature'],
  postingTerms: ['real-time feature', 'inference'],
  factLabels: ['redis', 'kubernetes', 'real-time feature serving', 'latency', 'recommendation'],
  factWords: new Set([
    'moved',
    'recommendation',
    'engine',
    'nightly',
    'batch',
    'scoring',
    'inference',
    'latency',
  ]),
  placeInline: 'at Streamline',
  seed: 'Orbitly',
};

describe('linkSentence', () => {
  it('bridges to the hook in both sides’ words when the lead and the hook share a problem', () => {
    const link = linkSentence(serving);
    expect(link?.bridged).toBe(true);
    expect(link?.text).toContain('Project Relay');
    expect(link?.text).toContain('"nightly batch" and "real-time feature"');
  });

  it('claims no shared problem on one shared word: it says why the work leads, in the posting’s words', () => {
    const link = linkSentence({
      ...serving,
      hookTerms: ['latency'],
      postingTerms: ['latency', 'recommendation'],
    });
    expect(link).toMatchObject({ bridged: false, terms: 2 });
    expect(link?.text).toMatch(/your posting/i);
    expect(link?.text).toContain('"latency" and "recommendation"');
    expect(link?.text).not.toContain('Project Relay');
  });

  it('never quotes a word that only shares a stem with the fact ("shaping" for SHAP) or is too common to say anything', () => {
    expect(
      linkSentence({
        ...serving,
        hookTerms: [],
        postingTerms: ['shaping', 'python', 'team'],
        factLabels: ['shap', 'python'],
        factWords: new Set(['shap', 'python']),
      }),
    ).toBeNull();
  });

  it('is the same for the same posting and varies the wording between postings', () => {
    expect(linkSentence(serving)).toEqual(linkSentence(serving));
    const texts = new Set(
      ['Orbitly', 'Kestrel', 'Fernway', 'Harborline', 'Quantiq', 'Brightpath'].map((seed) =>
        linkSentence({ ...serving, company: seed, seed })?.text.replace(seed, '<company>'),
      ),
    );
    expect(texts.size).toBeGreaterThan(1);
  });
});

describe('toolsSentence', () => {
  it('names the tools the posting asks for that the profile holds, leaving out those every posting names', () => {
    const text = toolsSentence(['Python', 'Airflow', 'XGBoost', 'Spark'], 'Acme');
    expect(text).toMatch(/Airflow and XGBoost/);
    expect(text).not.toMatch(/Python|Spark/);
  });

  it('says nothing when only the common tools are left', () => {
    expect(toolsSentence(['Python', 'SQL'], 'Acme')).toBeNull();
    expect(toolsSentence([], 'Acme')).toBeNull();
  });
});
