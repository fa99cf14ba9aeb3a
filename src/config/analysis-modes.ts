/**
 * Who reads the posting on the model path (`--analysis`): `model` (one structured call), `offline` (the heuristic
 * reader, no call), or `auto` (the offline reading when it is confident, else the model). Its own file, like
 * `cache-modes.ts`, so the pipeline and `lede --help` need not load the config resolver.
 */
export const analysisModes = ['auto', 'model', 'offline'] as const;
export type AnalysisMode = (typeof analysisModes)[number];
