import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { perInstruction } from './per-instruction.js';

/** One `NAME=value` pair of an ENV, ARG or LABEL, as the builder reads it. */
export interface InstructionProperty {
  readonly name: string;
  readonly nameRange: OffsetRange;
  /** Quotes and escapes removed; `null` for `ARG NAME` without a default. */
  readonly value: string | null;
  readonly valueRange: OffsetRange | null;
}

/** The part of dockerfile-ast's `Property` read here (the pack does not depend on dockerfile-ast's types). */
interface AstProperty {
  getName(): string;
  getNameRange(): AstRange;
  getValue(): string | null;
  getValueRange(): AstRange | null;
}
interface AstRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/**
 * The properties of an ENV, ARG or LABEL, from dockerfile-ast's `getProperties()`, which reads
 * quotes, escapes and the legacy `ENV NAME value` form (its plain argument list splits quoted
 * values). None for other instructions, or when dockerfile-ast fails on the input.
 */
export const instructionProperties: (instruction: InstructionNode) => readonly InstructionProperty[] = perInstruction(readProperties);

function readProperties(instruction: InstructionNode): InstructionProperty[] {
  const ast = instruction.ast as unknown as { getProperties?: () => AstProperty[] };
  if (typeof ast.getProperties !== 'function') return [];
  const file = instruction.dockerfile.file;
  const toOffsets = ({ start, end }: AstRange): OffsetRange => [file.offsetAt(start.line, start.character), file.offsetAt(end.line, end.character)];
  try {
    return ast.getProperties().map((property) => {
      const valueRange = property.getValueRange();
      return {
        name: property.getName(),
        nameRange: toOffsets(property.getNameRange()),
        value: property.getValue(),
        valueRange: valueRange ? toOffsets(valueRange) : null,
      };
    });
  } catch {
    return [];
  }
}
