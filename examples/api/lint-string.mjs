// Lints a Dockerfile held in a string, with a virtual pyproject.toml beside it, and prints the fixed text.
import { lintText } from '@docmind-docker-lint/core';

const dockerfile = 'FROM python:3.13-slim\nCMD ["streamlit run app.py"]\n';
const [result] = await lintText(dockerfile, {
  cwd: '/virtual',
  filePath: 'Dockerfile',
  useConfigFiles: false,
  rules: { 'python-version-pin': 'error', 'no-shell-in-json-cmd': 'error' },
  files: { 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12,<3.13"\n' },
});
for (const message of result.messages) console.log(`${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
