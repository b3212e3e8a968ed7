/** The `workspace/configuration` section (and the shape of `initializationOptions`). */
export const SETTINGS_SECTION = 'docmind-docker-lint';

export interface ServerSettings {
  /** `false` turns the linter off: no diagnostics, no code actions. */
  readonly enable: boolean;
  /** Lint while typing (debounced) or only when the document is opened and saved. */
  readonly run: 'onType' | 'onSave';
  /** A config file used instead of discovered ones (the CLI's `-c`), relative to the workspace folder. */
  readonly configFile: string | null;
  /** Milliseconds to wait after the last keystroke before linting. */
  readonly debounce: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, run: 'onType', configFile: null, debounce: 150 };

/**
 * Settings from what a client sent (any shape: clients answer `null` for sections they do not know),
 * each valid field over `base`; invalid fields are ignored.
 */
export function readSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  if (typeof raw !== 'object' || raw === null) return base;
  const given = raw as Record<string, unknown>;
  return {
    enable: typeof given.enable === 'boolean' ? given.enable : base.enable,
    run: given.run === 'onType' || given.run === 'onSave' ? given.run : base.run,
    configFile:
      typeof given.configFile === 'string' && given.configFile !== ''
        ? given.configFile
        : given.configFile === null || given.configFile === ''
          ? null
          : base.configFile,
    debounce:
      typeof given.debounce === 'number' && Number.isFinite(given.debounce) && given.debounce >= 0
        ? given.debounce
        : base.debounce,
  };
}
