import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { copyArguments } from './copy-arguments.js';

function copies(text: string) {
  const dockerfile = parseDockerfile(new SourceFile('/project/Dockerfile', text, 'dockerfile'));
  return dockerfile.instructions.filter((instruction) => instruction.keyword === 'COPY').map(copyArguments);
}

describe('copyArguments', () => {
  it('reads the shell form with its flags', () => {
    const [copy] = copies('FROM python\nCOPY --from=build --chown=app a.txt c/ /app/\n');
    expect(copy!.sources.map((source) => source.value)).toEqual(['a.txt', 'c/']);
    expect(copy!.destination?.value).toBe('/app/');
    expect(copy!.from).toBe('build');
  });

  it('reads the exec form, with the element and value ranges', () => {
    const text = 'FROM python\nCOPY ["a b", "/app/"]\n';
    const [copy] = copies(text);
    const [source] = copy!.sources;
    expect([source!.value, text.slice(...source!.range), text.slice(...source!.valueRange)]).toEqual(['a b', '"a b"', 'a b']);
    expect(copy!.from).toBeNull();
  });

  it('leaves heredoc bodies out', () => {
    const text = 'FROM python\nCOPY <<EOF /app/run.sh\necho hello world\nEOF\n';
    const [copy] = copies(text);
    expect(copy!.sources.map((source) => source.value)).toEqual(['<<EOF']);
    expect(copy!.destination?.value).toBe('/app/run.sh');
    expect(text.slice(copy!.headerEnd)).toBe('\necho hello world\nEOF\n');
  });
});
