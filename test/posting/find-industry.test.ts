import { describe, expect, it } from 'vitest';
import { classifyIndustryOffline } from '../../src/posting/find-industry.js';
import type { IndustryResult } from '../../src/posting/posting-analysis.js';
import {
  examplePosting,
  fixturePosting,
  inlinePosting,
  playbooks,
} from '../engines/offline/offline-test-kit.js';

/** What a reader checks first: the industry, and whether the classifier was sure. */
function verdict(result: IndustryResult): { industry: string; confident: boolean } {
  return { industry: result.industry, confident: result.confidence >= 0.6 };
}

describe('classifyIndustryOffline', () => {
  it.each([
    ['harborline-bank-credit-risk.txt', 'finance'],
    ['kestrel-streaming-recommendations.html', 'tech'],
    ['orbitly-ml-platform.md', 'tech'],
    ['fernway-grocers-demand-forecasting.txt', 'retail'],
    ['st-brendan-health-ml-engineer.txt', 'general'],
    ['talentbridge-fintech-client.txt', 'finance'],
  ])('classifies the example posting %s as %s, confidently', async (file, industry) => {
    const result = classifyIndustryOffline(await examplePosting(file), playbooks);
    expect(verdict(result)).toEqual({ industry, confident: true });
  });

  it('reads a bank’s technology hub as finance, although it builds apps and cloud services', async () => {
    const result = classifyIndustryOffline(await fixturePosting('northbank-technology-hub.txt'), playbooks);
    expect(verdict(result)).toEqual({ industry: 'finance', confident: true });
    // "one of Canada's largest retail banks" is a bank, not a retailer.
    expect(result.signals).toContain('retail bank');
    expect(result.signals).not.toContain('retail');
  });

  it('reads a fintech that sells an API to developers as finance', async () => {
    const result = classifyIndustryOffline(await fixturePosting('ledgerly-fintech-api.md'), playbooks);
    expect(verdict(result)).toEqual({ industry: 'finance', confident: true });
    expect(result.signals.slice(0, 2)).toEqual(['fintech', 'lending']);
  });

  it('reads a marketplace of independent sellers as retail', async () => {
    const result = classifyIndustryOffline(await fixturePosting('craftly-marketplace.txt'), playbooks);
    expect(verdict(result)).toEqual({ industry: 'retail', confident: true });
    expect(result.signals).toEqual(expect.arrayContaining(['online marketplace', 'sellers']));
  });

  it('reads an online store’s ML platform team as retail, not tech, despite Kubernetes and a feature store', async () => {
    const result = classifyIndustryOffline(await fixturePosting('shopwell-ml-platform.txt'), playbooks);
    expect(verdict(result)).toEqual({ industry: 'retail', confident: true });
    // "feature store" is ML vocabulary, not a shop.
    expect(result.signals).not.toContain('store');
  });

  it('reads a software company whose ML team has a "feature store" as tech', async () => {
    const result = classifyIndustryOffline(await examplePosting('orbitly-ml-platform.md'), playbooks);
    expect(result.industry).toBe('tech');
    expect(result.signals).not.toContain('store');
  });

  it('reads an electric utility as general', async () => {
    const result = classifyIndustryOffline(await fixturePosting('gridwise-energy.txt'), playbooks);
    expect(verdict(result)).toEqual({ industry: 'general', confident: true });
  });

  it('reads a recruiter’s description of its client: a consumer brand with an online store is retail', async () => {
    const result = classifyIndustryOffline(await fixturePosting('apex-talent-agency.txt'), playbooks);
    expect(result.industry).toBe('retail');
  });

  it('falls back to general, unsure, when nothing in the posting says what the business is', async () => {
    const result = classifyIndustryOffline(await fixturePosting('brightpath-vague.txt'), playbooks);
    expect(result.industry).toBe('general');
    expect(result.confidence).toBeLessThan(0.6);
  });

  it('does not let the benefits and equal-opportunity text decide', () => {
    const posting = inlinePosting(
      [
        'Machine Learning Engineer at Tidewater Analytics',
        '',
        'Tidewater Analytics builds SaaS software for engineering teams and developers who monitor cloud platforms.',
        'We are launching an anomaly detection product for our API customers.',
        '',
        'Benefits: a retail discount card, insurance through our bank partner, and a grocery stipend.',
        'We are an equal opportunity employer.',
      ].join('\n'),
    );
    expect(classifyIndustryOffline(posting, playbooks).industry).toBe('tech');
  });

  it('weighs the company description above the requirement bullets', () => {
    const posting = inlinePosting(
      [
        'Data Scientist, Claims',
        '',
        'Harbor Mutual is an insurance company that has covered families in Maine since 1921.',
        '',
        'Requirements',
        '- Experience with recommendation systems, APIs and streaming data',
        '- Familiarity with SaaS analytics tools',
      ].join('\n'),
    );
    expect(classifyIndustryOffline(posting, playbooks)).toMatchObject({ industry: 'finance' });
  });

  it('is deterministic', async () => {
    const posting = await fixturePosting('craftly-marketplace.txt');
    expect(classifyIndustryOffline(posting, playbooks)).toEqual(classifyIndustryOffline(posting, playbooks));
  });
});
