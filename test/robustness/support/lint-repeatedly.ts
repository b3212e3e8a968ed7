// Lints one file of a pathological project several times in one process, as an editor does on every
// keystroke, and prints the problem counts as JSON. Run in a child process by deep-yaml.test.ts: what
// it guards against is a fatal V8 error (the process dies), which no test in the same process survives.
//
//   node --import tsx --conditions=source lint-repeatedly.ts <payload> <file> <times>
import path from 'node:path';
import { LintSession, lintText, MemoryHost, parseCompose, SourceFile } from '@docmind-docker-lint/core';
import { PAYLOADS, projectWith } from './pathological.js';
import { ALL_RULES } from './pipeline.js';

const [payload = 'brackets', file = 'compose.yaml', times = '3'] = process.argv.slice(2);
const make = PAYLOADS[payload];
if (!make) throw new Error(`unknown payload ${payload}`);
const text = projectWith(make(3000))[file];
if (typeof text !== 'string') throw new Error(`no ${file} in the project`);
const root = path.resolve('/lint-repeatedly');
const filePath = path.join(root, file);
const count = Number(times);

const counts: { parse: number[]; lintText: number[]; session: number[] } = { parse: [], lintText: [], session: [] };
const source = SourceFile.fromText(filePath, text, 'compose');
for (let index = 0; index < count; index++) counts.parse.push(parseCompose(source).parseProblems.length);
for (let index = 0; index < count; index++) {
  const [result] = await lintText(text, { ...ALL_RULES, cwd: root, filePath: file, host: new MemoryHost({}) });
  counts.lintText.push(result!.messages.length);
}
// The language server's way: one session, a new project over the changed buffer on every change.
const session = await LintSession.create({ ...ALL_RULES, cwd: root, host: new MemoryHost({ [filePath]: text }) });
await session.prepareForFiles([filePath]);
for (let index = 0; index < count; index++) {
  const project = session.createProject([{ path: filePath, kind: 'compose', explicit: true }]);
  counts.session.push(session.lintSource(project, SourceFile.fromText(filePath, text, 'compose')).messages.length);
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
