// hadolint config keys (`.hadolint.yaml`) of parity cases, translated into our rule options.
import type { AnyRule } from '@docmind-docker-lint/core';

export type ConfigTranslation =
  /** The options array to give the rule. */
  | { readonly options: readonly unknown[] }
  /** The case is skipped (counted as skipped in the summary), with the reason. */
  | { readonly skip: string };

/**
 * Per DL id: how a case's hadolint config becomes options of our rule covering it. Add an entry when
 * a rule gains options matching hadolint's (for example `trustedRegistries` for DL3026, `label-schema`
 * and `strict-labels` for DL3049-DL3058). Cases with a config and no entry are skipped, with a reason.
 */
type Translate = (config: Readonly<Record<string, unknown>>, ruleId: string, rule: AnyRule) => ConfigTranslation;

/** hadolint's `label-schema` + `strict-labels` as `label-schema`'s options. */
const labelSchema: Translate = (config) => ({
  options: [{ schema: config['label-schema'] ?? {}, strict: config['strict-labels'] === true }],
});

const TRANSLATIONS: Readonly<Record<string, Translate>> = {
  DL3026: (config) => ({ options: [{ allowedRegistries: (config['trustedRegistries'] as string[] | undefined) ?? [] }] }),
  ...Object.fromEntries(['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'].map((id) => [id, labelSchema])),
};

export function translateHadolintConfig(
  dlId: string,
  config: Readonly<Record<string, unknown>>,
  ruleId: string,
  rule: AnyRule,
): ConfigTranslation {
  // hadolint's test harness does not apply `ignored` (see the parity README): it changes nothing here
  // unless it names the rule under test.
  const { ignored, ...rest } = config;
  if (Array.isArray(ignored) && ignored.includes(dlId)) return { skip: `hadolint config ignores ${dlId} itself` };
  const translate = TRANSLATIONS[dlId];
  if (translate) return translate(rest, ruleId, rule);
  if (Object.keys(rest).length === 0) return { options: [] };
  return { skip: `hadolint config ${Object.keys(rest).join(', ')} has no translation for ${dlId} (test/parity/hadolint-config.ts)` };
}
