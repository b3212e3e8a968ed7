import { describe, expect, it } from 'vitest';
import { formatCompact } from './compact.js';
import { sampleContext, sampleResults } from './sample-results.test-helper.js';

describe('compact formatter', () => {
  it('prints one line per problem, line breaks in messages folded, then the count', () => {
    expect(formatCompact(sampleResults, sampleContext)).toBe(
      [
        'Dockerfile: line 1, col 12, Error - Image "python:latest" uses the latest tag. (no-latest-tag)',
        'Dockerfile: line 2, col 1, Warning - Runs as root: add "USER app" & <don\'t> skip it, 100%, really. (require-user)',
        "Dockerfile: line 2, col 1, Warning - Unused docmind-docker-lint-disable directive (no problems were reported from 'keyword-case').",
        'services/api/compose.yaml: line 3, col 5, Error - Compose file is not valid YAML: unexpected end of the stream.',
        '',
        '4 problems',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean run and "1 problem" for one', () => {
    expect(formatCompact([sampleResults[2]!], sampleContext)).toBe('');
    expect(formatCompact([sampleResults[1]!], sampleContext)).toMatch(/\n\n1 problem\n$/u);
  });
});
