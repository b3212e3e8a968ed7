import type { AnyRule } from '@docmind-docker-lint/core';

/** The `--list-rules` table: id, type, fixes offered, whether recommended, description; sorted by id. */
export function formatRulesTable(rules: ReadonlyMap<string, AnyRule>): string {
  const header = ['Rule', 'Type', 'Fixes', 'Recommended', 'Description'];
  const rows = [...rules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, rule]) => [
      id,
      rule.meta.type,
      [rule.meta.fixable ? 'fix' : '', rule.meta.hasSuggestions ? 'suggestions' : ''].filter(Boolean).join(', '),
      rule.meta.docs.recommended ? 'yes' : '',
      rule.meta.docs.description,
    ]);
  if (rows.length === 0) return 'No rules are loaded.\n';
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
