import type { LintResult } from '@docmind-docker-lint/core';

/** What a secret value becomes in output that copies file text. */
export const SECRET_MASK = '***';

/**
 * Values shorter than this are not masked: masking every `1` or `ab` of a report would hide more than
 * it protects (a rule that judges such a value secret reports it by name all the same).
 */
export const MIN_MASKED_LENGTH = 4;

/** Replaces the secret values rules found anywhere in the run by `***` in a text the output copies. */
export type SecretMask = (text: string) => string;

/**
 * The mask for a run: every value that a rule judged secret (`secretRanges` of its messages, read in
 * the text the message points into) is replaced wherever it appears, in any file's text, fix or diff,
 * since a fix can move a value and another file can repeat it. Messages never hold values; this
 * covers the formats that copy file text (JSON `source`/`output` and fix texts, SARIF fixes, diffs).
 * Only the output is masked: `--fix` writes the real bytes.
 */
export function secretMaskOf(results: readonly LintResult[]): SecretMask {
  const values = new Set<string>();
  for (const result of results) {
    const text = result.output ?? result.source;
    if (text === undefined) continue;
    for (const message of [...result.messages, ...result.suppressedMessages]) {
      for (const [start, end] of message.secretRanges ?? []) {
        // A quoted value is masked with and without its quotes (a fix may move it unquoted).
        const written = text.slice(start, end);
        const quoted = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.at(-1) === written[0];
        for (const value of quoted ? [written, written.slice(1, -1)] : [written]) if (value.length >= MIN_MASKED_LENGTH) values.add(value);
      }
    }
  }
  if (values.size === 0) return (text) => text;
  // Longest first, so a value that contains another is masked whole.
  const alternatives = [...values].sort((a, b) => b.length - a.length).map((value) => value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => text.replace(pattern, SECRET_MASK);
}
