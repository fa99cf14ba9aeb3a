/** How lede uses its response cache (`--cache`): its own file, so `lede --help` need not load the config resolver. */
export const cacheModes = ['off', 'auto', 'record', 'strict'] as const;
