// Time spent in each rule (its `create` and its visitors) over a whole-corpus lint with every rule,
// like ESLint's TIMING=1. Work that rules share through per-instruction caches (the RUN script
// analysis, for example) is charged to the first rule that asks for it.
// Run: `node --import tsx --conditions=source bench/rule-timing.ts [corpus] [top N]`
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, loadBuiltinPlugins, type AnyRule, type Plugin, type RuleListener } from '@docmind-docker-lint/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(process.argv[2] || path.join(here, '../../shared/corpus'));
const top = Number(process.argv[3] ?? 20);
const spent = new Map<string, number>();
const charge = (id: string, ms: number): void => void spent.set(id, (spent.get(id) ?? 0) + ms);

function timed(id: string, rule: AnyRule): AnyRule {
  return {
    ...rule,
    create(context, ...rest) {
      const start = performance.now();
      const listener = (rule.create as (...args: unknown[]) => RuleListener)(context, ...rest);
      charge(id, performance.now() - start);
      const wrapped: Record<string, (node: unknown) => void> = {};
      for (const [key, visit] of Object.entries(listener as Record<string, (node: unknown) => void>)) {
        wrapped[key] = (node) => {
          const begin = performance.now();
          try {
            visit(node);
          } finally {
            charge(id, performance.now() - begin);
          }
        };
      }
      return wrapped;
    },
  } as AnyRule;
}

const plugins: Plugin[] = (await loadBuiltinPlugins()).map((plugin) => ({
  ...plugin,
  rules: Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, timed(`${plugin.meta.name}/${name}`, rule)])),
}));
const start = performance.now();
const results = await lintProject({ cwd: corpus, plugins, useConfigFiles: false, baseConfig: { extends: ['all'] } });
const total = performance.now() - start;
const counts = new Map<string, number>();
for (const result of results) for (const message of result.messages) counts.set(String(message.ruleId), (counts.get(String(message.ruleId)) ?? 0) + 1);
console.log(results.length, [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5));
const inRules = [...spent.values()].reduce((sum, ms) => sum + ms, 0);
console.log(`whole lint ${total.toFixed(0)} ms, in rules ${inRules.toFixed(0)} ms (${((inRules / total) * 100).toFixed(0)}%)`);
for (const [id, ms] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${id}`);
}
