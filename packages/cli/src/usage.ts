import { formatterNames } from './formatters/index.js';

/** The text of `--help`. */
export function usage(): string {
  return `docmind-docker-lint [options] [paths...]

Lints Dockerfiles, Compose files, .dockerignore files and the Python project files beside them.
Paths default to the current folder.

Fixing:
  --fix                         Fix problems and write the files
  --fix-dry-run                 Compute fixes without writing (see them with -f diff, or as "output" in -f json)
  --fix-type TYPES              Only fix rules of these types: problem, suggestion, layout (comma-separated)

Output:
  -f, --format NAME             Output format: ${formatterNames().join(', ')} (default: stylish)
  -o, --output-file PATH        Write the report to a file instead of standard output. Several reports in one
                                run: each --format takes the --output-file after it; one may go to stdout
  --quiet                       Report errors only
  --max-warnings N              Exit with 1 when there are more than N warnings
  --color, --no-color           Force colours on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)

Configuration:
  -c, --config PATH             Use this config file instead of looking for one
  --no-config                   Use no config file: only --rule settings apply
  --plugin NAME                 Load a plugin package (or ./path) as a root config's "plugins" does (repeatable)
  --resolve-plugins-relative-to DIR
                                Resolve plugin names from DIR instead of the folder of the config naming them
  --rule 'ID: SEVERITY'         Set a rule: 'ID: error' or 'ID: [warn, {option: value}]' (repeatable)
  --ignore-pattern GLOB         Do not lint files matching GLOB (repeatable)
  --compose-file PATH           One Compose project's files in merge order, as docker compose -f (repeatable)
  --max-file-size BYTES         Skip files larger than this (default: 5 MiB)
  --rule-time-budget MS         Drop a rule's results on a file it spends longer on, as an internal error (default: 5000)
  --report-unused-disable-directives
                                Report disable comments that silence nothing, as errors
  --no-hadolint-config          Do not read hadolint's .hadolint.yaml at the project root

Speed:
  --cache                       Reuse the results of files that did not change since the last run
  --cache-location PATH         Cache file or folder (default: .docmind-docker-lint-cache)
  --concurrency N|auto|off      Lint on N worker threads; auto: one per core on large runs (default: off)

Input:
  --stdin                       Lint the text on standard input
  --stdin-filename NAME         The path that text is linted as (default: Dockerfile)

Setup:
  --init                        Write a starter config for the project in the current folder
  --force                       With --init, replace the folder's config file

Information:
  --print-config FILE           Print the configuration that applies to FILE, as JSON
  --list-rules                  List every rule with its type, fixes and description
  --debug                       Print stack traces of internal errors
  -v, --version                 Print the version
  -h, --help                    Print this help

Exit codes: 0 no problems (or only warnings within --max-warnings), 1 problems at error severity or
too many warnings, 2 a usage, configuration, missing-path, write or internal error.
`;
}
