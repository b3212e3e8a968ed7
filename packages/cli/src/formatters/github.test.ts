import { describe, expect, it } from 'vitest';
import { formatGithub } from './github.js';
import { sampleContext, sampleResults } from './sample-results.test-helper.js';

describe('github formatter', () => {
  it('writes a workflow command per problem, with escaped data and properties and an inclusive end column', () => {
    expect(formatGithub(sampleResults, sampleContext)).toBe(
      [
        '::error file=Dockerfile,line=1,col=12,endLine=1,endColumn=18,title=no-latest-tag::Image "python:latest" uses the latest tag.',
        '::warning file=Dockerfile,line=2,col=1,endLine=2,endColumn=32,title=require-user::Runs as root: add "USER app" & <don\'t> skip it, 100%25,%0Areally.',
        "::warning file=Dockerfile,line=2,col=1,endLine=2,endColumn=1,title=docmind-docker-lint::Unused docmind-docker-lint-disable directive (no problems were reported from 'keyword-case').",
        '::error file=services/api/compose.yaml,line=3,col=5,endLine=3,endColumn=5,title=docmind-docker-lint::Compose file is not valid YAML: unexpected end of the stream.',
        '',
      ].join('\n'),
    );
  });

  it('escapes commas, colons and line breaks in property values', () => {
    const [result] = sampleResults;
    const odd = { ...result!, filePath: '/project/a,b:c\nd/Dockerfile', messages: [result!.messages[0]!] };
    expect(formatGithub([odd], sampleContext)).toMatch(/^::error file=a%2Cb%3Ac%0Ad\/Dockerfile,line=1,/u);
  });

  it('prints nothing for a clean run', () => {
    expect(formatGithub([sampleResults[2]!], sampleContext)).toBe('');
  });
});
