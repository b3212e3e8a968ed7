import { isMap, isScalar, type Node } from 'yaml';
import { parseYamlDocument, type OffsetRange } from '@docmind-docker-lint/core';

/** What a setting accepts, as far as an environment value can be checked against it. */
export interface SettingValueSpec {
  /** The allowed values, when every one is a string, number or boolean (`Literal[...]`, `Enum`). */
  readonly enum?: readonly string[];
  /** The JSON Schema type of a scalar setting, when it has exactly one besides `null`. */
  readonly type?: 'boolean' | 'integer' | 'number' | 'string';
}

export interface SchemaSetting {
  readonly name: string;
  /** The property key in the schema file. */
  readonly range: OffsetRange;
  readonly spec: SettingValueSpec;
}

export type SchemaContract = { readonly settings: readonly SchemaSetting[] } | { readonly error: string };

// A settings model nests a few levels deep at most; the limit also stops `$ref` cycles.
const MAX_DEPTH = 8;

/**
 * The environment names a pydantic-settings model reads, from its JSON Schema
 * (`Settings.model_json_schema()`): each property of the root model is `<prefix><NAME>`, and each
 * property of a nested model (`$ref` to `$defs`/`definitions`, also through `allOf` and an optional
 * `anyOf: [model, null]`) is joined to its parent with the nested delimiter
 * (`DOCMIND_DATABASE__QDRANT_URL`), as pydantic-settings reads them. Names are upper-cased.
 */
export function schemaContract(text: string, prefix: string, delimiter: string): SchemaContract {
  // A repository supplies the schema: composed only to a bounded depth (see parseYamlDocument).
  const { document, tooDeep } = parseYamlDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (tooDeep) return { error: `it cannot be read: ${tooDeep.message}` };
  if (!document) return { error: 'it is empty' };
  if (document.errors.length > 0) return { error: `it is not valid JSON (${document.errors[0]!.message.split('\n')[0]})` };
  const root = document.contents;
  if (!isMap(root)) return { error: 'it is not a JSON Schema object' };
  const settings: SchemaSetting[] = [];
  const definitions = (key: string): Node | undefined => {
    const value = root.get(key, true);
    return isMap(value) ? value : undefined;
  };
  const resolve = (schema: unknown, depth: number): Node | undefined => {
    if (!isMap(schema) || depth > MAX_DEPTH) return undefined;
    const ref = schema.get('$ref');
    if (typeof ref === 'string') {
      const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
      const table = match ? definitions(match[1]!) : undefined;
      const target = match && isMap(table) ? table.get(decodePointer(match[2]!), true) : undefined;
      return resolve(target, depth + 1);
    }
    return schema;
  };
  /** The model a property holds, when it is one (directly, by `$ref`, through `allOf` or an optional). */
  const modelOf = (schema: unknown, depth: number): Node | undefined => {
    const resolved = resolve(schema, depth);
    if (!isMap(resolved)) return undefined;
    if (isMap(resolved.get('properties', true))) return resolved;
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const branches = resolved.get(key, true);
      if (!branches || !('items' in branches) || !Array.isArray(branches.items)) continue;
      const models = branches.items.map((branch) => modelOf(branch, depth + 1)).filter((model) => model !== undefined);
      if (models.length === 1) return models[0];
    }
    return undefined;
  };
  const visit = (model: Node, namePrefix: string, depth: number): void => {
    const properties = isMap(model) ? model.get('properties', true) : undefined;
    if (!isMap(properties)) return;
    for (const pair of properties.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
      const name = `${namePrefix}${pair.key.value.toUpperCase()}`;
      const nested = depth < MAX_DEPTH ? modelOf(pair.value, depth + 1) : undefined;
      if (nested) visit(nested, `${name}${delimiter}`, depth + 1);
      else settings.push({ name, range: [pair.key.range[0], pair.key.range[1]], spec: valueSpec(resolve(pair.value, depth + 1), depth + 1, resolve) });
    }
  };
  const model = modelOf(root, 0);
  if (!model) return { error: 'it has no `properties`: it is not the JSON Schema of a settings model' };
  visit(model, prefix, 0);
  return { settings };
}

function valueSpec(schema: Node | undefined, depth: number, resolve: (schema: unknown, depth: number) => Node | undefined): SettingValueSpec {
  if (!isMap(schema)) return {};
  const plain = schema.toJSON() as Record<string, unknown>;
  if (Array.isArray(plain.enum) && plain.enum.every(isLiteral)) return { enum: plain.enum.map(String) };
  if ('const' in plain && isLiteral(plain.const)) return { enum: [String(plain.const)] };
  if (typeof plain.type === 'string' && isScalarType(plain.type)) return { type: plain.type };
  // `Optional[X]`: `anyOf: [X, {type: null}]`, and a `$ref` to an Enum.
  const branches = schema.get('anyOf', true) ?? schema.get('oneOf', true);
  if (branches && 'items' in branches && Array.isArray(branches.items)) {
    const specs = branches.items
      .map((branch) => resolve(branch, depth + 1))
      .filter((branch) => !(isMap(branch) && branch.get('type') === 'null'))
      .map((branch) => valueSpec(branch, depth + 1, resolve));
    if (specs.length === 1) return specs[0]!;
  }
  return {};
}

const isLiteral = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const isScalarType = (type: string): type is 'boolean' | 'integer' | 'number' | 'string' =>
  type === 'boolean' || type === 'integer' || type === 'number' || type === 'string';
const decodePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

// pydantic's lax mode, as pydantic-settings parses environment strings.
const TRUE_OR_FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']);

/**
 * Whether an environment value can be what a setting accepts: `undefined` when it can (or cannot be
 * told: interpolated values, settings of other types), else what it accepts, for the message.
 */
export function valueProblem(value: string, spec: SettingValueSpec): string | undefined {
  if (value.includes('$')) return undefined;
  if (spec.enum) {
    // pydantic compares enum strings exactly (case-sensitive).
    return spec.enum.includes(value) ? undefined : `one of ${spec.enum.map((item) => `\`${item}\``).join(', ')}`;
  }
  const trimmed = value.trim();
  switch (spec.type) {
    case 'boolean':
      return TRUE_OR_FALSE.has(trimmed.toLowerCase()) ? undefined : 'a boolean (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`)';
    case 'integer':
      return /^[+-]?\d+(?:_\d+)*$/.test(trimmed) ? undefined : 'an integer';
    case 'number':
      return trimmed !== '' && Number.isFinite(Number(trimmed.replace(/_/g, ''))) ? undefined : 'a number';
    default:
      return undefined;
  }
}
