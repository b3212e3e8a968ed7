import type { DockerfileNode, InstructionNode, OffsetRange, StageNode } from '@docmind-docker-lint/core';

/** A place that names another stage: `COPY --from=`, `RUN --mount=...,from=`, or `FROM <stage>`. */
export interface StageReference {
  readonly instruction: InstructionNode;
  /** The name or index as written. */
  readonly value: string;
  readonly range: OffsetRange;
  readonly kind: 'copy-from' | 'mount-from' | 'from';
}

/** What a `--from` value names, seen from the instruction that holds it. */
export type FromTarget =
  | { readonly kind: 'stage'; readonly stage: StageNode; readonly byIndex: boolean }
  | { readonly kind: 'image' }
  | { readonly kind: 'variable' }
  | { readonly kind: 'undefined' };

/** The stage named `name` (BuildKit compares names case-insensitively), among `stages`. */
export function stageNamed(stages: readonly StageNode[], name: string): StageNode | undefined {
  const wanted = name.toLowerCase();
  return stages.find((stage) => stage.name !== null && stage.name.toLowerCase() === wanted);
}

/**
 * Resolves a `--from` value as the builder does: a stage defined before the instruction's own
 * stage ends (by name, or by index), otherwise an image. A value with `:`, `@` or `/` is an image
 * reference; a bare word that names no earlier stage is `undefined`.
 */
export function resolveFromValue(value: string, instruction: InstructionNode): FromTarget {
  if (value.includes('$')) return { kind: 'variable' };
  const stages = instruction.dockerfile.stages;
  const own = instruction.stage?.index ?? -1;
  const visible = stages.slice(0, own + 1);
  if (/^\d+$/.test(value)) {
    const stage = visible[Number(value)];
    return stage ? { kind: 'stage', stage, byIndex: true } : { kind: 'undefined' };
  }
  const stage = stageNamed(visible, value);
  if (stage) return { kind: 'stage', stage, byIndex: false };
  return /[:@/]/.test(value) ? { kind: 'image' } : { kind: 'undefined' };
}

/** Every place in the Dockerfile that names a stage or image through `--from` or `FROM`. */
export function stageReferences(dockerfile: DockerfileNode): StageReference[] {
  const references: StageReference[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword === 'FROM' && instruction.stage) {
      const image = instruction.args.find((argument) => !argument.value.startsWith('--'));
      if (image) references.push({ instruction, value: image.value, range: image.range, kind: 'from' });
    }
    for (const flag of instruction.flags) {
      if (flag.value === null || flag.valueRange === null) continue;
      // A quoted or escaped value has no one-to-one offsets: leave it out rather than point amiss.
      if (dockerfile.file.slice(flag.valueRange) !== flag.value) continue;
      if (flag.name === 'from' && instruction.keyword === 'COPY') {
        references.push({ instruction, value: flag.value, range: flag.valueRange, kind: 'copy-from' });
      } else if (flag.name === 'mount' && instruction.keyword === 'RUN') {
        const mountFrom = mountFromOption(flag.value, flag.valueRange[0]);
        if (mountFrom) references.push({ instruction, ...mountFrom, kind: 'mount-from' });
      }
    }
  }
  return references;
}

/** The `from=` option of a `--mount` value and its range, when the value is written without quotes. */
function mountFromOption(value: string, start: number): { value: string; range: OffsetRange } | null {
  let offset = start;
  for (const option of value.split(',')) {
    if (option.startsWith('from=')) {
      const name = option.slice('from='.length);
      return { value: name, range: [offset + 5, offset + 5 + name.length] };
    }
    offset += option.length + 1;
  }
  return null;
}
