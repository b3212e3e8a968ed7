/**
 * Compose's variable interpolation, as compose-go's `template` package reads it: `$VAR`, `${VAR}`,
 * `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`,
 * nesting in the operand (`${A:-${B}}`), `$$` for a literal `$`. A `$` not followed by a name or `{`
 * stays as it is. Offsets are into the scalar's value (the text after YAML unquoting).
 */

export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface TemplateLiteral {
  readonly kind: 'literal';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `$$`: a literal `$`. */
export interface TemplateEscape {
  readonly kind: 'escape';
  readonly start: number;
  readonly end: number;
}

export interface TemplateVariable {
  readonly kind: 'variable';
  readonly name: string;
  /** `null` for `$VAR` and `${VAR}`. */
  readonly operator: InterpolationOperator | null;
  /** The operand after the operator (a template itself); empty without an operator. */
  readonly operand: readonly TemplatePart[];
  readonly braced: boolean;
  /** From `$` to the closing `}` (or the end of the name). */
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
}

export type TemplatePart = TemplateLiteral | TemplateEscape | TemplateVariable;

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  /** Set when a `${` is unterminated or its body is not `NAME[operator operand]`. */
  readonly error: { readonly message: string; readonly start: number; readonly end: number } | null;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS: readonly InterpolationOperator[] = [':-', ':?', ':+', '-', '?', '+'];

/** Splits a value into literal text, `$$` escapes and variables. */
export function parseTemplate(text: string): ParsedTemplate {
  const result = parseParts(text, 0, false);
  return { parts: result.parts, error: result.error };
}

interface PartsResult {
  parts: TemplatePart[];
  /** Offset after the closing `}` when parsing an operand. */
  end: number;
  error: ParsedTemplate['error'];
}

function parseParts(text: string, from: number, inOperand: boolean): PartsResult {
  const parts: TemplatePart[] = [];
  let literalStart = from;
  const flush = (upTo: number): void => {
    if (upTo > literalStart) parts.push({ kind: 'literal', text: text.slice(literalStart, upTo), start: literalStart, end: upTo });
  };
  let i = from;
  while (i < text.length) {
    const ch = text[i]!;
    if (inOperand && ch === '}') {
      flush(i);
      return { parts, end: i + 1, error: null };
    }
    if (ch !== '$') {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      flush(i);
      parts.push({ kind: 'escape', start: i, end: i + 2 });
      i += 2;
      literalStart = i;
      continue;
    }
    if (next === '{') {
      flush(i);
      const braced = parseBraced(text, i);
      if ('message' in braced) return { parts, end: text.length, error: braced };
      parts.push(braced.variable);
      i = braced.variable.end;
      literalStart = i;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      flush(i);
      let end = i + 2;
      while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
      parts.push({ kind: 'variable', name: text.slice(i + 1, end), operator: null, operand: [], braced: false, start: i, end, nameStart: i + 1 });
      i = end;
      literalStart = i;
      continue;
    }
    i++;
  }
  flush(text.length);
  if (inOperand) return { parts, end: text.length, error: { message: 'unterminated "${"', start: from, end: text.length } };
  return { parts, end: text.length, error: null };
}

function parseBraced(
  text: string,
  dollar: number,
): { variable: TemplateVariable } | { message: string; start: number; end: number } {
  const nameStart = dollar + 2;
  let i = nameStart;
  if (i >= text.length || !NAME_START.test(text[i]!)) return invalid(text, dollar);
  while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
  const name = text.slice(nameStart, i);
  if (text[i] === '}') {
    return { variable: { kind: 'variable', name, operator: null, operand: [], braced: true, start: dollar, end: i + 1, nameStart } };
  }
  const operator = OPERATORS.find((op) => text.startsWith(op, i));
  if (!operator) return invalid(text, dollar);
  const operand = parseParts(text, i + operator.length, true);
  if (operand.error) return { ...operand.error, start: dollar };
  return {
    variable: { kind: 'variable', name, operator, operand: operand.parts, braced: true, start: dollar, end: operand.end, nameStart },
  };
}

function invalid(text: string, dollar: number): { message: string; start: number; end: number } {
  const close = text.indexOf('}', dollar);
  const end = close === -1 ? text.length : close + 1;
  return { message: `invalid interpolation format "${text.slice(dollar, end)}"`, start: dollar, end };
}

/** Whether a value uses a variable (not only `$$` escapes). */
export function hasInterpolation(text: string): boolean {
  if (!text.includes('$')) return false;
  const parsed = parseTemplate(text);
  return parsed.error !== null || parsed.parts.some((part) => part.kind === 'variable');
}

/** The names of the variables a value uses, nested operands included. */
export function templateVariables(parts: readonly TemplatePart[]): string[] {
  return parts.flatMap((part) => (part.kind === 'variable' ? [part.name, ...templateVariables(part.operand)] : []));
}

export interface InterpolationResult {
  /** The value with variables substituted (unset variables as Compose does: empty). */
  readonly value: string;
  /**
   * False when the value depends on a variable that is not set and has no default (`${VAR}`,
   * `${VAR:?err}` unset), or the template is invalid: what Compose would use is not known here.
   */
  readonly known: boolean;
  /** Variables that were needed and not set. */
  readonly unset: readonly string[];
  /** `${VAR:?message}` / `${VAR?message}` whose variable is missing: Compose stops with `message`. */
  readonly failures: readonly { readonly name: string; readonly message: string }[];
  readonly error: ParsedTemplate['error'];
}

/**
 * Substitutes variables. `lookup` returns `undefined` for an unset variable and `''` for one set
 * empty, which the `:`-forms treat as unset.
 */
export function interpolate(text: string, lookup: (name: string) => string | undefined): InterpolationResult {
  if (!text.includes('$')) return { value: text, known: true, unset: [], failures: [], error: null };
  const parsed = parseTemplate(text);
  if (parsed.error) return { value: text, known: false, unset: [], failures: [], error: parsed.error };
  const state = { known: true, unset: [] as string[], failures: [] as { name: string; message: string }[] };
  const value = evaluate(parsed.parts, lookup, state);
  return { value, known: state.known, unset: state.unset, failures: state.failures, error: null };
}

interface EvaluationState {
  known: boolean;
  unset: string[];
  failures: { name: string; message: string }[];
}

function evaluate(parts: readonly TemplatePart[], lookup: (name: string) => string | undefined, state: EvaluationState): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'literal') out += part.text;
    else if (part.kind === 'escape') out += '$';
    else out += evaluateVariable(part, lookup, state);
  }
  return out;
}

function evaluateVariable(
  variable: TemplateVariable,
  lookup: (name: string) => string | undefined,
  state: EvaluationState,
): string {
  const value = lookup(variable.name);
  const isSet = value !== undefined;
  const isNonEmpty = isSet && value !== '';
  const operand = (): string => evaluate(variable.operand, lookup, state);
  switch (variable.operator) {
    case null:
      if (!isSet) {
        state.known = false;
        state.unset.push(variable.name);
      }
      return value ?? '';
    case ':-':
      return isNonEmpty ? value : operand();
    case '-':
      return isSet ? value : operand();
    case ':+':
      return isNonEmpty ? operand() : '';
    case '+':
      return isSet ? operand() : '';
    case ':?':
    case '?': {
      const ok = variable.operator === ':?' ? isNonEmpty : isSet;
      if (ok) return value!;
      state.known = false;
      state.unset.push(variable.name);
      state.failures.push({ name: variable.name, message: operand() });
      return '';
    }
  }
}
