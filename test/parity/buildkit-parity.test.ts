// Runs BuildKit's lint test cases (../shared/parity/buildkit/tests, read at run time) against our rules
// that list BuildKit rule names in meta.docs.sources (see harness.ts): for each BuildKit rule we cover,
// the lines we report must be the lines BuildKit's test expects, no more, no fewer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuildkitParity, type ParityReport } from './harness.js';
import { parityAvailable, printSummary, SKIP_MESSAGE } from './parity-support.js';

if (!parityAvailable) console.log(SKIP_MESSAGE);

describe.skipIf(!parityAvailable)('BuildKit parity', () => {
  let report: ParityReport;

  beforeAll(async () => {
    report = await runBuildkitParity();
  }, 600_000);

  afterAll(() => {
    if (report) printSummary('BuildKit parity (every test case, per BuildKit rule we cover)', report.tallies);
  });

  it('reports the lines BuildKit expects for every rule we cover, except the known differences', () => {
    const disagreements = report.outcomes
      .filter((outcome) => outcome.verdict === 'disagreed')
      .map((outcome) => `${outcome.caseName} ${outcome.peerId}: ${outcome.detail}`);
    expect(disagreements).toEqual([]);
  });

  it('lists only known differences that still differ', () => {
    const stale = report.stale.map((entry) => `${entry.rule} ${entry.case}`);
    expect(stale, 'these cases agree now: remove them from known-differences.json').toEqual([]);
  });
});
