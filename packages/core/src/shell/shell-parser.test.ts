import { describe, expect, it } from 'vitest';
import { LintSession } from '../api/lint-session.js';
import { MemoryHost } from '../host/memory-host.js';
import type { AnyRule, Plugin } from '../types/rule.js';
import { isShellParserLoaded, loadShellParser, parseShell } from './shell-parser.js';
import type { ShellNode } from './shell-tree.js';

function find(node: ShellNode, type: string): ShellNode[] {
  return [...(node.type === type ? [node] : []), ...node.children.flatMap((child) => find(child, type))];
}

const ruleOf = (requiresShellParser: boolean): AnyRule => ({
  name: 'x',
  meta: { type: 'problem', docs: { description: 'x' }, messages: { x: 'x' }, schema: [], defaultOptions: [], requiresShellParser },
  create: () => ({}),
});

describe('LintSession.prepare', () => {
  it('loads nothing when no rule asks for the shell parser, and the parser when one does', async () => {
    const plugin: Plugin = { meta: { name: 'p' }, rules: { plain: ruleOf(false), shell: ruleOf(true) } };
    const session = await LintSession.create({ cwd: '/p', host: new MemoryHost(), plugins: [plugin], useConfigFiles: false, rules: { plain: 'error' } });
    await session.prepareForFiles(['/p/Dockerfile']);
    // Another test file of this process may have loaded it already; only the positive case is observable.
    await session.prepare(['shell']);
    expect(isShellParserLoaded()).toBe(true);
  });
});

describe('parseShell', () => {
  it('gives plain nodes with UTF-16 offsets into the parsed text', async () => {
    await loadShellParser();
    const text = "echo 'café' && apt-get install -y x | tee log";
    const tree = parseShell(text)!;
    expect(tree.hasError).toBe(false);
    expect(tree.text).toBe(text);
    const commands = find(tree.root, 'command');
    expect(commands.map((command) => command.text)).toEqual(["echo 'café'", 'apt-get install -y x', 'tee log']);
    const install = commands[1]!;
    expect(install.range).toEqual([text.indexOf('apt-get'), text.indexOf(' | ')]);
    expect(install.children.map((child) => [child.type, child.field])).toEqual([
      ['command_name', 'name'],
      ['word', 'argument'],
      ['word', 'argument'],
      ['word', 'argument'],
    ]);
    expect(find(tree.root, '&&')[0]).toMatchObject({ named: false, text: '&&' });
  });

  it('recovers from syntax errors', async () => {
    await loadShellParser();
    const tree = parseShell('echo "unterminated')!;
    expect(tree.hasError).toBe(true);
    expect(find(tree.root, 'ERROR')).toHaveLength(1);
  });

  it('parses a script it has just parsed once (the same plain tree), and other scripts anew', async () => {
    await loadShellParser();
    const first = parseShell('apt-get update && apt-get install -y curl')!;
    expect(parseShell('apt-get update && apt-get install -y curl')).toBe(first);
    const other = parseShell('apt-get update && apt-get install -y wget')!;
    expect(other).not.toBe(first);
    expect(find(other.root, 'word').map((node) => node.text)).toContain('wget');
  });

  it('loads once', async () => {
    await Promise.all([loadShellParser(), loadShellParser()]);
    expect(isShellParserLoaded()).toBe(true);
  });
});
