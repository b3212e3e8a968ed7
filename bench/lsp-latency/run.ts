// LSP latency: time from `textDocument/didChange` to the `publishDiagnostics` of that version, over
// 200 edits of a generated 1,000-line Dockerfile and of a 300-line Compose file, debounce 0. Each edit
// types one more character into a RUN in the middle of the Dockerfile (a value in the Compose file).
// Run: npx tsx --conditions=source bench/lsp-latency/run.ts   (uses dist/ when it is fresh; see serverCommand)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspTestClient, serverCommand, type Diagnostic } from '../../packages/language-server/src/lsp-test-client.test-helper.js';
import { compose, dockerfile, typedCharacter, typingPoint } from './documents.js';

const EDITS = 200;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(client: LspTestClient, filePath: string, languageId: string, text: string, kind: 'dockerfile' | 'compose'): Promise<number[]> {
  const uri = client.uriOf(filePath);
  await client.open(uri, languageId, text);
  const first = await client.waitForCurrentDiagnostics(uri, 30_000);
  // A server that cannot lint answers fast with one failure diagnostic: that would be no measurement.
  const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
  const failure = first.diagnostics.find((diagnostic) => /^(docmind-docker-lint could not lint|Configuration error)/.test(messageOf(diagnostic)));
  if (failure) throw new Error(`The server did not lint ${path.basename(filePath)}: ${messageOf(failure)}`);
  console.log(`${path.basename(filePath)}: ${first.diagnostics.length} problems on open`);
  const timings: number[] = [];
  const point = typingPoint(kind, text);
  for (let i = 0; i < EDITS; i++) {
    // Type one more character at the typing point (inside a RUN's package list): every text is new.
    const at = { line: point.line, character: point.character + i };
    const change = { range: { start: at, end: at }, text: typedCharacter(i) };
    const started = performance.now();
    await client.change(uri, [change]);
    await client.waitForCurrentDiagnostics(uri, 30_000);
    timings.push(performance.now() - started);
  }
  await client.close(uri);
  return timings.sort((a, b) => a - b);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'docmind-lsp-bench-'));
try {
  const dockerText = dockerfile(1000);
  const composeText = compose(300);
  writeFileSync(path.join(dir, 'Dockerfile'), dockerText);
  writeFileSync(path.join(dir, 'compose.yaml'), composeText);
  writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "bench"\nversion = "1"\nrequires-python = ">=3.11,<3.12"\n');
  writeFileSync(path.join(dir, '.dockerignore'), '.env\n.git\n');
  const server = serverCommand();
  const client = await LspTestClient.spawn({ workspaceFolders: [dir], initializationOptions: { debounce: 0 }, settings: { debounce: 0 } });
  console.log(`server from ${server.from}; Node ${process.version}; ${EDITS} edits each, debounce 0`);
  const rows: [string, number[]][] = [
    [`Dockerfile (${dockerText.split('\n').length - 1} lines)`, await measure(client, path.join(dir, 'Dockerfile'), 'dockerfile', dockerText, 'dockerfile')],
    [`compose.yaml (${composeText.split('\n').length - 1} lines)`, await measure(client, path.join(dir, 'compose.yaml'), 'yaml', composeText, 'compose')],
  ];
  for (const [name, timings] of rows) {
    const format = (ms: number): string => `${ms.toFixed(2)} ms`;
    console.log(`${name.padEnd(26)} p50 ${format(percentile(timings, 50))}  p95 ${format(percentile(timings, 95))}  max ${format(timings.at(-1)!)}`);
  }
  await client.shutdown();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
