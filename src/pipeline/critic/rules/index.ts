import type { Rule } from '../rule.js';

/** Every rule, in the order findings are reported. Ids are stable: never rename one. */
export const rules: readonly Rule[] = [];
