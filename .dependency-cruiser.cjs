/**
 * The walls between lede's rooms (docs/architecture.md draws them). `test/architecture/walls.test.ts` runs this and
 * fails on any crossing. A room may import rooms on lower floors and its own; never a higher floor, never a sibling
 * engine. The parser is swc: dependency-cruiser cannot read sources with TypeScript 7.0's compiler.
 */
const floors = [
  ['src/(errors|exit-code|package-root)\\.ts', 'src/text/'],
  ['src/input/', 'src/output/', 'src/prompts/'],
  ['src/config/', 'src/playbooks/', 'src/profile/', 'src/posting/'],
  ['src/critic/', 'src/resume/'],
  ['src/pipeline/'],
  ['src/engines/'],
  ['src/batch/'],
  ['src/evals/', 'src/review/'],
  ['src/cli/'],
];

const upward = floors.flatMap((rooms, level) => {
  const above = floors.slice(level + 1).flat();
  if (above.length === 0) return [];
  return [
    {
      name: `floor-${level}-looks-up`,
      comment: `${rooms.join(', ')} may import only lower floors (see docs/architecture.md)`,
      severity: 'error',
      from: { path: `^(${rooms.join('|')})` },
      to: { path: `^(${above.join('|')})` },
    },
  ];
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'engines-apart',
      comment: 'an engine never imports another engine: both meet only at the pipeline port (src/pipeline/engine.ts)',
      severity: 'error',
      from: { path: '^src/engines/([^/]+)/' },
      to: { path: '^src/engines/', pathNot: '^src/engines/$1/' },
    },
    {
      name: 'no-cycles',
      comment: 'no file imports itself through others',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'source-stays-in-src',
      comment: 'shipped code never imports tests, benches or scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
