import { createColors } from 'picocolors';
import type { LintMessage } from '@docmind-docker-lint/core';
import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';

/**
 * ESLint's stylish output: problems grouped under each file's path (relative to `cwd`, underlined),
 * one aligned row per problem, then a summary. Prints nothing when there is no problem.
 */
export const stylishStream: StreamFormatter = ({ cwd, color }, write) => {
  const colors = createColors(color);
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  // A report without problems is empty: file blocks wait here until a problem counts (in practice, the first block).
  let held: string | undefined = '\n';

  return {
    add(result) {
      if (result.messages.length === 0) return;
      errorCount += result.errorCount;
      warningCount += result.warningCount;
      fixableErrorCount += result.fixableErrorCount;
      fixableWarningCount += result.fixableWarningCount;
      const block = `${colors.underline(reportPath(cwd, result.filePath))}\n${problemRows(result.messages, colors).join('\n')}\n\n`;
      if (held === undefined) {
        write(block);
      } else if (errorCount + warningCount > 0) {
        write(held + block);
        held = undefined;
      } else {
        held += block;
      }
    },
    end() {
      const total = errorCount + warningCount;
      if (total === 0) return;
      const summaryColor = errorCount > 0 ? colors.red : colors.yellow;
      let summary = summaryColor(
        colors.bold(
          `\u2716 ${total} ${plural('problem', total)} (${errorCount} ${plural('error', errorCount)}, ` +
            `${warningCount} ${plural('warning', warningCount)})\n`,
        ),
      );
      if (fixableErrorCount > 0 || fixableWarningCount > 0) {
        summary += summaryColor(
          colors.bold(
            `  ${fixableErrorCount} ${plural('error', fixableErrorCount)} and ` +
              `${fixableWarningCount} ${plural('warning', fixableWarningCount)} potentially fixable with the \`--fix\` option.\n`,
          ),
        );
      }
      write(summary);
    },
  };
};

export const formatStylish = formatterOf(stylishStream);

type Colors = ReturnType<typeof createColors>;

/**
 * `  line:column  severity  message  rule`: line numbers right-aligned, every other column padded to
 * its widest cell (measured without colour codes), trailing spaces trimmed, as ESLint's table does.
 */
function problemRows(messages: readonly LintMessage[], colors: Colors): string[] {
  const rows = messages.map((message) => ({
    line: String(message.line),
    column: String(message.column),
    severity: message.fatal || message.severity === 2 ? 'error' : 'warning',
    message: message.message.replace(/([^ ])\.$/u, '$1'),
    ruleId: message.ruleId ?? '',
  }));
  const width = (key: keyof (typeof rows)[number]): number => Math.max(...rows.map((row) => row[key].length));
  const lineWidth = width('line');
  const columnWidth = width('column');
  const severityWidth = width('severity');
  const messageWidth = width('message');
  return rows.map((row) => {
    const severity = row.severity === 'error' ? colors.red(row.severity) : colors.yellow(row.severity);
    const cells = [
      colors.dim(`${row.line.padStart(lineWidth)}:${row.column}`) + ' '.repeat(columnWidth - row.column.length),
      severity + ' '.repeat(severityWidth - row.severity.length),
      row.message + ' '.repeat(messageWidth - row.message.length),
      row.ruleId === '' ? '' : colors.dim(row.ruleId),
    ];
    return `  ${cells.join('  ')}`.replace(/\s+$/u, '');
  });
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
