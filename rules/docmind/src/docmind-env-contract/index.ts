import path from 'node:path';
import type {
  DockerfileNode,
  EnvFileNode,
  InstructionNode,
  OffsetRange,
  RuleFixer,
  ServiceNode,
  SourceFile,
} from '@docmind-docker-lint/core';
import { composeEnvironment } from '../utils/compose-environment.js';
import { createRule } from '../utils/create-rule.js';
import { instructionProperties } from '../utils/instruction-properties.js';
import { closestNames } from './closest-names.js';
import { loadContract, loadSchemaContract, type Contract } from './contract.js';
import { valueProblem } from './schema-contract.js';
import { matchesVariablePattern, RUNTIME_VARIABLES } from './runtime-variables.js';

export type Options = [
  {
    prefix: string;
    delimiter: string;
    exampleFile: string;
    settingsSchema: string;
    known: string[];
    legacy: Record<string, string>;
    services: string[];
    allow: string[];
  },
];
export type MessageIds =
  | 'legacyName'
  | 'unprefixedName'
  | 'unknownSetting'
  | 'unknownVariable'
  | 'invalidValue'
  | 'unusableSchema'
  | 'renameTo';

/**
 * Where a name is set. Every place gets the legacy and contract checks; only a Compose service's
 * `environment` gets the unknown-variable check, since env files and Dockerfiles commonly hold
 * variables for other tools (`UV_*` in a build stage).
 */
type Place = 'environment' | 'envFile' | 'dockerfile';

interface NamedEntry {
  readonly name: string;
  readonly range: OffsetRange;
  /**
   * Whether renaming it keeps everything else working: not for an ARG (its name is the build
   * argument's) nor for a variable the same file refers to as `$NAME`.
   */
  readonly renameIsSafe: boolean;
  /** The literal value set, when there is one (`null` for `- KEY` or a value passed through from the host). */
  readonly value: string | null;
  /** Where the value stands, when it is known; problems about the value fall back to the name. */
  readonly valueRange: OffsetRange | null;
}

