import type { Comparison, ComparisonRow } from './compare-baseline.js';

/** A rate as 0.917; a measure with one decimal. */
export function formatValue(row: Pick<ComparisonRow, 'kind'>, value: number | null): string {
  if (value === null) return '-';
  return row.kind === 'rate' ? value.toFixed(3) : value.toFixed(1);
}

export function formatDelta(row: Pick<ComparisonRow, 'kind'>, delta: number | null): string {
  if (delta === null) return '-';
  const text = formatValue(row, Math.abs(delta));
  if (Number(text) === 0) return formatValue(row, 0);
  return `${delta < 0 ? '-' : '+'}${text}`;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
    .join('  ')
    .trimEnd();
}

/** The stdout table: scorer, value, baseline, delta, status; one row per scorer. */
export function renderTable(comparison: Comparison): string {
  const header = ['scorer', 'value', 'baseline', 'delta', 'status'];
  const body = comparison.rows.map((row) => [
    row.unit === 'rate' || row.kind === 'rate' ? row.scorer : `${row.scorer} (${row.unit})`,
    formatValue(row, row.value),
    formatValue(row, row.baseline),
    formatDelta(row, row.delta),
    row.status,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((cells) => (cells[column] ?? '').length)),
  );
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return `${[pad(header, widths), rule, ...body.map((cells) => pad(cells, widths))].join('\n')}\n`;
}
