import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { disableDirectiveEdit } from './disable-directive-edit.js';

const apply = (text: string, kind: 'dockerfile' | 'compose', at: string, ruleId = 'rule-a'): string => {
  const source = SourceFile.fromText(`/p/${kind === 'compose' ? 'compose.yaml' : 'Dockerfile'}`, text, kind);
  const instructions = kind === 'dockerfile' ? parseDockerfile(source).instructions : [];
  const edit = disableDirectiveEdit(source, text.indexOf(at), ruleId, instructions);
  return edit ? text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]) : text;
};

describe('disableDirectiveEdit', () => {
  it('puts the directive above the first line of a multi-line instruction', () => {
    expect(apply('FROM x\nRUN a \\\n    && b\n', 'dockerfile', '&& b')).toBe(
      'FROM x\n# docmind-docker-lint-disable-next-line rule-a\nRUN a \\\n    && b\n',
    );
  });

  it('keeps the indentation and the line endings of the file', () => {
    expect(apply('services:\r\n  app:\r\n    image: x\r\n', 'compose', 'image')).toBe(
      'services:\r\n  app:\r\n    # docmind-docker-lint-disable-next-line rule-a\r\n    image: x\r\n',
    );
  });

  it('adds the rule to a directive already above the line, before its reason', () => {
    const text = 'FROM x\n# docmind-docker-lint-disable-next-line rule-b -- on purpose\nUSER root\n';
    expect(apply(text, 'dockerfile', 'root')).toBe('FROM x\n# docmind-docker-lint-disable-next-line rule-b, rule-a -- on purpose\nUSER root\n');
    expect(apply(text, 'dockerfile', 'root', 'rule-b')).toBe(text);
  });
});
