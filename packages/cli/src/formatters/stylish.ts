import { createColors } from 'picocolors';
import type { LintMessage } from '@docmind-docker-lint/core';
import type { Formatter } from './formatter.js';
import { reportPath } from './report-path.js';

/**
 * ESLint's stylish output: problems grouped under each file's path (relative to `cwd`, underlined),
 * one aligned row per problem, then a summary. Prints nothing when there is no problem.
 */
export const formatStylish: Formatter = (results, { cwd, color }) => {
  const colors = createColors(color);
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;

  for (const result of results) {
    if (result.messages.length === 0) continue;
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fixableErrorCount += result.fixableErrorCount;
    fixableWarningCount += result.fixableWarningCount;
    output += `${colors.underline(reportPath(cwd, result.filePath))}\n`;
    output += `${problemRows(result.messages, colors).join('\n')}\n\n`;
  }

  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summaryColor = errorCount > 0 ? colors.red : colors.yellow;
  output += summaryColor(
    colors.bold(
      `\u2716 ${total} ${plural('problem', total)} (${errorCount} ${plural('error', errorCount)}, ` +
        `${warningCount} ${plural('warning', warningCount)})\n`,
    ),
  );
  if (fixableErrorCount > 0 || fixableWarningCount > 0) {
    output += summaryColor(
      colors.bold(
        `  ${fixableErrorCount} ${plural('error', fixableErrorCount)} and ` +
          `${fixableWarningCount} ${plural('warning', fixableWarningCount)} potentially fixable with the \`--fix\` option.\n`,
      ),
    );
  }
  return output;
};

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
