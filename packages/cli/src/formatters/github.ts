import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { severityLabel } from './severity-label.js';

/**
 * GitHub Actions workflow commands, one line per problem, which GitHub shows as annotations on the
 * pull request's diff: `::error file=Dockerfile,line=1,col=6,endLine=1,endColumn=18,title=rule::message`.
 * `endColumn` is inclusive here (GitHub's reading), one less than the report's exclusive end column.
 */
export const githubStream: StreamFormatter = ({ cwd }, write) => ({
  add(result) {
    if (result.messages.length === 0) return;
    const file = reportPath(cwd, result.filePath);
    let output = '';
    for (const message of result.messages) {
      const properties: [string, string | number][] = [
        ['file', file],
        ['line', message.line],
        ['col', message.column],
        ['endLine', message.endLine],
        ['endColumn', Math.max(message.endColumn - 1, message.endLine === message.line ? message.column : 1)],
        ['title', message.ruleId ?? 'docmind-docker-lint'],
      ];
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      output += `::${severityLabel(message)} ${list}::${escapeData(message.message)}\n`;
    }
    write(output);
  },
  end() {},
});

export const formatGithub = formatterOf(githubStream);

/** The message of a workflow command: `%`, CR and LF are written as `%25`, `%0D`, `%0A`. */
function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** A property value also escapes `:` and `,`, which separate the properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}
