// Shared by the hadolint and BuildKit parity tests: where the peers' cases are, which of our rules
// cover a peer id, linting a case with only those rules, the known differences, the summary table.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  lintText,
  loadBuiltinPlugins,
  MemoryHost,
  type AnyRule,
  type LintMessage,
  type RuleEntry,
  type RuleSources,
} from '@docmind-docker-lint/core';

/** The peers' test cases (GPL test data: read at run time, never copied into this repository). */
export const PARITY_ROOT = path.resolve(import.meta.dirname, '../../../shared/parity');

export const parityAvailable = existsSync(PARITY_ROOT);
export const SKIP_MESSAGE = `parity cases not found at ${PARITY_ROOT}: parity tests skipped`;

/** Our rules listing each peer id in `meta.docs.sources[peer]`, by peer id. */
export async function rulesByPeerId(peer: keyof RuleSources): Promise<Map<string, { id: string; rule: AnyRule }[]>> {
  const byPeerId = new Map<string, { id: string; rule: AnyRule }[]>();
  for (const plugin of await loadBuiltinPlugins()) {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const id = plugin.meta.namespace ? `${plugin.meta.namespace}/${name}` : name;
      for (const peerId of rule.meta.docs.sources?.[peer] ?? []) {
        byPeerId.set(peerId, [...(byPeerId.get(peerId) ?? []), { id, rule }]);
      }
    }
  }
  return byPeerId;
}

const VIRTUAL_ROOT = path.resolve('/parity-case');

/** Lints a Dockerfile text with only the given rules (no config files), in a project held in memory. */
export async function lintCase(
  dockerfile: string,
  rules: Readonly<Record<string, RuleEntry>>,
  otherFiles: Readonly<Record<string, string>> = {},
): Promise<readonly LintMessage[]> {
  const files = Object.fromEntries(Object.entries(otherFiles).map(([name, text]) => [path.join(VIRTUAL_ROOT, name), text]));
  const [result] = await lintText(dockerfile, {
    cwd: VIRTUAL_ROOT,
    filePath: 'Dockerfile',
    kind: 'dockerfile',
    host: new MemoryHost(files),
    useConfigFiles: false,
    rules,
  });
  return result!.messages;
}

export interface KnownDifference {
  /** hadolint: the case file (`DL3004/3.Dockerfile`); BuildKit: the case folder (`testFooBar-1`). */
  readonly case: string;
  /** The peer id (DL id or BuildKit rule name) the difference is about. */
  readonly rule: string;
  /** Why we deliberately differ (a peer bug confirmed in its issues, a documented design choice). */
  readonly reason: string;
}

/** `known-differences.json`: per peer, the cases where we differ on purpose, each with its reason. */
export function knownDifferences(peer: 'hadolint' | 'buildkit'): KnownDifference[] {
  const all = JSON.parse(readFileSync(path.join(import.meta.dirname, 'known-differences.json'), 'utf8')) as Record<string, KnownDifference[]>;
  const entries = all[peer] ?? [];
  for (const entry of entries) {
    if (!entry.case || !entry.rule || !entry.reason || entry.reason.trim().length < 10) {
      throw new Error(`known-differences.json (${peer}): every entry needs a case, a rule and a written reason: ${JSON.stringify(entry)}`);
    }
  }
  return entries;
}

export interface Tally {
  cases: number;
  agreed: number;
  disagreed: number;
  known: number;
  skipped: number;
}

/** Prints one row per peer id: cases, agreed, disagreed (known differences and skips apart). */
export function printSummary(title: string, tallies: ReadonlyMap<string, Tally>): void {
  const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce<Tally>(
    (sum, [, tally]) => ({
      cases: sum.cases + tally.cases,
      agreed: sum.agreed + tally.agreed,
      disagreed: sum.disagreed + tally.disagreed,
      known: sum.known + tally.known,
      skipped: sum.skipped + tally.skipped,
    }),
    { cases: 0, agreed: 0, disagreed: 0, known: 0, skipped: 0 },
  );
  const line = (id: string, tally: Tally): string => {
    const judged = tally.agreed + tally.disagreed + tally.known;
    const rate = judged === 0 ? '-' : `${((100 * tally.agreed) / judged).toFixed(1)}%`;
    return `| ${id} | ${tally.cases} | ${tally.agreed} | ${tally.disagreed} | ${tally.known} | ${tally.skipped} | ${rate} |`;
  };
  console.log(
    [
      `\n${title}`,
      '| peer id | cases | agreed | disagreed | known difference | skipped | agreement |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map(([id, tally]) => line(id, tally)),
      line('total', total),
    ].join('\n'),
  );
}
