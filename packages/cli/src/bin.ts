#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// The bash parser is a 1.3 MB WebAssembly module. V8 compiles it again with its optimising tier in
// background threads, and the process waits for that before it exits: two thirds of the CPU of a
// one-file lint, for code that parses no faster in a short run. A command-line run owns its process,
// so it keeps the baseline compiler only (set before the engine loads; bench/startup measures it).
setFlagsFromString('--liftoff-only');

// The only module that touches `process`: everything else runs on the io it is given.
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
});
