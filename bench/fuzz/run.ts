// The long fuzz run: the properties of test/robustness for a given time (default 10 minutes), over
// arbitrary text and generated projects, plus pathological lines at growing lengths. Prints how many
// inputs ran, what they reached, and every counterexample with the seed that replays it.
//
//   pnpm exec tsx --conditions=source bench/fuzz/run.ts [--minutes 10] [--seed 42]
import fc from 'fast-check';
import { anyText, composeFile, dockerfile, dockerignore, hitsKnownRuleBug, project } from '../../test/robustness/support/generators.js';
import { PAYLOADS, baseline, isKnownSlow, projectWith } from '../../test/robustness/support/pathological.js';
import { checkProject, lintFiles, type ProjectFiles } from '../../test/robustness/support/pipeline.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? Number(args[index + 1]) : fallback;
};
const minutes = option('minutes', 10);
const seed = option('seed', Date.now() % 2 ** 31);
const deadline = performance.now() + minutes * 60_000;

const sources: readonly [string, fc.Arbitrary<ProjectFiles>][] = [
  ['text as Dockerfile', anyText.map((text) => ({ Dockerfile: text }))],
  ['text as compose.yaml', anyText.map((text) => ({ 'compose.yaml': text }))],
  ['text as .dockerignore', anyText.map((text) => ({ '.dockerignore': text, Dockerfile: 'FROM alpine:3\nCOPY . .\n' }))],
  ['text as .env', anyText.map((text) => ({ '.env': text, 'compose.yaml': 'services:\n  web:\n    image: nginx:1\n    env_file: .env\n' }))],
  ['Dockerfile', dockerfile.map((text) => ({ Dockerfile: text, 'app.py': 'print(1)\n' }))],
  ['Compose file', composeFile.map((text) => ({ 'compose.yaml': text, Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' }))],
  ['.dockerignore', dockerignore.map((text) => ({ '.dockerignore': text, Dockerfile: 'FROM python:3.12\nCOPY . .\n' }))],
  ['project', project],
];

const counts = new Map<string, number>();
const failures: string[] = [];
const rules = new Set<string>();
let fixesApplied = 0;
let filesFixed = 0;
let round = 0;
let knownBugInputs = 0;

console.log(`fuzz: ${minutes} min, seed ${seed}`);
while (performance.now() < deadline) {
  for (const [name, arbitrary] of sources) {
    if (performance.now() >= deadline) break;
    const roundSeed = seed + round;
    try {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (files) => {
          let stats;
          try {
            stats = await checkProject(files);
          } catch (error) {
            // A known rule bug (a skipped test names it): counted, not shrunk again and again.
            if (!hitsKnownRuleBug(files)) throw error;
            knownBugInputs++;
            return;
          }
          counts.set(name, (counts.get(name) ?? 0) + 1);
          fixesApplied += stats.fixesApplied;
          filesFixed += stats.filesFixed;
          for (const rule of stats.rules) rules.add(rule);
        }),
        { numRuns: 50, seed: roundSeed, interruptAfterTimeLimit: 300_000 },
      );
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `\n  cause: ${error.cause.message}` : '';
      counts.set(`${name} (failed)`, (counts.get(`${name} (failed)`) ?? 0) + 1);
      failures.push(`${name} (seed ${roundSeed}): ${error instanceof Error ? error.message : String(error)}${cause}`);
      console.log(`FAIL ${failures.at(-1)!.replace(/\n\nHint:.*$/m, '').slice(0, 3000)}`);
    }
  }
  round++;
}

// Pathological lines: time against ordinary words of the same length (longer lines: pass --minutes
// and edit the lengths; a quadratic rule at 5,000 characters in every position takes many minutes).
const slow: string[] = [];
for (const length of [2000]) {
  const time = async (files: ProjectFiles) => {
    const started = performance.now();
    await lintFiles(files);
    return performance.now() - started;
  };
  for (const kind of ['Dockerfile', 'compose.yaml', '.dockerignore', '.env', 'pyproject.toml', '.python-version']) {
    const base = await time({ [kind]: projectWith(baseline(length))[kind]! });
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      if (isKnownSlow(kind, name)) continue; // a skipped test names the rule; it would not finish
      const ms = await time({ [kind]: projectWith(payload(length))[kind]! });
      counts.set('pathological', (counts.get('pathological') ?? 0) + 1);
      if (ms > 10 * base + 1000) slow.push(`${kind} ${name} at ${length}: ${ms.toFixed(0)} ms (baseline ${base.toFixed(0)} ms)`);
    }
  }
}

const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
console.log(`fuzz: ${total} inputs in ${minutes} min (${[...counts].map(([name, count]) => `${name} ${count}`).join(', ')})`);
console.log(`fuzz: ${rules.size} rules reported, ${fixesApplied} fixes applied in first passes, ${filesFixed} files fixed and re-checked`);
console.log(`fuzz: ${failures.length} property failures, ${knownBugInputs} inputs failing on known rule bugs, ${slow.length} slow pathological inputs`);
for (const entry of slow) console.log(`  SLOW ${entry}`);
process.exit(failures.length > 0 ? 1 : 0);
