import type { AnyRule, Plugin } from '@docmind-docker-lint/core';

/**
 * The `--list-rules` table: id, pack, type, fixes offered, whether recommended, description; sorted
 * by id. The pack is the plugin's name without the `@docmind-docker-lint/plugin-` prefix of the built-in ones.
 */
export function formatRulesTable(plugins: readonly Plugin[]): string {
  const header = ['Rule', 'Pack', 'Type', 'Fixes', 'Recommended', 'Description'];
  const rules: [string, string, AnyRule][] = plugins.flatMap((plugin) =>
    Object.entries(plugin.rules).map(([name, rule]): [string, string, AnyRule] => [
      plugin.meta.namespace ? `${plugin.meta.namespace}/${name}` : name,
      plugin.meta.name.replace(/^@docmind-docker-lint\/plugin-/u, ''),
      rule,
    ]),
  );
  const rows = rules
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, pack, rule]) => [
      id,
      pack,
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
