import type { Formatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { severityLabel } from './severity-label.js';

/**
 * ESLint's compact format: one line per problem, `path: line L, col C, Error - message (rule-id)`,
 * then the number of problems. Easy to grep and to read in an editor's quickfix list. A clean run
 * prints nothing.
 */
export const formatCompact: Formatter = (results, { cwd }) => {
  let output = '';
  let total = 0;
  for (const result of results) {
    const file = reportPath(cwd, result.filePath);
    for (const message of result.messages) {
      total++;
      const severity = severityLabel(message) === 'error' ? 'Error' : 'Warning';
      const rule = message.ruleId === null ? '' : ` (${message.ruleId})`;
      // One line per problem, whatever line breaks the message holds.
      const text = message.message.replace(/\s*\n\s*/gu, ' ');
      output += `${file}: line ${message.line}, col ${message.column}, ${severity} - ${text}${rule}\n`;
    }
  }
  return total === 0 ? '' : `${output}\n${total} ${total === 1 ? 'problem' : 'problems'}\n`;
};
