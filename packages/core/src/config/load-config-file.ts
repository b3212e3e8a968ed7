import path from 'node:path';
import { isMap, isNode, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseYamlDocument } from '../parse/parse-yaml.js';
import { decodeBytes } from '../project/decode-text.js';
import { SourceFile } from '../source/source-file.js';
import type { ConfigObject } from '../types/config.js';
import type { ProjectHost } from '../types/project.js';
import { ConfigError } from './config-error.js';
import { schemaPhrases } from './config-schema.js';
import { validateConfigSchema } from './config-validator.js';
import { describeSchemaErrors } from './describe-schema-errors.js';
import { jsonErrorOffset, jsonErrorReason } from './json-error-offset.js';
import { fromPointer, toPointer } from './json-pointer.js';

/** The key of `package.json` that holds a configuration. */
export const PACKAGE_JSON_KEY = 'docmind-docker-lint';

/** Aliases in a YAML config beyond this many are refused (a "billion laughs" file). */
const MAX_ALIAS_COUNT = 100;

export interface LoadedConfig {
  readonly filePath: string;
  readonly config: ConfigObject;
  /** Where the config sits in the file: `''`, or `/docmind-docker-lint` in `package.json`. */
  readonly pointerBase: string;
}

/**
 * Reads, parses and validates a config file: `package.json` (its `"docmind-docker-lint"` key), `.json`,
 * else YAML. Returns `undefined` for a `package.json` without the key. Throws a ConfigError naming
 * the file and what is wrong (with the JSON pointer for schema errors, line and column for syntax).
 */
export function loadConfigFile(host: ProjectHost, filePath: string): LoadedConfig | undefined {
  const bytes = host.readFile(filePath);
  if (!bytes) throw new ConfigError({ filePath, pointer: '', expected: 'a readable file', problem: 'cannot read the config file' });
  const decoded = decodeBytes(bytes);
  if ('problem' in decoded) throw new ConfigError({ filePath, pointer: '', expected: 'UTF-8 text', problem: decoded.problem });
  return parseConfigText(decoded.text.replace(/^\uFEFF/, ''), filePath);
}

/** Parses and validates the text of a config file; the format follows the file name. */
export function parseConfigText(text: string, filePath: string): LoadedConfig | undefined {
  const name = path.basename(filePath);
  if (name === 'package.json') {
    const manifest = parseJson(text, filePath);
    if (!manifest || typeof manifest !== 'object' || !(PACKAGE_JSON_KEY in manifest)) return undefined;
    const value = (manifest as Record<string, unknown>)[PACKAGE_JSON_KEY];
    const pointerBase = toPointer([PACKAGE_JSON_KEY]);
    return { filePath, config: validateConfigObject(value, filePath, { pointerBase, text }), pointerBase };
  }
  const value = name.endsWith('.json') ? parseJson(text, filePath) : parseYaml(text, filePath);
  return { filePath, config: validateConfigObject(value, filePath, { text }), pointerBase: '' };
}

/**
 * Checks a value against the config schema and returns it as a ConfigObject, or throws a ConfigError
 * for the most relevant problem. `pointerBase` is where the value sits in its file; `text` lets the
 * error carry a line and column.
 */
export function validateConfigObject(
  value: unknown,
  filePath: string,
  options: { readonly pointerBase?: string; readonly text?: string } = {},
): ConfigObject {
  if (validateConfigSchema(value)) return value as ConfigObject;
  const problem = describeSchemaErrors(validateConfigSchema.errors ?? [], schemaPhrases);
  const segments = [...fromPointer(options.pointerBase ?? ''), ...problem.path];
  const position = options.text === undefined ? undefined : locate(options.text, segments, problem.atKey === true, filePath);
  throw new ConfigError({
    filePath,
    pointer: toPointer(segments),
    expected: problem.expected,
    ...('actual' in problem ? { actual: problem.actual } : {}),
    ...(problem.problem ? { problem: problem.problem } : {}),
    ...(problem.hint ? { hint: problem.hint } : {}),
    ...position,
  });
}

function parseJson(text: string, filePath: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(message, text);
    throw new ConfigError({
      filePath,
      pointer: '',
      expected: 'valid JSON',
      problem: `invalid JSON: ${jsonErrorReason(message)}`,
      ...(offset === undefined ? {} : positionOf(text, offset, filePath)),
    });
  }
}

function parseYaml(text: string, filePath: string): unknown {
  // A config may come from the linted repository: composed only to a bounded depth (see parseYamlDocument).
  const { document, tooDeep } = parseYamlDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (!document || tooDeep) {
    if (!tooDeep) return {};
    throw new ConfigError({
      filePath,
      pointer: '',
      expected: 'valid YAML',
      problem: `invalid YAML: ${tooDeep.message}`,
      ...positionOf(text, tooDeep.range[0], filePath),
    });
  }
  const [error] = document.errors;
  if (error) {
    throw new ConfigError({
      filePath,
      pointer: '',
      expected: 'valid YAML',
      problem: `invalid YAML: ${error.message}`,
      ...positionOf(text, error.pos[0], filePath),
    });
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    throw new ConfigError({
      filePath,
      pointer: '',
      expected: 'valid YAML',
      problem: `invalid YAML: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Line and column of the value (or the key) at a path, or of its nearest existing parent. */
function locate(
  text: string,
  segments: readonly string[],
  atKey: boolean,
  filePath: string,
): { line: number; column: number } | undefined {
  const document = parseDocument(text, { prettyErrors: false });
  let found: Node | null = document.contents;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (last && atKey && isMap(found)) {
      const pair = found.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      found = isNode(pair?.key) ? pair.key : found;
      break;
    }
    const child: unknown = isMap(found) || isSeq(found) ? found.get(segment, true) : undefined;
    if (!isNode(child)) break;
    found = child;
  }
  return found?.range ? positionOf(text, found.range[0], filePath) : undefined;
}

function positionOf(text: string, offset: number, filePath: string): { line: number; column: number } {
  const { line, column } = new SourceFile(filePath, text, 'unknown').positionAt(offset);
  return { line, column };
}
