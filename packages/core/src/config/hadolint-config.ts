import path from 'node:path';
import { decodeBytes } from '../project/decode-text.js';
import type { ConfigObject, RuleEntry } from '../types/config.js';
import type { ProjectHost } from '../types/project.js';
import { parseYamlDocument } from '../parse/parse-yaml.js';
import { ConfigError } from './config-error.js';

/** hadolint's config file names, looked for at the project root only (hadolint reads its working folder). */
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/** hadolint's severities, as `override` keys and `failure-threshold` values. */
const HADOLINT_SEVERITIES = ['error', 'warning', 'info', 'style'] as const;
type HadolintSeverity = (typeof HADOLINT_SEVERITIES)[number];
export type HadolintThreshold = HadolintSeverity | 'ignore' | 'none';
const THRESHOLDS: readonly string[] = [...HADOLINT_SEVERITIES, 'ignore', 'none'];

/** hadolint's check of `trustedRegistries`; its rules take the list as the option `allowedRegistries`. */
const TRUSTED_REGISTRIES_CODE = 'DL3026';
/** hadolint's first `label-schema` check; its rules take `{ schema, strict }` options. */
const LABEL_SCHEMA_CODE = 'DL3049';

/** What docmind-docker-lint reads of a `.hadolint.yaml`; other keys are hadolint's own business. */
export interface HadolintConfig {
  readonly filePath: string;
  /** `ignored`: codes turned off. */
  readonly ignored: readonly string[];
  /** `override`: codes by the severity they are reported at. */
  readonly override: Readonly<Partial<Record<HadolintSeverity, readonly string[]>>>;
  /** `trustedRegistries`: registries images may come from (hadolint's DL3026). */
  readonly trustedRegistries?: readonly string[];
  /** `failure-threshold`, or `none` for `no-fail: true`: the lowest severity that fails the run. */
  readonly failureThreshold?: HadolintThreshold;
  /** `label-schema` and `strict-labels`: the labels images must carry (hadolint's DL3049-DL3058). */
  readonly labelSchema?: Readonly<Record<string, string>>;
  readonly strictLabels?: boolean;
}

/** The `.hadolint.yaml` (or `.yml`) at the root, read; `undefined` when there is none. Throws a ConfigError for a broken one. */
export function findHadolintConfig(host: ProjectHost, root: string): HadolintConfig | undefined {
  for (const name of HADOLINT_CONFIG_NAMES) {
    const filePath = path.join(root, name);
    if (host.stat(filePath)?.kind !== 'file') continue;
    const bytes = host.readFile(filePath);
    const decoded = bytes && decodeBytes(bytes);
    if (!decoded || 'problem' in decoded) {
      throw new ConfigError({ filePath, pointer: '', expected: 'a readable UTF-8 file', problem: 'cannot read the hadolint config file' });
    }
    return parseHadolintConfig(decoded.text.replace(/^\uFEFF/u, ''), filePath);
  }
  return undefined;
}

/** Reads the keys of a hadolint config this linter understands; checks their types, ignores the others. */
export function parseHadolintConfig(text: string, filePath: string): HadolintConfig {
  // Measured before yaml composes it: a hostile file nesting thousands deep could abort the process.
  const { document, tooDeep } = parseYamlDocument(text);
  const error = tooDeep ?? document?.errors[0];
  if (error || !document) throw new ConfigError({ filePath, pointer: '', expected: 'valid YAML', problem: `invalid YAML: ${error?.message ?? 'no document'}` });
  const value: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  if (!isRecord(value)) throw new ConfigError({ filePath, pointer: '', expected: 'a mapping of hadolint settings', actual: value });

  const fail = (pointer: string, expected: string, actual: unknown): never => {
    throw new ConfigError({ filePath, pointer, expected, actual });
  };
  const codes = (raw: unknown, pointer: string): string[] => {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw) || !raw.every((code) => typeof code === 'string')) return fail(pointer, 'a list of rule codes', raw);
    return raw;
  };

  const override: Partial<Record<HadolintSeverity, readonly string[]>> = {};
  const overrideValue = value.override ?? {};
  if (!isRecord(overrideValue)) fail('/override', 'a mapping of severities to rule codes', overrideValue);
  for (const severity of HADOLINT_SEVERITIES) {
    const listed = codes((overrideValue as Record<string, unknown>)[severity], `/override/${severity}`);
    if (listed.length > 0) override[severity] = listed;
  }

  const threshold = value['failure-threshold'];
  if (threshold !== undefined && (typeof threshold !== 'string' || !THRESHOLDS.includes(threshold))) {
    fail('/failure-threshold', THRESHOLDS.map((name) => `"${name}"`).join(', '), threshold);
  }
  const noFail = value['no-fail'];
  if (noFail !== undefined && typeof noFail !== 'boolean') fail('/no-fail', 'true or false', noFail);

  const labelSchema = value['label-schema'];
  if (labelSchema !== undefined && (!isRecord(labelSchema) || !Object.values(labelSchema).every((type) => typeof type === 'string'))) {
    fail('/label-schema', 'a mapping of label names to label types', labelSchema);
  }
  const strictLabels = value['strict-labels'];
  if (strictLabels !== undefined && typeof strictLabels !== 'boolean') fail('/strict-labels', 'true or false', strictLabels);

  const failureThreshold = noFail === true ? 'none' : (threshold as HadolintThreshold | undefined);
  return {
    filePath,
    ignored: codes(value.ignored, '/ignored'),
    override,
    ...(value.trustedRegistries !== undefined ? { trustedRegistries: registryNames(value.trustedRegistries, fail) } : {}),
    ...(failureThreshold !== undefined ? { failureThreshold } : {}),
    ...(labelSchema !== undefined ? { labelSchema: labelSchema as Record<string, string> } : {}),
    ...(strictLabels !== undefined ? { strictLabels: strictLabels as boolean } : {}),
  };
}

