import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';

/** One `name=value` (or legacy `name value`) of an ENV, ARG or LABEL, unquoted, with offsets. */
export interface InstructionProperty {
  readonly name: string;
  readonly nameRange: OffsetRange;
  /** `null` when there is no value at all (`ARG name`). */
  readonly value: string | null;
  /** The value as written (quotes included); empty right after `=` for `name=`. */
  readonly valueRange: OffsetRange | null;
  /** Whether it is written with `=`; `false` for the legacy `ENV name value` form. */
  readonly assigned: boolean;
}

/**
 * The properties of an ENV, ARG or LABEL instruction, as dockerfile-ast reads them (quotes, escapes
 * and the legacy form handled); `[]` for other instructions or when the parser fails.
 */
export function instructionProperties(instruction: InstructionNode): readonly InstructionProperty[] {
  // Many rules read the same ENV and ARG (every RUN asks for the variables before it): read each once.
  let properties = propertiesOf.get(instruction);
  if (!properties) {
    properties = readProperties(instruction);
    propertiesOf.set(instruction, properties);
  }
  return properties;
}

const propertiesOf = new WeakMap<InstructionNode, readonly InstructionProperty[]>();

function readProperties(instruction: InstructionNode): readonly InstructionProperty[] {
  const ast: object = instruction.ast;
  if (!hasProperties(ast)) return [];
  let properties: readonly AstProperty[];
  try {
    properties = ast.getProperties();
  } catch {
    return [];
  }
  const file = instruction.dockerfile.file;
  const toOffsets = ({ start, end }: LineRange): OffsetRange => [file.offsetAt(start.line, start.character), file.offsetAt(end.line, end.character)];
  return properties.map((property) => {
    const valueRange = property.getValueRange();
    return {
      name: property.getName(),
      nameRange: toOffsets(property.getNameRange()),
      value: property.getValue(),
      valueRange: valueRange ? toOffsets(valueRange) : null,
      assigned: property.getAssignmentOperator() !== null,
    };
  });
}

/** The part of dockerfile-ast's `Property` read here (the pack does not depend on dockerfile-ast's types). */
interface AstProperty {
  getName(): string;
  getNameRange(): LineRange;
  getValue(): string | null;
  getValueRange(): LineRange | null;
  getAssignmentOperator(): string | null;
}
interface LineRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

function hasProperties(ast: object): ast is { getProperties(): AstProperty[] } {
  return typeof (ast as { getProperties?: unknown }).getProperties === 'function';
}
