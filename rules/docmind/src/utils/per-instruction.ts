import { oncePerObject, type InstructionNode } from '@docmind-docker-lint/core';

/**
 * `read`, computed once per instruction: several rules read the same RUN, COPY or ENV, and a node
 * lives as long as its parsed file, which the WeakMap does not keep alive.
 */
export function perInstruction<T>(read: (instruction: InstructionNode) => T): (instruction: InstructionNode) => T {
  return oncePerObject(read);
}
