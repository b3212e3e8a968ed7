import type { SourceFile } from '../source/source-file.js';
import type { EnvEntry, EnvFileNode } from '../types/nodes.js';

const ENTRY = /^(\s*)(#\s*)?(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;

/**
 * Reads the names of a `.env` file (Compose's `env_file` format): `KEY=value`, `export KEY=value`,
 * and `# KEY=value` lines, which document optional settings in `.env.example`. Values are kept as
 * written (quotes included) and never printed by the engine.
 */
export function parseEnvFile(file: SourceFile): EnvFileNode {
  const entries: EnvEntry[] = [];
  for (let line0 = 0; line0 < file.lineCount; line0++) {
    const text = file.lineText(line0);
    const match = ENTRY.exec(text);
    if (!match) continue;
    const [, indent, comment, exported, key, value] = match;
    const keyStart = file.lineStarts[line0]! + indent!.length + (comment?.length ?? 0) + (exported?.length ?? 0);
    entries.push({ key: key!, value: value!.trim(), keyRange: [keyStart, keyStart + key!.length], commented: comment !== undefined });
  }
  return { type: 'EnvFile', file, range: [0, file.text.length], parseProblems: [], entries };
}
