import { globalArgDefaults, type InstructionNode, type StageNode } from '@docmind-docker-lint/core';

/**
 * The variables ENV and ARG (with its default, or the global ARG's) set for a RUN: those of the
 * stages the RUN's stage is built `FROM`, then its own before the RUN. Values are as written
 * (`$OTHER` unexpanded); Compose build args are not applied.
 */
export function buildEnvironment(run: InstructionNode): Map<string, string> {
  const environment = new Map<string, string>();
  const stage = run.stage;
  if (!stage) return environment;
  const chain: StageNode[] = [];
  for (let current: StageNode | null = stage; current; current = current.parent) chain.unshift(current);
  const globals = globalArgDefaults(run.dockerfile);
  for (const link of chain) {
    for (const instruction of link.instructions) {
      if (instruction === run) return environment;
      if (instruction.keyword === 'ENV') {
        for (const { name, value } of properties(instruction)) environment.set(name, value ?? '');
      } else if (instruction.keyword === 'ARG') {
        for (const { name, value } of properties(instruction)) {
          const known = value ?? globals.get(name);
          if (known !== undefined) environment.set(name, known);
        }
      }
    }
  }
  return environment;
}

/**
 * uv's reading of a boolean variable (clap's "boolish" values). A value only the build knows
 * (`$FROZEN`) counts as set, so an unknown value never causes a report.
 */
export function isEnabled(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value.includes('$')) return true;
  return ['1', 'true', 't', 'yes', 'y', 'on'].includes(value.trim().toLowerCase());
}

interface Property {
  readonly name: string;
  readonly value: string | null;
}

/** dockerfile-ast's ENV and ARG pairs (`getProperties`), quotes removed. */
function properties(instruction: InstructionNode): Property[] {
  const ast = instruction.ast as unknown as { getProperties?: () => AstProperty[] };
  try {
    return (ast.getProperties?.() ?? []).map((property) => ({ name: property.getName(), value: property.getValue() }));
  } catch {
    return [];
  }
}

interface AstProperty {
  getName(): string;
  getValue(): string | null;
}
