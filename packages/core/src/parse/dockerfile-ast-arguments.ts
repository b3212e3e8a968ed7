import { Instruction, type Argument } from 'dockerfile-ast';

/**
 * dockerfile-ast re-scans an instruction's text every time its arguments are asked for
 * (`getRawArguments`), and it asks often: its own parser does so three to five times per instruction
 * (heredoc detection, the JSON-form reader, `getArgumentsRange`, `getFlags`), then our model and the
 * rules reading heredocs and properties ask again. On a 1,000-line Dockerfile that scan was the largest
 * single cost of a lint (about a tenth of the language server's time per keystroke).
 *
 * An instruction never changes after it is built (every parse makes new objects over a new document),
 * so the scan's result is kept on the instruction (a symbol-keyed property), and each caller gets its own copy of the array, since
 * dockerfile-ast's callers edit the array they get (`getArguments` drops the flags with `shift`,
 * `getExpandedArguments` replaces items). The `Argument` objects themselves are never modified.
 *
 * The method is replaced on dockerfile-ast's `Instruction` prototype once per process; the results are
 * the same as without it (checked by `dockerfile-ast-arguments.test.ts` against the original method).
 *
 * `parseDockerfile` lets go of the kept scans once its model is built (`releaseRawArguments`): held
 * for as long as the parsed file, they were a fifth of what every lint left to the garbage collector to
 * move and promote, while only the few instructions rules ask dockerfile-ast about later (properties,
 * heredocs) need them again, and those are scanned (and kept) again on demand.
 */
const MEMOISED = Symbol.for('docmind-docker-lint.memoisedRawArguments');

interface RawArgumentsPrototype {
  getRawArguments: (this: Instruction) => Argument[];
  [MEMOISED]?: (this: Instruction) => Argument[];
}

const prototype = Instruction.prototype as unknown as RawArgumentsPrototype;

/** dockerfile-ast's own scan, without the memo (for tests comparing the two). */
export const scanRawArguments: (this: Instruction) => Argument[] = prototype[MEMOISED] ?? prototype.getRawArguments;

const SCANNED = Symbol('scannedRawArguments');

if (!prototype[MEMOISED]) {
  prototype[MEMOISED] = scanRawArguments;
  prototype.getRawArguments = function getRawArguments(this: Instruction & { [SCANNED]?: Argument[] }): Argument[] {
    const args = (this[SCANNED] ??= scanRawArguments.call(this));
    return args.slice();
  };
}

/** Lets go of the scan kept on an instruction: the next call scans again (with the same result). */
export function releaseRawArguments(instruction: Instruction): void {
  (instruction as Instruction & { [SCANNED]?: Argument[] })[SCANNED] = undefined;
}
