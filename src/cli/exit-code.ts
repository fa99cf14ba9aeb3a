/** The table lives at floor 0 because summary.json reports it too; the CLI is still the only place that exits. */
export { ExitCode } from '../exit-code.js';
