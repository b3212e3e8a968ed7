// How many inputs each property gets, and from which seed. CI runs a fixed number from a fixed seed, so
// a failure there is a regression, not luck (bench/fuzz explores new seeds). `FUZZ_RUNS_SCALE`
// multiplies the runs; `FUZZ_SEED=<n>` replays a counterexample (fast-check prints its seed and path),
// `FUZZ_SEED=random` draws a new seed.
import type fc from 'fast-check';

const scale = Number(process.env['FUZZ_RUNS_SCALE'] ?? '1');
const DEFAULT_SEED = 20_251_128;
const given = process.env['FUZZ_SEED'];
const seed = given === 'random' ? undefined : given === undefined ? DEFAULT_SEED : Number(given);

export function runs(count: number): fc.Parameters<unknown> {
  return {
    numRuns: Math.max(1, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1))),
    ...(seed === undefined || !Number.isFinite(seed) ? {} : { seed }),
    // Shrinking a whole-pipeline counterexample can take minutes; a bounded budget keeps failures readable.
    interruptAfterTimeLimit: 120_000,
    endOnFailure: false,
  };
}
