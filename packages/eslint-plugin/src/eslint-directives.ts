import type { CommentNode } from '@docmind-docker-lint/core';

/** ESLint's disable directive, as a language's `getDisableDirectives()` hands it over. */
export interface EslintDirective {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** The comment; ESLint asks the SourceCode for its location and range. */
  readonly node: CommentNode;
  /** The rule list as written (`docmind-docker-lint/no-add, docmind-docker-lint/no-sudo`); empty for all. */
  readonly value: string;
  readonly justification: string;
}


const DIRECTIVE = /^(eslint-disable|eslint-enable|eslint-disable-line|eslint-disable-next-line)(?:\s+([\s\S]*))?$/u;

/**
 * ESLint's own directive comments written as `#` comments, so ESLint users silence a finding the way
 * they do in JavaScript: `# eslint-disable-next-line docmind-docker-lint/no-add -- reason`. The rule
 * list and the justification are split as ESLint splits them (` -- ` or more dashes); ESLint itself
 * checks the rule names and reports unused directives. A `#` comment is one line, so none is malformed
 * the way a multi-line `eslint-disable-line` block comment is in JavaScript.
 */
export function eslintDirectivesOf(comments: readonly CommentNode[]): EslintDirective[] {
  const directives: EslintDirective[] = [];
  for (const comment of comments) {
    const body = comment.text.replace(/^\s*#/u, '').trim();
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const [value = '', justification = ''] = (match[2] ?? '').split(/\s-{2,}\s/u);
    const type = match[1]!.slice('eslint-'.length) as EslintDirective['type'];
    directives.push({ type, node: comment, value: value.trim(), justification: justification.trim() });
  }
  return directives;
}
