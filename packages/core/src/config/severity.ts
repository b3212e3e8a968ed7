import type { Severity, SeverityName } from '../types/results.js';

const BY_NAME: Readonly<Record<SeverityName, Severity>> = { off: 0, warn: 1, error: 2 };
const NAMES: readonly SeverityName[] = ['off', 'warn', 'error'];

/** `"warn"` -> 1; numbers pass through. */
export function toSeverity(value: Severity | SeverityName): Severity {
  return typeof value === 'number' ? value : BY_NAME[value];
}

/** 1 -> `"warn"`. */
export function severityName(severity: Severity): SeverityName {
  return NAMES[severity]!;
}

/** `reportUnusedDisableDirectives`: `true` is "warn", `false` is "off". */
export function unusedDirectivesSeverity(value: boolean | SeverityName): Severity {
  return typeof value === 'boolean' ? (value ? 1 : 0) : BY_NAME[value];
}
