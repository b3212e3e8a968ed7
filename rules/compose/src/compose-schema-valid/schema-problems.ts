import { pointerSegment, pointerSegments, type InterpolationResult } from '@docmind-docker-lint/core';
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';

export type SchemaMessageId =
  | 'unknownKey'
  | 'invalidName'
  | 'wrongType'
  | 'missingKey'
  | 'notAllowed'
  | 'duplicateItem'
  | 'constraint'
  | 'ambiguous'
  | 'legacyFormat';

/** A schema error in words, at a JSON Pointer of the validated data. */
export interface SchemaProblem {
  readonly messageId: SchemaMessageId;
  readonly data: Readonly<Record<string, string>>;
  readonly pointer: string;
  /** The problem is the key at `pointer` (unknown key), not its value. */
  readonly atKey: boolean;
}

interface ErrorTree {
  readonly error: ErrorObject;
  readonly children: readonly ErrorTree[];
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);
/** Keywords about a value itself (not about what an object contains). */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'multipleOf']);

/**
 * Turns Ajv's errors (run with `allErrors` and `verbose`) into one problem per offending key or
 * value. Ajv lists the errors of every failed `oneOf`/`anyOf` branch right before the combinator's
 * own error; they are folded under it, and the branch the author meant is the one whose type
 * matched (its errors are about keys or values inside); when no branch's type matched, the
 * accepted types are listed together. Errors on interpolated values (`${PORT:-80}`) are dropped
 * when the value is not known, or when its known text could be read as the expected type.
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  interpolations: ReadonlyMap<string, InterpolationResult>,
): SchemaProblem[] {
  const trees = foldCombinators(errors);
  const problems = trees.flatMap((tree) => explain(tree, { data, interpolations }));
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer}|${problem.atKey}|${problem.messageId}|${JSON.stringify(problem.data)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface ExplainContext {
  readonly data: unknown;
  readonly interpolations: ReadonlyMap<string, InterpolationResult>;
}

function foldCombinators(errors: readonly ErrorObject[]): ErrorTree[] {
  const stack: ErrorTree[] = [];
  for (const error of errors) {
    if (!COMBINATORS.has(error.keyword)) {
      stack.push({ error, children: [] });
      continue;
    }
    const children: ErrorTree[] = [];
    while (stack.length > 0 && isWithin(stack.at(-1)!.error.instancePath, error.instancePath)) children.unshift(stack.pop()!);
    stack.push({ error, children });
  }
  return stack;
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function explain(tree: ErrorTree, context: ExplainContext): SchemaProblem[] {
  const { error } = tree;
  if (isUnknownValue(error, context)) return [];
  if (!COMBINATORS.has(error.keyword)) return describeError(error, context);
  const params = error.params as { passingSchemas?: unknown };
  if (Array.isArray(params.passingSchemas)) {
    return [{ messageId: 'ambiguous', data: { subject: subjectOf(error.instancePath, context.data) }, pointer: error.instancePath, atKey: false }];
  }
  const typeMismatches = tree.children.filter((child) => child.error.keyword === 'type' && child.error.instancePath === error.instancePath);
  const specific = tree.children.filter((child) => !typeMismatches.includes(child));
  const explained = specific.flatMap((child) => explain(child, context));
  if (explained.length > 0 || specific.length > 0) return explained;
  const types = typeMismatches.flatMap((child) => typesOf(child.error));
  if (types.length === 0) return describeError(error, context);
  if (isCastable(error.instancePath, types, context)) return [];
  return [
    {
      messageId: 'wrongType',
      data: { subject: subjectOf(error.instancePath, context.data), expected: typePhrase(types) },
      pointer: error.instancePath,
      atKey: false,
    },
  ];
}

/** An interpolated value whose text is not known here cannot be judged. */
function isUnknownValue(error: ErrorObject, context: ExplainContext): boolean {
  if (!VALUE_KEYWORDS.has(error.keyword) && !COMBINATORS.has(error.keyword)) return false;
  const interpolation = context.interpolations.get(error.instancePath);
  return interpolation !== undefined && !interpolation.known;
}

/** Compose casts interpolated text to the type a field needs (`"${PORT:-80}"` becomes 80). */
function isCastable(pointer: string, types: readonly string[], context: ExplainContext): boolean {
  const interpolation = context.interpolations.get(pointer);
  if (!interpolation?.known) return false;
  const text = interpolation.value.trim();
  return types.some((type) => {
    if (type === 'integer') return /^[-+]?\d+$/.test(text);
    if (type === 'number') return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text);
    if (type === 'boolean') return /^(true|false)$/i.test(text);
    return false;
  });
}

