import path from 'node:path';
import { isAlias, isMap, isNode, isScalar, isSeq, visit, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { SourceFile } from '../source/source-file.js';
import type { ComposeFileNode, ParseProblem, ServiceBuild, ServiceNode } from '../types/nodes.js';
import { composeYamlTags } from '../compose/compose-tags.js';
import { errorMessage } from '../utils/error-message.js';
import { nodeRange } from '../utils/yaml-node-range.js';
import { parseYamlDocuments } from './parse-yaml.js';

/**
 * Parses a Compose file with `yaml`'s Document API (CST ranges and comments kept, so fixes can touch
 * only their own bytes). Every YAML error and warning is a positioned parse problem. A text nesting
 * deeper than `MAX_YAML_DEPTH` is not composed (one problem, no document): see parse-yaml.ts.
 */
export function parseCompose(file: SourceFile): ComposeFileNode {
  const problems: ParseProblem[] = [];
  let document: Document.Parsed | null = null;
  try {
    const { documents: list, tooDeep } = parseYamlDocuments(file.text, { uniqueKeys: true, customTags: composeYamlTags });
    if (tooDeep) problems.push(tooDeep);
    document = list[0] ?? null;
    // An alias is written `*name`: a text without `*` has none to check.
    const mayAlias = file.text.includes('*');
    for (const doc of list) {
      for (const issue of [...doc.errors, ...doc.warnings]) {
        const [start, end] = issue.pos;
        problems.push({ message: cleanYamlMessage(issue.message), range: [start, Math.max(start, end)] });
      }
      if (mayAlias) problems.push(...unresolvedAliases(doc));
    }
  } catch (error) {
    problems.push({ message: `YAML could not be parsed: ${errorMessage(error)}`, range: [0, 0] });
  }
  const node = {
    type: 'ComposeFile',
    file,
    range: [0, file.text.length],
    parseProblems: problems,
    document,
    services: [] as ServiceNode[],
  } satisfies ComposeFileNode;
  const services = document?.contents && isMap(document.contents) ? document.contents.get('services', true) : null;
  if (services && isMap(services)) {
    for (const pair of services.items) {
      if (!isScalar(pair.key)) continue;
      const value = isMap(pair.value) ? pair.value : null;
      node.services.push({
        type: 'Service',
        name: scalarText(pair.key),
        key: pair.key,
        value,
        range: [nodeRange(pair.key)[0], pair.value ? nodeRange(pair.value)[1] : nodeRange(pair.key)[1]],
        build: value ? readBuild(value, path.dirname(file.path)) : null,
        compose: node,
      });
    }
  }
  return node;
}

function readBuild(service: YAMLMap, composeDir: string): ServiceBuild | null {
  const pair = service.items.find((item): item is Pair => isScalar(item.key) && item.key.value === 'build');
  if (!pair) return null;
  if (isScalar(pair.value)) {
    const context = path.resolve(composeDir, String(pair.value.value));
    return { context, dockerfile: path.join(context, 'Dockerfile'), target: null, args: {}, node: pair };
  }
  if (!isMap(pair.value)) return null;
  const build = pair.value;
  const scalar = (key: string): string | null => {
    const value = build.get(key, true);
    return isScalar(value) && value.value !== null ? scalarText(value) : null;
  };
  const context = path.resolve(composeDir, scalar('context') ?? '.');
  const dockerfile = path.resolve(context, scalar('dockerfile') ?? 'Dockerfile');
  return { context, dockerfile, target: scalar('target'), args: readArgs(build.get('args', true)), node: pair };
}

/** Build args in map form (`KEY: value`) or list form (`- KEY=value`); bare keys have no literal value. */
function readArgs(args: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(args)) {
    for (const item of args.items) {
      if (isScalar(item.key) && isScalar(item.value) && item.value.value !== null) {
        out[scalarText(item.key)] = scalarText(item.value);
      }
    }
  } else if (isSeq(args)) {
    for (const item of args.items) {
      if (!isScalar(item)) continue;
      const text = scalarText(item);
      const eq = text.indexOf('=');
      if (eq > 0) out[text.slice(0, eq)] = text.slice(eq + 1);
    }
  }
  return out;
}

/**
 * A scalar as the text Compose sees: plain scalars keep their source text (YAML would read
 * `3.10` as the number 3.1), quoted ones their value.
 */
function scalarText(scalar: Scalar): string {
  if (scalar.type === 'PLAIN' && typeof scalar.source === 'string') return scalar.source;
  const value: unknown = scalar.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * Aliases with no anchor of their name before them (a file cut short in the middle of anchors, a
 * typo): `yaml` parses them without a word and fails only when the value is read, and Compose refuses
 * the file. One visit in document order, so an alias bomb costs its size, not its expansion.
 */
function unresolvedAliases(document: Document.Parsed): ParseProblem[] {
  const anchors = new Set<string>();
  const problems: ParseProblem[] = [];
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) problems.push({ message: `Unknown alias *${node.source}: no anchor &${node.source} is defined before it`, range: nodeRange(node) });
    } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
  });
  return problems;
}

/** yaml's messages end with a code excerpt when prettyErrors is on; keep the first sentence only. */
function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]!.trim();
}

