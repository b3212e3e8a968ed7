import { nodeRange, type OffsetRange, type RelatedReport, type ServiceNode } from '@docmind-docker-lint/core';
import { isMap, isScalar, isSeq } from 'yaml';
import type { BuildArgSource } from './traced-image.js';

export interface ServiceBuildArg extends BuildArgSource {
  /** The arg's value in the Compose file, for `related`. */
  readonly related: RelatedReport;
}

/**
 * The literal `build.args` of a Compose service (map form `NAME: value` or list form `- NAME=value`)
 * with where each value is written, so a fix can rewrite it.
 */
export function serviceBuildArgs(service: ServiceNode): Map<string, ServiceBuildArg> {
  const out = new Map<string, ServiceBuildArg>();
  const build = service.build;
  const args = build && isMap(build.node.value) ? build.node.value.get('args', true) : null;
  const { text, path: file } = service.compose.file;
  const add = (name: string, range: OffsetRange, written: string, valueStart: number): void => {
    const value = build?.args[name];
    if (value === undefined) return;
    const offset = verbatimOffset(text, range, written);
    out.set(name, {
      value,
      file,
      valueOffset: offset === null ? null : offset + valueStart,
      related: { file, range, message: `Build arg ${name} of the Compose service "${service.name}".` },
    });
  };
  if (isMap(args)) {
    for (const item of args.items) {
      if (!isScalar(item.key) || !isScalar(item.value)) continue;
      const name = String(item.key.value);
      add(name, nodeRange(item.value), build?.args[name] ?? '', 0);
    }
  } else if (isSeq(args)) {
    for (const item of args.items) {
      if (!isScalar(item)) continue;
      const entry = String(item.value);
      const eq = entry.indexOf('=');
      if (eq <= 0) continue;
      const name = entry.slice(0, eq);
      add(name, nodeRange(item), `${name}=${build?.args[name] ?? ''}`, name.length + 1);
    }
  }
  return out;
}

/** Where `expected` starts inside a scalar's source, plain or quoted without escapes; `null` otherwise. */
function verbatimOffset(text: string, range: OffsetRange, expected: string): number | null {
  const written = text.slice(range[0], range[1]);
  if (written === expected) return range[0];
  if (written === `"${expected}"` || written === `'${expected}'`) return range[0] + 1;
  return null;
}
