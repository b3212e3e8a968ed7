import type { ConfigObject, RuleEntry } from '../types/config.js';

type HadolintLevel = 'error' | 'warning' | 'info' | 'style' | 'ignore';

/**
 * The level hadolint (2.15) gives each DL check by default. `ignore` means the check is off unless a
 * `.hadolint.yaml` turns it on (DL1001 inline-pragma ban, DL3057 missing HEALTHCHECK). DL3049-DL3058 are
 * only active with a `label-schema`, as our `label-schema` rule is only active with its `schema` option.
 */
const DEFAULT_LEVEL: Readonly<Record<string, HadolintLevel>> = {
  DL1001: 'ignore',
  DL3000: 'error', DL3001: 'info', DL3002: 'warning', DL3003: 'warning', DL3004: 'error', DL3005: 'warning',
  DL3006: 'warning', DL3007: 'warning', DL3008: 'warning', DL3009: 'info', DL3010: 'info', DL3011: 'error',
  DL3012: 'error', DL3013: 'warning', DL3014: 'warning', DL3015: 'info', DL3016: 'warning', DL3018: 'warning',
  DL3019: 'info', DL3020: 'error', DL3021: 'error', DL3022: 'warning', DL3023: 'error', DL3024: 'error',
  DL3025: 'warning', DL3026: 'error', DL3027: 'warning', DL3028: 'warning', DL3029: 'warning', DL3030: 'warning',
  DL3032: 'warning', DL3033: 'warning', DL3034: 'warning', DL3035: 'warning', DL3036: 'warning', DL3037: 'warning',
  DL3038: 'warning', DL3040: 'warning', DL3041: 'warning', DL3042: 'warning', DL3043: 'error', DL3044: 'error',
  DL3045: 'warning', DL3046: 'warning', DL3047: 'info', DL3048: 'style', DL3049: 'info', DL3050: 'info',
  DL3051: 'warning', DL3052: 'warning', DL3053: 'warning', DL3054: 'warning', DL3055: 'warning', DL3056: 'warning',
  DL3057: 'ignore', DL3058: 'warning', DL3059: 'info', DL3060: 'info', DL3061: 'error', DL3062: 'warning',
  DL3063: 'warning', DL3064: 'warning', DL3065: 'warning', DL3066: 'info', DL3067: 'warning',
  DL4000: 'error', DL4001: 'warning', DL4003: 'warning', DL4004: 'error', DL4005: 'warning', DL4006: 'warning',
};

const RANK: Readonly<Record<HadolintLevel, number>> = { ignore: 0, style: 1, info: 2, warning: 3, error: 4 };

/**
 * hadolint's default level of a DL or SC code (`undefined` for a code hadolint does not have). `SC*`
 * stands for every ShellCheck code, which hadolint reports as ShellCheck rates it; a rule wrapping
 * ShellCheck is on as a warning.
 */
export function hadolintDefaultLevel(code: string): HadolintLevel | undefined {
  if (/^SC(?:\d{4}|\*)$/.test(code)) return 'warning';
  return DEFAULT_LEVEL[code];
}

interface RuleWithSources {
  readonly meta: { readonly docs?: { readonly sources?: { readonly hadolint?: readonly string[] } } };
}

/**
 * A pack's part of the `hadolint` preset: each rule that covers hadolint codes at hadolint's default
 * level (the highest of its codes: `error` stays an error, `warning`, `info` and `style` become
 * warnings, `ignore` turns the rule off), and every other rule of the pack off, so that, with the
 * `recommended` base underneath, a Dockerfile gets hadolint's checks and no others from this pack.
 * `exclude` names rules that list hadolint codes only so that hadolint's pragmas silence them too.
 */
export function hadolintPreset(rules: Readonly<Record<string, RuleWithSources>>, exclude: readonly string[] = []): ConfigObject {
  const entries: Record<string, RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const codes = exclude.includes(id) ? [] : (rule.meta.docs?.sources?.hadolint ?? []);
    let level: HadolintLevel | undefined;
    for (const code of codes) {
      const codeLevel = hadolintDefaultLevel(code);
      if (codeLevel && (level === undefined || RANK[codeLevel] > RANK[level])) level = codeLevel;
    }
    entries[id] = level === undefined || level === 'ignore' ? 'off' : level === 'error' ? 'error' : 'warn';
  }
  return { rules: entries };
}

/** BuildKit checks that run only with `# check=experimental=...`. */
const BUILDKIT_EXPERIMENTAL = new Set(['InvalidDefinitionDescription']);

interface RuleWithBuildkitSources {
  readonly meta: { readonly docs?: { readonly sources?: { readonly buildkit?: readonly string[] } } };
}

/**
 * A pack's part of the `buildkit` preset: the rules that cover BuildKit's build checks that run by
 * default, as warnings (as `docker build` shows them), every other rule of the pack off.
 */
export function buildkitPreset(rules: Readonly<Record<string, RuleWithBuildkitSources>>): ConfigObject {
  const entries: Record<string, RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const checks = (rule.meta.docs?.sources?.buildkit ?? []).filter((check) => !BUILDKIT_EXPERIMENTAL.has(check));
    entries[id] = checks.length > 0 ? 'warn' : 'off';
  }
  return { rules: entries };
}
