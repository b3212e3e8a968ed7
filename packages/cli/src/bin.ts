#!/usr/bin/env node
import module from 'node:module';

const INFO_FLAGS: ReadonlySet<string> = new Set(['--version', '-v', '--help', '-h']);

// Node 22.1+ can keep the compiled code of the modules a run loads on disk (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so later runs skip compiling them. Node 20 has no
// such cache: there the call is absent and nothing happens. It must come before the CLI's modules load,
// hence the dynamic import of main below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// The bash parser is a 1.3 MB WebAssembly module. V8 compiles it again with its optimising tier in
// background threads, and the process waits for that before it exits: two thirds of the CPU of a
// one-file lint, for code that parses no faster in a short run. A command-line run owns its process,
// so it keeps the baseline compiler only (set before the engine loads; bench/startup measures it).
// `--version` and `--help` load no engine: they skip loading node:v8 (a few ms of a 100 ms run). Should a
// path or value look like them, the flag is skipped, which changes nothing but the speed of the bash parser.
const argv = process.argv.slice(2);
if (!argv.some((arg) => INFO_FLAGS.has(arg))) (await import('node:v8')).setFlagsFromString('--liftoff-only');

const { main } = await import('./main.js');

// The only module that touches `process`: everything else runs on the io it is given.
process.exitCode = await main(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
});
