// Runs a command and prints one JSON line: its wall time and the CPU time of the processes it ran
// (Linux: read from /proc/self/stat once they are reaped; elsewhere the wall time stands in for it).
// Usage: node bench/measure-command.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const childrenCpu = () => {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name: cutime and cstime are the 14th and 15th (clock ticks, 100 a second).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
};
const [command, ...args] = process.argv.slice(2);
const before = childrenCpu();
const start = performance.now();
spawnSync(command, args, { stdio: 'ignore' });
const wall = performance.now() - start;
const after = childrenCpu();
console.log(JSON.stringify({ wall, cpu: before === undefined || after === undefined ? wall : after - before }));
