import type { Engine } from '../../pipeline/engine.js';
import { noUsage } from '../../pipeline/usage.js';
import { findHook } from '../../posting/find-hook.js';
import { classifyIndustryOffline } from '../../posting/find-industry.js';
import { requireEnglish } from '../../posting/require-english.js';
import { draftOffline } from './draft-offline.js';
import { reviseOffline } from './revise-offline.js';

/**
 * The embedded engine every new user meets: no key, no network, and the same letter for the same input. Each stage
 * is plain code over the playbooks in `templates/`, so it runs anywhere and costs nothing (usage is all zeros).
 */
export function createOfflineEngine(): Engine {
  return {
    name: 'offline',
    model: 'offline',
    async readPosting(posting, playbooks, options) {
      options?.signal?.throwIfAborted();
      requireEnglish(posting);
      return {
        value: {
          industry: classifyIndustryOffline(posting, playbooks),
          analysis: findHook(posting, playbooks),
        },
        usage: noUsage,
      };
    },
    async draftLetter(request, options) {
      options?.signal?.throwIfAborted();
      return { value: draftOffline(request), usage: noUsage };
    },
    async reviseLetter(request, options) {
      options?.signal?.throwIfAborted();
      return { value: reviseOffline(request), usage: noUsage };
    },
  };
}
