// The public API of the docmind-docker-lint CLI package. See docs/cli.md.
export { main, type CliIo, type MainOptions, type TextSink } from './main.js';
export { DEFAULT_FORMAT, formatterNames, formatters, type FormatterEntry } from './formatters/index.js';
export type { Formatter, FormatterContext } from './formatters/formatter.js';
export { toJsonResult, type JsonFix, type JsonMessage, type JsonResult, type JsonSuggestion } from './formatters/json.js';
