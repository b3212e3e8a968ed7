import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { severityLabel } from './severity-label.js';
import { Spill } from './spill.js';
import { xmlEscape } from './xml-escape.js';

/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines): each linted
 * file is a `<testsuite>`, each problem a failed `<testcase>` named after its rule; a file without
 * problems holds one passing test case, so it shows as passed.
 */
export const junitStream: StreamFormatter = ({ cwd }, write) => {
  // The opening tag counts every test case: the suites wait, in a temporary file on a large run.
  const suites = new Spill();
  let tests = 0;
  let failures = 0;
  return {
    add(result) {
      const file = xmlEscape(reportPath(cwd, result.filePath));
      const count = result.messages.length;
      failures += count;
      tests += Math.max(count, 1);
      const lines = [`  <testsuite name="${file}" tests="${Math.max(count, 1)}" failures="${count}" errors="0" skipped="0" time="0">`];
      if (count === 0) lines.push(`    <testcase name="docmind-docker-lint" classname="${file}" time="0" />`);
      for (const message of result.messages) {
        const severity = severityLabel(message);
        const rule = message.ruleId ?? 'docmind-docker-lint';
        const detail = `${reportPath(cwd, result.filePath)}:${message.line}:${message.column}: ${severity}: ${message.message}`;
        lines.push(
          `    <testcase name="${xmlEscape(rule)}" classname="${file}" time="0">`,
          `      <failure type="${severity}" message="${xmlEscape(message.message)}">${xmlEscape(detail)}</failure>`,
          '    </testcase>',
        );
      }
      lines.push('  </testsuite>', '');
      suites.append(lines.join('\n'));
    },
    dispose: () => suites.dispose(),
    end() {
      write('<?xml version="1.0" encoding="utf-8"?>\n');
      write(`<testsuites name="docmind-docker-lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n`);
      suites.readChunks(write);
      write('</testsuites>\n');
    },
  };
};

export const formatJunit = formatterOf(junitStream);
