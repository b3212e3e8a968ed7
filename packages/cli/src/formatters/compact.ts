import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { severityLabel } from './severity-label.js';

/**
 * ESLint's compact format: one line per problem, `path: line L, col C, Error - message (rule-id)`,
 * then the number of problems. Easy to grep and to read in an editor's quickfix list. A clean run
 * prints nothing.
 */
export const compactStream: StreamFormatter = ({ cwd }, write) => {
  let total = 0;
  return {
    add(result) {
      if (result.messages.length === 0) return;
      const file = reportPath(cwd, result.filePath);
      let output = '';
      for (const message of result.messages) {
        total++;
        const severity = severityLabel(message) === 'error' ? 'Error' : 'Warning';
        const rule = message.ruleId === null ? '' : ` (${message.ruleId})`;
        // One line per problem, whatever line breaks the message holds.
        const text = message.message.replace(/\s*\n\s*/gu, ' ');
        output += `${file}: line ${message.line}, col ${message.column}, ${severity} - ${text}${rule}\n`;
      }
      write(output);
    },
    end() {
      if (total > 0) write(`\n${total} ${total === 1 ? 'problem' : 'problems'}\n`);
    },
  };
};

export const formatCompact = formatterOf(compactStream);