/** ShellCheck's codes in a hadolint config: `SC2086`. */
const SHELLCHECK_CODE = /^SC\d{4}$/i;

/**
 * What `.hadolint.yaml` says of ShellCheck codes, in `settings.hadolint.shellcheck`: the `shellcheck`
 * rule leaves out the `ignored` codes (with its own `exclude`) and reports the `override` ones at that
 * severity. Settings, not the rule's options: they merge with the options any config gives the rule.
 */
export interface HadolintShellcheckSettings {
  readonly ignored: readonly string[];
  readonly override: Readonly<Partial<Record<HadolintSeverity, readonly string[]>>>;
}

/**
 * The hadolint config as config objects of ours, in order, to be layered over the project's own
 * config files. First the keys that configure rules, written against the hadolint ids so they reach
 * whichever rules cover them: `trustedRegistries` as `DL3026: [error, { allowedRegistries }]`,
 * `label-schema` and `strict-labels` as `DL3049: [warn, { schema, strict }]` (hadolint only runs
 * those checks when the keys are set), and all three in `settings.hadolint`. Then `override`
 * severities (`error` as error, the others as warn) and `ignored` codes (off); being a later layer,
 * a severity keeps those options. ShellCheck codes (`SC2086`) are one check of the `shellcheck` rule
 * each, not rules: they go to `settings.hadolint.shellcheck` (`HadolintShellcheckSettings`). Other
 * codes no loaded rule covers are left out.
 */
export function hadolintConfigObjects(config: HadolintConfig, isKnownId: (id: string) => boolean): ConfigObject[] {
  const shellcheckIgnored = config.ignored.filter((code) => SHELLCHECK_CODE.test(code)).map((code) => code.toUpperCase());
  const shellcheckOverride: Partial<Record<HadolintSeverity, string[]>> = {};
  for (const severity of HADOLINT_SEVERITIES) {
    const codes = (config.override[severity] ?? []).filter((code) => SHELLCHECK_CODE.test(code)).map((code) => code.toUpperCase());
    if (codes.length > 0) shellcheckOverride[severity] = codes;
  }
  const shellcheck: HadolintShellcheckSettings | undefined =
    shellcheckIgnored.length > 0 || Object.keys(shellcheckOverride).length > 0 ? { ignored: shellcheckIgnored, override: shellcheckOverride } : undefined;
  const hadolint = {
    ...(config.trustedRegistries ? { trustedRegistries: config.trustedRegistries } : {}),
    ...(config.labelSchema ? { labelSchema: config.labelSchema } : {}),
    ...(config.strictLabels !== undefined ? { strictLabels: config.strictLabels } : {}),
    ...(shellcheck ? { shellcheck } : {}),
  };
  const configured: Record<string, RuleEntry> = {};
  if (config.trustedRegistries && config.trustedRegistries.length > 0 && isKnownId(TRUSTED_REGISTRIES_CODE)) {
    configured[TRUSTED_REGISTRIES_CODE] = ['error', { allowedRegistries: config.trustedRegistries }];
  }
  if (config.labelSchema && isKnownId(LABEL_SCHEMA_CODE)) {
    configured[LABEL_SCHEMA_CODE] = ['warn', { schema: config.labelSchema, strict: config.strictLabels ?? false }];
  }
  const severities: Record<string, RuleEntry> = {};
  for (const severity of HADOLINT_SEVERITIES) {
    for (const code of config.override[severity] ?? []) if (isKnownId(code)) severities[code] = severity === 'error' ? 'error' : 'warn';
  }
  for (const code of config.ignored) if (isKnownId(code)) severities[code] = 'off';
  return [
    { rules: configured, ...(Object.keys(hadolint).length > 0 ? { settings: { hadolint } } : {}) },
    { rules: severities },
  ];
}

function registryNames(raw: unknown, fail: (pointer: string, expected: string, actual: unknown) => never): string[] {
  if (!Array.isArray(raw) || !raw.every((entry) => typeof entry === 'string')) return fail('/trustedRegistries', 'a list of registry names', raw);
  return raw;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
