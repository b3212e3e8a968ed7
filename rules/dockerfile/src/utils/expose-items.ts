import type { ArgumentNode, InstructionNode, OffsetRange } from '@docmind-docker-lint/core';

/** One `EXPOSE` item, `[ip:][hostPort:]containerPort[/protocol]`, split with the offsets of its parts. */
export interface ExposeItem {
  readonly argument: ArgumentNode;
  /** The container port or range as written (`8080`, `8000-8010`, `${PORT}`). */
  readonly port: string;
  readonly portRange: OffsetRange;
  readonly protocol: string | null;
  readonly protocolRange: OffsetRange | null;
  /** `ip:hostPort:` or `hostPort:` before the container port, when there is one. */
  readonly hostPart: string | null;
}

/** The items of an EXPOSE instruction; words that are not written plainly (quotes, escapes) are left out. */
export function exposeItems(instruction: InstructionNode): ExposeItem[] {
  return instruction.args.filter((argument) => argument.raw === argument.value).map(splitItem);
}

function splitItem(argument: ArgumentNode): ExposeItem {
  const text = argument.value;
  const start = argument.range[0];
  const slash = text.lastIndexOf('/');
  const beforeProtocol = slash === -1 ? text : text.slice(0, slash);
  // An IPv6 host address is bracketed, so the last `:` outside brackets starts the container port.
  const colon = beforeProtocol.lastIndexOf(':');
  const bracketEnd = beforeProtocol.lastIndexOf(']');
  const portStart = colon > bracketEnd ? colon + 1 : bracketEnd === -1 ? 0 : bracketEnd + 1;
  return {
    argument,
    port: beforeProtocol.slice(portStart),
    portRange: [start + portStart, start + beforeProtocol.length],
    protocol: slash === -1 ? null : text.slice(slash + 1),
    protocolRange: slash === -1 ? null : [start + slash + 1, start + text.length],
    hostPart: portStart === 0 ? null : beforeProtocol.slice(0, portStart),
  };
}

/** The numbers of a port or port range (`80`, `8000-8010`); `null` when it holds a variable or is not numeric. */
export function portNumbers(port: string): { readonly low: number; readonly high: number } | null {
  const match = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!match) return null;
  const low = Number(match[1]);
  return { low, high: match[2] === undefined ? low : Number(match[2]) };
}
