import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

/**
 * Reads the value of a `--rule` flag: JSON, or the YAML flow style ESLint users write
 * (`[error, {allow: [root]}]`, `warn`), with the `yaml` package. Throws a `SyntaxError` naming the column.
 * `yaml` (CommonJS in Node, 70 files) is required on the first `--rule` flag, not when the CLI
 * starts: it was a third of the time of `--version` (bench/startup).
 */
export function readFlowValue(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  try {
    return yaml.parse(text, { maxAliasCount: 0 }) as unknown;
  } catch (error) {
    if (error instanceof yaml.YAMLParseError) {
      throw new SyntaxError(`${error.message.split('\n')[0]} (column ${error.linePos?.[0].col ?? 1})`);
    }
    throw error;
  }
}
