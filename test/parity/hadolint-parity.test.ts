// Runs hadolint's own test cases (../shared/parity/hadolint, read at run time) against our rules that
// list the case's DL id in meta.docs.sources (see harness.ts). Deliberate differences are listed, with
// a reason, in known-differences.json. `pnpm parity` prints the same comparison and writes docs/parity.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHadolintParity, type ParityReport } from './harness.js';
import { parityAvailable, printSummary, SKIP_MESSAGE } from './parity-support.js';

if (!parityAvailable) console.log(SKIP_MESSAGE);

describe.skipIf(!parityAvailable)('hadolint parity', () => {
  let report: ParityReport;

  beforeAll(async () => {
    report = await runHadolintParity();
  }, 600_000);

  afterAll(() => {
    if (!report) return;
    printSummary('hadolint parity (cases of DL ids our rules cover)', report.tallies);
    const skippedByReason = new Map<string, string[]>();
    for (const outcome of report.outcomes.filter((entry) => entry.verdict === 'skipped')) {
      skippedByReason.set(outcome.detail, [...(skippedByReason.get(outcome.detail) ?? []), outcome.caseName]);
    }
    for (const [reason, files] of skippedByReason) console.log(`skipped ${files.length} case(s): ${reason}`);
  });

  it('agrees with hadolint on every case, except the known differences', () => {
    const disagreements = report.outcomes
      .filter((outcome) => outcome.verdict === 'disagreed')
      .map((outcome) => `${outcome.caseName} (${outcome.title}): ${outcome.detail}`);
    expect(disagreements).toEqual([]);
  });

  it('lists only known differences that still differ', () => {
    const stale = report.stale.map((entry) => `${entry.rule} ${entry.case}`);
    expect(stale, 'these cases agree now: remove them from known-differences.json').toEqual([]);
  });
});
