// Generates docs from rule metadata: `docs/rules.md` (the index of every rule) and the header of each
// rule's README (between the generated-header markers). `--check` fails when either is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinPlugins, type AnyRule } from '@docmind-docker-lint/core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
const BEGIN = '<!-- begin generated header: do not edit, run `pnpm docs:generate` -->';
const END = '<!-- end generated header -->';

interface RuleRow {
  readonly id: string;
  readonly pack: string;
  readonly rule: AnyRule;
}

function packOf(pluginName: string): string {
  return pluginName.replace(/^@docmind-docker-lint\/plugin-/, '');
}

function sourcesOf(rule: AnyRule): string {
  const sources = rule.meta.docs.sources ?? {};
  return Object.entries(sources)
    .flatMap(([peer, ids]) => (ids as readonly string[]).map((id) => `${peer} \`${id}\``))
    .join(', ');
}

function header(row: RuleRow): string {
  const { meta } = row.rule;
  const facts = [
    `Type: \`${meta.type}\``,
    meta.docs.recommended ? 'in `recommended`' : 'not in `recommended`',
    meta.fixable ? 'fixable with `--fix`' : 'no autofix',
    meta.hasSuggestions ? 'has suggestions' : 'no suggestions',
  ];
  const sources = sourcesOf(row.rule);
  return [
    BEGIN,
    `# ${row.id}`,
    '',
    `${meta.docs.description}`,
    '',
    `${facts.join(' · ')}${sources ? `\n\nCovers: ${sources}.` : ''}`,
    END,
  ].join('\n');
}

function index(rows: readonly RuleRow[]): string {
  const lines = [
    '# Rules',
    '',
    'Generated from rule metadata by `pnpm docs:generate`; CI fails when it is stale. ✅ in `recommended`,',
    '🔧 fixable with `--fix`, 💡 has suggestions.',
    '',
  ];
  for (const pack of [...new Set(rows.map((row) => row.pack))]) {
    lines.push(`## ${pack}`, '', '| Rule | Description | ✅ | 🔧 | 💡 | Covers |', '| --- | --- | --- | --- | --- | --- |');
    for (const row of rows.filter((candidate) => candidate.pack === pack)) {
      const { meta } = row.rule;
      lines.push(
        `| [${row.id}](../rules/${pack}/src/${row.id}/README.md) | ${meta.docs.description} | ${meta.docs.recommended ? '✅' : ''} | ${meta.fixable ? '🔧' : ''} | ${meta.hasSuggestions ? '💡' : ''} | ${sourcesOf(row.rule)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const plugins = await loadBuiltinPlugins();
const rows: RuleRow[] = plugins.flatMap((plugin) =>
  Object.entries(plugin.rules).map(([id, rule]) => ({ id, pack: packOf(plugin.meta.name), rule })),
);
const stale: string[] = [];
const emit = (file: string, text: string): void => {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) return;
  if (check) stale.push(path.relative(root, file));
  else writeFileSync(file, text);
};

emit(path.join(root, 'docs/rules.md'), index(rows));
for (const row of rows) {
  const readme = path.join(root, 'rules', row.pack, 'src', row.id, 'README.md');
  const current = existsSync(readme) ? readFileSync(readme, 'utf8') : `${BEGIN}\n${END}\n`;
  // Any wording of the begin marker counts, so a README written with an older marker is repaired.
  const start = current.search(/<!-- begin generated header[^>]*-->/);
  const end = current.indexOf(END);
  const body = (start === -1 || end === -1 ? `\n${current}` : current.slice(end + END.length)).replace(
    /^\n?<!-- begin generated header[^>]*-->\n<!-- end generated header -->/,
    '',
  );
  const before = start === -1 ? '' : current.slice(0, start);
  emit(readme, `${before}${header(row)}${body}`);
}

if (stale.length > 0) {
  console.error(`Generated docs are stale; run \`pnpm docs:generate\`:\n${stale.map((file) => `  ${file}`).join('\n')}`);
  process.exit(1);
}
console.log(check ? `docs are current (${rows.length} rules)` : `docs generated (${rows.length} rules)`);
