#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { packageVersion } from './package-version.js';
import { startServer } from './server.js';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const USAGE = `Usage: docmind-docker-lint-lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The docmind-docker-lint language server. Editors start it; see docs/editors.md.
`;

// The only module that touches `process`; vscode-languageserver reads the transport from argv.
const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${packageVersion()}\n`);
} else if (args.includes('--help') || !args.some((arg) => TRANSPORTS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
  process.stderr.write(USAGE);
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
