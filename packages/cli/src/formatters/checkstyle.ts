import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { severityLabel } from './severity-label.js';
import { xmlEscape } from './xml-escape.js';

/**
 * Checkstyle XML, which Jenkins' Warnings plugin, reviewdog and many review tools read: one `<file>`
 * per linted file (paths relative to the working folder), one `<error>` per problem with its line,
 * column, severity, message and `source` (`docmind-docker-lint.<rule-id>`).
 */
export const checkstyleStream: StreamFormatter = ({ cwd }, write) => {
  let started = false;
  const start = (): void => {
    if (!started) write('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n');
    started = true;
  };
  return {
    add(result) {
      start();
      const lines = [`  <file name="${xmlEscape(reportPath(cwd, result.filePath))}">`];
      for (const message of result.messages) {
        const rule = message.ruleId === null ? '' : ` (${message.ruleId})`;
        const source = message.ruleId === null ? 'docmind-docker-lint' : `docmind-docker-lint.${message.ruleId}`;
        lines.push(
          `    <error line="${message.line}" column="${message.column}" severity="${severityLabel(message)}" ` +
            `message="${xmlEscape(message.message + rule)}" source="${xmlEscape(source)}" />`,
        );
      }
      lines.push('  </file>', '');
      write(lines.join('\n'));
    },
    end() {
      start();
      write('</checkstyle>\n');
    },
  };
};

export const formatCheckstyle = formatterOf(checkstyleStream);
