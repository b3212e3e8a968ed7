// Lints a folder with the built-in rules and prints one line per problem.
// Usage: node examples/api/lint-folder.mjs [folder]
import path from 'node:path';
import { lintProject } from '@docmind-docker-lint/core';

const folder = path.resolve(process.argv[2] ?? 'examples/broken-streamlit-app');
const results = await lintProject({ cwd: folder });
for (const result of results) {
  for (const message of result.messages) {
    console.log(`${path.relative(folder, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
  }
}
process.exitCode = results.some((result) => result.errorCount > 0) ? 1 : 0;
