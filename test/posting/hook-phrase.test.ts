import { describe, expect, it } from 'vitest';
import { readHook } from '../../src/posting/hook-phrase.js';

describe('readHook', () => {
  it.each([
    [
      'This year we are launching a real-time fraud platform across Europe, scoring every card payment.',
      { kind: 'progressive', phrase: 'launching a real-time fraud platform across Europe' },
    ],
    [
      'We are building a probabilistic load forecasting system for every substation on our network.',
      {
        kind: 'progressive',
        phrase: 'the probabilistic load forecasting system for every substation on its network',
      },
    ],
    [
      'This year we are building **Project Relay**, a real-time feature store that will replace batch scoring.',
      { kind: 'progressive', phrase: 'Project Relay, a real-time feature store' },
    ],
    [
      'Next quarter the team will launch same-day delivery forecasts for 300 stores.',
      { kind: 'future', phrase: 'same-day delivery forecasts for 300 stores' },
    ],
    [
      'We want to understand and reduce subscription churn: why customers skip or cancel.',
      { kind: 'ambition', phrase: 'subscription churn' },
    ],
    [
      'The Planning Department is seeking a Data Scientist II to support the bus network redesign, a two-year effort.',
      { kind: 'purpose', phrase: 'the bus network redesign' },
    ],
    [
      'building: automatic CRM field extraction from call transcripts (deal stage, next steps)',
      { kind: 'labelled', phrase: 'automatic CRM field extraction from call transcripts' },
    ],
    [
      'Our team builds tools that help nurses act earlier: sepsis alerts, readmission risk, and staffing forecasts.',
      { kind: 'list', phrase: 'sepsis alerts, readmission risk, and staffing forecasts' },
    ],
  ])('reads "%s"', (sentence, expected) => {
    expect(readHook(sentence)).toEqual(expected);
  });

  it('says nothing about a mission statement', () => {
    expect(readHook('We are a passionate team that values curiosity and excellence.')).toBeNull();
  });

  it('drops a phrase that still speaks as the company ("we", "you")', () => {
    expect(readHook('We are rebuilding the checkout you use every day.')).toEqual({
      kind: 'progressive',
      phrase: null,
    });
  });

  it('keeps hooks short, ending on a whole phrase rather than mid-thought', () => {
    const reading = readHook(
      'We are rolling out store-level daily forecasts for fresh categories (produce, bakery, meat and seafood) to every store by the end of next year, replacing the weekly forecast.',
    );
    expect(reading?.phrase).toBe(
      'rolling out store-level daily forecasts for fresh categories to every store',
    );
  });
});