export default createRule<MessageIds, Options>({
  name: 'docmind-env-contract',
  meta: {
    type: 'problem',
    docs: {
      description: "Require environment names the app reads: its settings contract and prefix, no legacy names",
      recommended: true,
      sources: {},
    },
    messages: {
      legacyName: '`{{name}}` is a legacy name the app no longer reads; it reads `{{replacement}}` instead.',
      unprefixedName: 'The app does not read `{{name}}`; its setting is {{replacements}}.',
      unknownSetting: '`{{name}}` is not a setting in {{source}}, so the app ignores it.',
      unknownVariable:
        '`{{name}}` is neither a setting in {{source}} nor a common runtime variable, so the app likely ignores it.',
      invalidValue: '`{{name}}` takes {{expected}} in {{source}}; the value set here is not, so the app fails to start.',
      unusableSchema: 'The settings schema {{reason}}; names are checked against the example file or `known` instead.',
      renameTo: 'Rename `{{name}}` to `{{replacement}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          prefix: {
            type: 'string',
            description:
              "The prefix of the app's settings (`DOCMIND_`). Empty: names are only checked against the legacy map, and in Compose environments for near-misses of contract names.",
          },
          delimiter: {
            type: 'string',
            description: 'What joins nested setting names (`__` in `DOCMIND_DATABASE__QDRANT_URL`, pydantic-settings `env_nested_delimiter`).',
          },
          exampleFile: {
            type: 'string',
            description:
              'The file that lists the settings, looked for beside the Compose file and in the build context; `# KEY=` lines count.',
          },
          settingsSchema: {
            type: 'string',
            description:
              "The JSON Schema of the app's settings model (pydantic `Settings.model_json_schema()`), relative to the project root. When set, it is the contract (it wins over the example file), and literal values are checked against each setting's type and allowed values.",
          },
          known: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'The settings, when the project has no example file.',
          },
          legacy: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: 'Old names the app no longer reads, each mapped to the name that replaced it.',
          },
          services: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Compose services that run the app without a `build` of their own (services with a `build` always count).',
          },
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'More unprefixed names a service environment may set besides the built-in runtime variables (`TZ`, `PATH`, proxies, `PYTHON*`, ...); `PREFIX*` matches a prefix.',
          },
        },
      },
    ],
    defaultOptions: [
      { prefix: '', delimiter: '__', exampleFile: '.env.example', settingsSchema: '', known: [], legacy: {}, services: [], allow: [] },
    ],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const { prefix, delimiter, exampleFile, known, legacy } = options;
    const { project, sourceFile } = context;
    const allowed = [...RUNTIME_VARIABLES, ...options.allow];

    const runsTheApp = (service: ServiceNode): boolean => service.build !== null || options.services.includes(service.name);
    const schema = options.settingsSchema === '' ? null : loadSchemaContract(project, options.settingsSchema, prefix, delimiter);
    let schemaReported = false;
    const contractIn = (dirs: readonly string[]): Contract | null => {
      if (schema !== null && !('error' in schema)) return schema;
      return loadContract(project, dirs, exampleFile, known);
    };
    /** Once per file with names to check: the configured schema cannot be used. */
    const reportUnusableSchema = (entries: readonly NamedEntry[]): void => {
      if (schema === null || !('error' in schema) || schemaReported || entries.length === 0) return;
      schemaReported = true;
      context.report({ range: entries[0]!.range, messageId: 'unusableSchema', data: { reason: schema.error } });
    };
    const serviceDirs = (service: ServiceNode): string[] => [
      path.dirname(service.compose.file.path),
      ...(service.build ? [service.build.context] : []),
    ];

    /** The contract names an unprefixed name stands for: with the prefix, `_` possibly a nesting delimiter. */
    const prefixedForms = (name: string, contract: Contract): string[] =>
      [...contract.names].filter(
        (candidate) =>
          candidate.startsWith(prefix) &&
          (delimiter === '' ? candidate.slice(prefix.length) : candidate.slice(prefix.length).split(delimiter).join('_')) === name,
      );

    const check = (entry: NamedEntry, siblings: ReadonlySet<string>, place: Place, contract: Contract | null): void => {
      const { name, range } = entry;
      const rename = (replacement: string) => (fixer: RuleFixer) => fixer.replaceTextRange(range, replacement);
      const renames = (candidates: readonly string[]) =>
        candidates
          .filter((candidate) => !siblings.has(candidate))
          .map((replacement) => ({ messageId: 'renameTo' as const, data: { name, replacement }, fix: rename(replacement) }));
      const declaredAt = (target: string) => {
        const declaration = contract?.declarations.get(target);
        return declaration ? [{ ...declaration, message: `\`${target}\` is declared here.` }] : [];
      };
      /** One fitting name is a fix when renaming is safe; otherwise every candidate is a suggestion. */
      const reportRename = (messageId: 'legacyName' | 'unprefixedName', candidates: readonly string[], data: Record<string, string>) => {
        const [only] = candidates;
        const fixable = candidates.length === 1 && only !== undefined && entry.renameIsSafe && !siblings.has(only);
        context.report({
          range,
          messageId,
          data,
          fix: fixable ? rename(only) : null,
          suggest: fixable ? null : renames(candidates),
          related: candidates.flatMap(declaredAt),
        });
      };

      if (contract?.names.has(name)) {
        const spec = contract.specs.get(name);
        const expected = spec && entry.value !== null ? valueProblem(entry.value, spec) : undefined;
        if (expected !== undefined) {
          context.report({
            range: entry.valueRange ?? range,
            messageId: 'invalidValue',
            data: { name, expected, source: contract.source },
            related: declaredAt(name),
          });
        }
        return;
      }

      const replacement = Object.hasOwn(legacy, name) ? legacy[name] : undefined;
      if (replacement !== undefined) {
        reportRename('legacyName', [replacement], { name, replacement });
        return;
      }
      if (contract === null) return;
      if (prefix !== '' && !name.startsWith(prefix)) {
        const candidates = prefixedForms(name, contract);
        if (candidates.length > 0) {
          reportRename('unprefixedName', candidates, { name, replacements: candidates.map((c) => `\`${c}\``).join(' or ') });
          return;
        }
      }
      const closest = (): string[] => closestNames(name, contract.names, prefix, delimiter);
      if (prefix !== '' && name.startsWith(prefix)) {
        context.report({ range, messageId: 'unknownSetting', data: { name, source: contract.source }, suggest: renames(closest()) });
        return;
      }
      if (place !== 'environment' || matchesVariablePattern(name, allowed)) return;
      const candidates = closest();
      // Without a prefix, any name may be the app's or another program's: only near-misses are telling.
      if (prefix === '' && candidates.length === 0) return;
      context.report({ range, messageId: 'unknownVariable', data: { name, source: contract.source }, suggest: renames(candidates) });
    };

    const checkAll = (entries: readonly NamedEntry[], place: Place, contract: Contract | null): void => {
      reportUnusableSchema(entries);
      const siblings = new Set(entries.map((entry) => entry.name));
      for (const entry of entries) check(entry, siblings, place, contract);
    };

    return {
      Service(service: ServiceNode) {
        if (!runsTheApp(service)) return;
        const entries = composeEnvironment(service, sourceFile).map((variable) => ({
          name: variable.name,
          range: variable.nameRange,
          renameIsSafe: true,
          value: variable.value,
          valueRange: variable.valueRange,
        }));
        checkAll(entries, 'environment', contractIn(serviceDirs(service)));
      },
      EnvFile(envFile: EnvFileNode) {
        // Only the Compose files that name an env file, when the project can tell: not every one of the run.
        const composeFiles = project.composeFilesNamingEnvFile?.(context.filename) ?? project.composeFiles;
        const users = composeFiles
          .flatMap((compose) => compose.services)
          .filter((service) => runsTheApp(service) && project.envFilesOf(service).some((file) => file.path === context.filename));
        if (users.length === 0) return;
        const entries = envFile.entries
          .filter((entry) => !entry.commented)
          .map((entry) => ({
            name: entry.key,
            range: entry.keyRange,
            renameIsSafe: !isReferenced(sourceFile.text, entry.key),
            value: entry.value,
            valueRange: null,
          }));
        checkAll(entries, 'envFile', contractIn(users.flatMap(serviceDirs)));
      },
      Dockerfile(dockerfile: DockerfileNode) {
        const entries = dockerfile.instructions.flatMap((instruction) => declaredNames(instruction, sourceFile));
        if (entries.length === 0) return;
        const dirs = project
          .buildContextsOf(context.filename)
          .flatMap((buildContext) => [buildContext.dir, ...buildContext.services.map((service) => path.dirname(service.compose.file.path))]);
        checkAll(entries, 'dockerfile', contractIn(dirs));
      },
    };
  },
});

