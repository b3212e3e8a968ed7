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
  const values = new SecretValues();
  for (const result of results) values.add(result);
  return values.mask() ?? ((text) => text);
}

/**
 * The secret values of a run gathered result by result, for a report written as the results come
 * (`secretMaskOf` all at once): holds the values only, never a result.
 */
export class SecretValues {
  private readonly values = new Set<string>();

  add(result: LintResult): void {
    const text = result.output ?? result.source;
    if (text === undefined) return;
    for (const message of [...result.messages, ...result.suppressedMessages]) {
      for (const [start, end] of message.secretRanges ?? []) {
        // A quoted value is masked with and without its quotes (a fix may move it unquoted).
        const written = text.slice(start, end);
        const quoted = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.at(-1) === written[0];
        for (const value of quoted ? [written, written.slice(1, -1)] : [written]) if (value.length >= MIN_MASKED_LENGTH) this.values.add(value);
      }
    }
  }

  /** The mask of every value added so far; `undefined` when there is none (nothing to mask). */
  mask(): SecretMask | undefined {
    if (this.values.size === 0) return undefined;
    // Longest first, so a value that contains another is masked whole.
    const alternatives = [...this.values].sort((a, b) => b.length - a.length).map((value) => value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
    const pattern = new RegExp(alternatives.join('|'), 'g');
    return (text) => text.replace(pattern, SECRET_MASK);
  }
}
