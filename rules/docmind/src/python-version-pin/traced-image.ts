import type { ArgumentNode, DockerfileNode, OffsetRange } from '@docmind-docker-lint/core';

/** Where one character of a resolved image reference was written. */
export interface TracedChar {
  /** The file it is written in: the Dockerfile, or a Compose file for a build arg. */
  readonly file: string;
  /** Its offset in that file, or `null` when it cannot be edited in place. */
  readonly offset: number | null;
  /** Where a problem about it is shown in the Dockerfile. */
  readonly report: OffsetRange;
  /** One place of writing: the FROM argument, one ARG default, one build arg. */
  readonly segment: string;
}

export interface TracedImage {
  /** The reference with variables expanded. */
  readonly text: string;
  /** One entry per character of `text`. */
  readonly chars: readonly TracedChar[];
}

/** A build arg that overrides an ARG default, and where its value is written. */
export interface BuildArgSource {
  readonly value: string;
  readonly file: string;
  /** Offset of the value's first character in `file`, or `null` when it is not written verbatim. */
  readonly valueOffset: number | null;
}

/**
 * Expands the variables of a FROM image argument the way the Dockerfile frontend does (global ARG
 * defaults, overridden by build args) and remembers where each character of the result was written,
 * so a problem in the tag can be shown, and fixed, where its text really is: in the FROM line, in an
 * `ARG` default, or in a Compose build arg. Returns `null` for text this tracer does not understand.
 */
export function traceImage(
  imageArg: ArgumentNode,
  dockerfile: DockerfileNode,
  buildArgs: ReadonlyMap<string, BuildArgSource>,
): TracedImage | null {
  if (imageArg.raw !== imageArg.value) return null;
  const file = dockerfile.file.path;
  const defaults = tracedArgDefaults(dockerfile);
  const raw = imageArg.raw;
  const base = imageArg.range[0];
  const chars: TracedChar[] = [];
  let text = '';
  const literal = (index: number): void => {
    text += raw[index]!;
    chars.push({ file, offset: base + index, report: [base + index, base + index + 1], segment: 'from' });
  };
  const variable = (name: string, reference: OffsetRange): boolean => {
    const buildArg = buildArgs.get(name);
    if (buildArg) {
      for (let i = 0; i < buildArg.value.length; i++) {
        text += buildArg.value[i]!;
        const offset = buildArg.valueOffset === null ? null : buildArg.valueOffset + i;
        chars.push({ file: buildArg.file, offset, report: reference, segment: `build-arg:${name}` });
      }
      return true;
    }
    const written = defaults.get(name);
    if (written === null) return false;
    if (written === undefined) return true;
    for (let i = 0; i < written.value.length; i++) {
      const offset = written.offset + i;
      text += written.value[i]!;
      chars.push({ file, offset, report: [offset, offset + 1], segment: `arg:${written.offset}` });
    }
    return true;
  };
  const isSet = (name: string): boolean => buildArgs.has(name) || defaults.get(name) !== undefined;
  const isNonEmpty = (name: string): boolean =>
    (buildArgs.get(name)?.value ?? defaults.get(name)?.value ?? '') !== '';

  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === dockerfile.escapeCharacter && raw[i + 1] === '$') {
      literal(i + 1);
      i++;
      continue;
    }
    if (ch !== '$') {
      literal(i);
      continue;
    }
    if (raw[i + 1] === '{') {
      const close = raw.indexOf('}', i + 2);
      if (close === -1) return null;
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(raw.slice(i + 2, close));
      if (!match) return null;
      const [, name, operator, operand] = match;
      const reference: OffsetRange = [base + i, base + close + 1];
      const operandStart = close - (operand ?? '').length;
      const useOperand = (): void => {
        for (let j = operandStart; j < close; j++) literal(j);
      };
      if (operator === undefined) {
        if (!variable(name!, reference)) return null;
      } else if (operator === ':-' || operator === '-') {
        const set = operator === ':-' ? isNonEmpty(name!) : isSet(name!);
        if (!set) useOperand();
        else if (!variable(name!, reference)) return null;
      } else if (operator === ':+' ? isNonEmpty(name!) : isSet(name!)) {
        useOperand();
      }
      i = close;
      continue;
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
    if (!match) {
      literal(i);
      continue;
    }
    if (!variable(match[0], [base + i, base + i + 1 + match[0].length])) return null;
    i += match[0].length;
  }
  return { text, chars };
}

/**
 * Default values of the global ARGs and where each is written (the last declaration wins). Quotes
 * around a default are removed, as Docker does; `null` marks a default this tracer cannot place.
 */
function tracedArgDefaults(dockerfile: DockerfileNode): Map<string, { value: string; offset: number } | null> {
  const defaults = new Map<string, { value: string; offset: number } | null>();
  for (const arg of dockerfile.globalArgs) {
    for (const argument of arg.args) {
      if (argument.raw !== argument.value) continue;
      const eq = argument.raw.indexOf('=');
      if (eq <= 0) continue;
      const written = argument.raw.slice(eq + 1);
      const offset = argument.range[0] + eq + 1;
      const quoted = /^(["'])([^"'\\$]*)\1$/.exec(written);
      if (quoted) defaults.set(argument.raw.slice(0, eq), { value: quoted[2]!, offset: offset + 1 });
      else if (/^[^"'\\]*$/.test(written)) defaults.set(argument.raw.slice(0, eq), { value: written, offset });
      else defaults.set(argument.raw.slice(0, eq), null);
    }
  }
  return defaults;
}

/**
 * The place to edit characters `[start, end)` of a traced reference: they must come from one segment
 * and sit side by side in their file. An empty range is an insertion after the character before it
 * (or before the character at `start`).
 */
export function editLocation(
  trace: TracedImage,
  start: number,
  end: number,
): { readonly file: string; readonly range: OffsetRange } | null {
  if (start === end) {
    const before = trace.chars[start - 1];
    if (before?.offset != null) return { file: before.file, range: [before.offset + 1, before.offset + 1] };
    const at = trace.chars[start];
    if (at?.offset != null) return { file: at.file, range: [at.offset, at.offset] };
    return null;
  }
  const first = trace.chars[start];
  if (first?.offset == null) return null;
  for (let i = start + 1; i < end; i++) {
    const char = trace.chars[i];
    if (char?.segment !== first.segment || char.offset !== first.offset + (i - start)) return null;
  }
  return { file: first.file, range: [first.offset, first.offset + (end - start)] };
}

/** Where to show characters `[start, end)` of a traced reference: their own text when one segment holds them. */
export function reportLocation(trace: TracedImage, start: number, end: number): OffsetRange | null {
  const span = trace.chars.slice(start, Math.max(end, start + 1));
  const first = span[0];
  if (!first || span.some((char) => char.segment !== first.segment)) return null;
  return [Math.min(...span.map((char) => char.report[0])), Math.max(...span.map((char) => char.report[1]))];
}