/** The names ENV and ARG instructions declare, with their ranges. */
function declaredNames(instruction: InstructionNode, source: SourceFile): NamedEntry[] {
  if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') return [];
  return instructionProperties(instruction).map(({ name, nameRange, value, valueRange }) => ({
    name,
    range: nameRange,
    renameIsSafe: instruction.keyword === 'ENV' && !isReferenced(source.text, name),
    value,
    valueRange,
  }));
}

/** Whether a text refers to a variable (`$NAME`, `${NAME}`, `${NAME:-default}`). */
function isReferenced(text: string, name: string): boolean {
  if (WORD_NAME.test(name)) return referencedNames(text).has(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`\\$(?:${escaped}(?![A-Za-z0-9_])|\\{${escaped}[}:?+-])`).test(text);
}

/** A name of word characters only: `referencedNames` finds every reference to such a name. */
const WORD_NAME = /^[A-Za-z0-9_]+$/;

/** The last text scanned and the names it refers to: a file's names are all asked about the same text. */
let scanned: { readonly text: string; readonly names: ReadonlySet<string> } | null = null;

/**
 * The word-character names a text refers to: `$NAME` (the longest run of word characters after the
 * `$`) and `${NAME` followed by `}`, `:`, `?`, `+` or `-`; the same references as `isReferenced`'s
 * pattern, found in one pass over the text rather than one per name.
 */
function referencedNames(text: string): ReadonlySet<string> {
  if (scanned?.text === text) return scanned.names;
  const names = new Set<string>();
  for (let dollar = text.indexOf('$'); dollar !== -1; dollar = text.indexOf('$', dollar + 1)) {
    const braced = text.charCodeAt(dollar + 1) === 123; // {
    const start = dollar + (braced ? 2 : 1);
    let end = start;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
    if (end === start) continue;
    if (braced && !'}:?+-'.includes(text.charAt(end) || '\0')) continue;
    names.add(text.slice(start, end));
  }
  scanned = { text, names };
  return names;
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
