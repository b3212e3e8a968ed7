import type { Formatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { severityLabel } from './severity-label.js';
import { xmlEscape } from './xml-escape.js';

/**
 * Checkstyle XML, which Jenkins' Warnings plugin, reviewdog and many review tools read: one `<file>`
 * per linted file (paths relative to the working folder), one `<error>` per problem with its line,
 * column, severity, message and `source` (`docmind-docker-lint.<rule-id>`).
 */
export const formatCheckstyle: Formatter = (results, { cwd }) => {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    lines.push(`  <file name="${xmlEscape(reportPath(cwd, result.filePath))}">`);
    for (const message of result.messages) {
      const rule = message.ruleId === null ? '' : ` (${message.ruleId})`;
      const source = message.ruleId === null ? 'docmind-docker-lint' : `docmind-docker-lint.${message.ruleId}`;
      lines.push(
        `    <error line="${message.line}" column="${message.column}" severity="${severityLabel(message)}" ` +
          `message="${xmlEscape(message.message + rule)}" source="${xmlEscape(source)}" />`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>', '');
  return lines.join('\n');
};
