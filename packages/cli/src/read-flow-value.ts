import { parse, YAMLParseError } from 'yaml';

/**
 * Reads the value of a `--rule` flag: JSON, or the YAML flow style ESLint users write
 * (`[error, {allow: [root]}]`, `warn`), with the `yaml` package. Throws a `SyntaxError` naming the column.
 */
export function readFlowValue(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 0 }) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      throw new SyntaxError(`${error.message.split('\n')[0]} (column ${error.linePos?.[0].col ?? 1})`);
    }
    throw error;
  }
}