function describeError(error: ErrorObject, context: ExplainContext): SchemaProblem[] {
  const pointer = error.instancePath;
  const subject = subjectOf(pointer, context.data);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyPointer = `${pointer}/${pointerSegment(key)}`;
      const properties = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      if (properties.length === 0) {
        return [{ messageId: 'invalidName', data: { key, kind: nameKindOf(pointer) }, pointer: keyPointer, atKey: true }];
      }
      const container = containerOf(pointer, context.data);
      const suggestion = suggest(key, properties);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
      return [{ messageId: 'unknownKey', data: { key, container, hint }, pointer: keyPointer, atKey: true }];
    }
    case 'type': {
      if (isCastable(pointer, typesOf(error), context)) return [];
      return [{ messageId: 'wrongType', data: { subject, expected: typePhrase(typesOf(error)) }, pointer, atKey: false }];
    }
    case 'required': {
      const key = String(params.missingProperty);
      return [{ messageId: 'missingKey', data: { subject, key }, pointer, atKey: true }];
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      return [{ messageId: 'notAllowed', data: { subject, allowed: allowed.map((value) => JSON.stringify(value)).join(', ') }, pointer, atKey: false }];
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      return [
        {
          messageId: 'duplicateItem',
          data: { subject: subjectOf(`${pointer}/${later}`, context.data), first: subjectOf(`${pointer}/${earlier}`, context.data, false) },
          pointer: `${pointer}/${later}`,
          atKey: false,
        },
      ];
    }
    default:
      return [{ messageId: 'constraint', data: { subject, constraint: constraintOf(error) }, pointer, atKey: false }];
  }
}

function typesOf(error: ErrorObject): string[] {
  const type = (error.params as { type?: unknown }).type;
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? type.split(',') : [];
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'empty',
};

/** `a string or a number`: integer is dropped when number is there, each type said once. */
export function typePhrase(types: readonly string[]): string {
  const unique = [...new Set(types)].filter((type) => !(type === 'integer' && types.includes('number')));
  const words = unique.map((type) => TYPE_WORDS[type] ?? type);
  if (words.length <= 1) return words[0] ?? 'a valid value';
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

function constraintOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'pattern':
      return `match /${String(params.pattern)}/`;
    case 'minimum':
      return `be at least ${String(params.limit)}`;
    case 'maximum':
      return `be at most ${String(params.limit)}`;
    case 'exclusiveMinimum':
      return `be more than ${String(params.limit)}`;
    case 'exclusiveMaximum':
      return `be less than ${String(params.limit)}`;
    case 'minItems':
      return `have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `have at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return `have at least ${String(params.limit)} character${params.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `have at most ${String(params.limit)} characters`;
    case 'minProperties':
      return `have at least ${String(params.limit)} key${params.limit === 1 ? '' : 's'}`;
    default:
      return (error.message ?? 'match the Compose Specification').replace(/^must /, '');
  }
}

function suggest(key: string, candidates: readonly string[]): string | null {
  if (candidates.length === 0) return null;
  const best = closest(key, [...candidates]);
  const limit = Math.max(1, Math.floor(key.length / 3));
  return distance(key, best) <= limit ? best : null;
}

const SECTION_KINDS: Readonly<Record<string, string>> = {
  services: 'service',
  networks: 'network',
  volumes: 'volume',
  secrets: 'secret',
  configs: 'config',
  models: 'model',
};

function nameKindOf(pointer: string): string {
  const segments = pointerSegments(pointer);
  return segments.length === 1 ? (SECTION_KINDS[segments[0]!] ?? 'key') : 'key';
}

/** `"ports[0]" in service "web"`, `service "web"`, `"include[0]"`. */
export function subjectOf(pointer: string, data: unknown, withOwner = true): string {
  const { owner, rest } = split(pointer, data);
  if (rest === '') return owner ?? 'the file';
  return owner && withOwner ? `"${rest}" in ${owner}` : `"${rest}"`;
}

/** Where a key stands: `in service "web"`, `in "build" of service "web"`, `at the top level`. */
function containerOf(pointer: string, data: unknown): string {
  const { owner, rest } = split(pointer, data);
  if (owner) return rest === '' ? `in ${owner}` : `in "${rest}" of ${owner}`;
  return rest === '' ? 'at the top level' : `in "${rest}"`;
}

function split(pointer: string, data: unknown): { owner: string | null; rest: string } {
  const segments = pointerSegments(pointer);
  const kind = SECTION_KINDS[segments[0] ?? ''];
  const hasOwner = kind !== undefined && segments.length >= 2;
  const ownerText = hasOwner ? `${kind} "${segments[1]!}"` : null;
  const restStart = hasOwner ? 2 : 0;
  let value: unknown = data;
  let rest = '';
  for (const [index, segment] of segments.entries()) {
    const isIndex = Array.isArray(value);
    if (index >= restStart) rest += isIndex ? `[${segment}]` : `${rest === '' ? '' : '.'}${segment}`;
    value = isIndex ? (value as unknown[])[Number(segment)] : value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return { owner: ownerText, rest };
}
