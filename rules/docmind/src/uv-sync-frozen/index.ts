import path from 'node:path';
import { satisfies } from '@renovatebot/pep440';
import {
  DockerignoreMatcher,
  parseImageReference,
  type BuildContext,
  type DockerfileNode,
  type InstructionNode,
  type OffsetRange,
  type ProjectFacts,
  type RelatedReport,
  type RuleFixer,
  type SuggestionReport,
} from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { runCommandWords, type CommandWord, type RunCommand } from '../utils/run-command-words.js';
import { buildEnvironment, isEnabled } from './build-environment.js';
import { defaultGroups, implicitGroups } from './dependency-groups.js';
import { finalStages } from './final-stages.js';
import { LOCK_FILE, LockDelivery, type LockStatus } from './lock-delivery.js';
import { hasOption, readUvCommand, uvPin, type LockCommand, type RequirementsInstall, type UvCommandFacts, type UvPackage } from './uv-command.js';
import { KNOWN_UV_RELEASE, UV_IMAGE } from './uv-release.js';

export type Options = [
  {
    lockFlag: '--frozen' | '--locked';
    allowDevDependencies: boolean;
    uvVersion: string;
  },
];
export type MessageIds =
  | 'notLocked'
  | 'lockMissing'
  | 'lockExcluded'
  | 'requirementsBypassLock'
  | 'devDependencies'
  | 'unpinnedUv'
  | 'unpinnedUvImage'
  | 'addNoDev'
  | 'addNoDefaultGroups'
  | 'copyUvImage'
  | 'pinUv'
  | 'pinUvImage'
  | 'includeLock';

/** Options that make uv upgrade past the lock; `--frozen` and `--locked` refuse them. */
const UPGRADE_OPTIONS = ['-U', '--upgrade', '-P', '--upgrade-package'];

export default createRule<MessageIds, Options>({
  name: 'uv-sync-frozen',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Install a uv project's dependencies from uv.lock as locked: `uv sync --frozen` after the lock is copied, no dev groups in the final stage, a pinned uv",
      recommended: true,
      sources: {},
    },
    messages: {
      notLocked:
        '`{{command}}` may resolve again and rewrite uv.lock during the build, so the image can get other versions than the lock names; add `{{flag}}`.',
      lockMissing:
        '`{{command}}` runs before uv.lock is in the image, so it resolves the dependencies afresh: copy the lock first (`COPY pyproject.toml uv.lock ./`) or bind-mount it (`RUN --mount=type=bind,source=uv.lock,target=uv.lock ...`).',
      lockExcluded:
        '`{{command}}` never sees uv.lock: {{dockerignore}} excludes it from the build context, so the dependencies are resolved afresh.',
      requirementsBypassLock:
        '`{{command}} {{file}}` installs from {{file}}, not from uv.lock, so the image can drift from the locked versions; install with `uv sync {{flag}}`, or write {{file}} from the lock (`uv export {{flag}} -o {{file}}`).',
      devDependencies:
        'Consider `--no-dev`: `{{command}}` in the final stage also installs the default dependency groups ({{groups}}), so test and lint tools ship in the image.',
      unpinnedUv:
        'Consider pinning uv: `{{spec}}` installs whichever uv is newest at build time. Copy it from its image at a version tag (`COPY --from=ghcr.io/astral-sh/uv:<version> /uv /uvx /bin/`) or pin `uv==<version>`.',
      unpinnedUvImage:
        'Consider pinning uv: `{{image}}` names no uv version, so each build may copy another uv release; use a version tag (`ghcr.io/astral-sh/uv:<version>`).',
      addNoDev: 'Add `--no-dev`.',
      addNoDefaultGroups: 'Add `--no-default-groups`.',
      copyUvImage: 'Replace with `COPY --from=ghcr.io/astral-sh/uv:{{version}} /uv /uvx /bin/`.',
      pinUv: 'Pin `uv=={{version}}`.',
      pinUvImage: 'Use `{{image}}`.',
      includeLock: 'Add `!uv.lock` at the end of {{dockerignore}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          lockFlag: {
            type: 'string',
            enum: ['--frozen', '--locked'],
            description:
              'The flag the fix adds: `--frozen` installs the lock as it is; `--locked` also fails the build when the lock is out of date with pyproject.toml.',
          },
          allowDevDependencies: {
            type: 'boolean',
            description: 'Allow `uv sync` in the final stage to install the default dependency groups (an image meant for development).',
          },
          uvVersion: {
            type: 'string',
            pattern: '^([0-9]+\\.[0-9]+\\.[0-9]+)?$',
            description:
              'The uv version suggestions pin. Empty: an exact `tool.uv.required-version`, else a version pinned elsewhere in the Dockerfile, else a recent release.',
          },
        },
      },
    ],
    defaultOptions: [{ lockFlag: '--frozen', allowDevDependencies: false, uvVersion: '' }],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const { project } = context;

    return {
      Dockerfile(dockerfile: DockerfileNode) {
        const contexts = project.buildContextsOf(context.filename);
        const deliveries = contexts
          .filter((buildContext) => project.exists(path.join(buildContext.dir, LOCK_FILE)))
          .map((buildContext) => ({ buildContext, delivery: new LockDelivery(buildContext, project) }));
        const isUvProject = deliveries.length > 0;
        const finals = finalStages(dockerfile, contexts);
        const groups = [...new Set(contexts.flatMap((buildContext) => defaultGroups(buildContext.pyproject)))];
        let suggested: { version: string | null } | undefined;
        const suggestedVersion = (): string | null =>
          (suggested ??= { version: pickUvVersion(options.uvVersion, contexts, dockerfile) }).version;
        let exported = false;

        const lockStatus = (run: InstructionNode, commandIndex: number): { status: LockStatus; context: BuildContext | null } => {
          const statuses = deliveries.map(({ buildContext, delivery }) => ({
            status: delivery.statusAt(run, commandIndex),
            context: buildContext,
          }));
          return (
            statuses.find(({ status }) => status === 'excluded') ??
            statuses.find(({ status }) => status === 'missing') ?? { status: 'reached', context: null }
          );
        };

        const reportLockExcluded = (range: OffsetRange, command: string, buildContext: BuildContext | null): void => {
          const dockerignore = buildContext?.dockerignore ?? null;
          const shown = dockerignore ? path.relative(path.dirname(context.filename), dockerignore.file.path) : '.dockerignore';
          const decidingEntry = dockerignore ? new DockerignoreMatcher(dockerignore.entries).lastMatch(LOCK_FILE) : undefined;
          const related: RelatedReport[] =
            dockerignore && decidingEntry
              ? [{ file: dockerignore.file.path, range: decidingEntry.range, message: `\`${decidingEntry.pattern}\` excludes uv.lock.` }]
              : [];
          const suggest: SuggestionReport<MessageIds>[] = [];
          if (dockerignore) {
            const { text, eol } = dockerignore.file;
            const separator = text === '' || text.endsWith('\n') ? '' : eol;
            suggest.push({
              messageId: 'includeLock',
              data: { dockerignore: shown },
              fix: (fixer) => fixer.replaceTextRangeIn(dockerignore.file.path, [text.length, text.length], `${separator}!${LOCK_FILE}${eol}`),
            });
          }
          context.report({ range, messageId: 'lockExcluded', data: { command, dockerignore: shown }, suggest, related });
        };

        const checkLockCommand = (
          run: InstructionNode,
          command: RunCommand,
          commandIndex: number,
          lock: LockCommand,
          environment: ReadonlyMap<string, string>,
        ): void => {
          const name = `uv ${lock.subcommand}`;
          const range = spanOf([lock.program, lock.subcommandWord], run, command.form);
          const wordRange = lock.subcommandWord.range;
          const addAfterSubcommand = (flag: string) => (fixer: RuleFixer) => {
            if (!wordRange) return null;
            // An exec-form element gets a new element after its closing quote.
            return command.form === 'json'
              ? fixer.insertTextAfterRange([wordRange[0], wordRange[1] + 1], `, "${flag}"`)
              : fixer.insertTextAfterRange(wordRange, ` ${flag}`);
          };
          if (isUvProject) {
            const { status, context: excludedIn } = lockStatus(run, commandIndex);
            if (status === 'excluded') {
              reportLockExcluded(range, name, excludedIn);
            } else if (status === 'missing') {
              context.report({ range, messageId: 'lockMissing', data: { command: name } });
            } else if (!isLocked(lock.options, environment)) {
              const upgrades = hasOption(lock.options, ...UPGRADE_OPTIONS);
              context.report({
                range,
                messageId: 'notLocked',
                data: { command: name, flag: options.lockFlag },
                fix: upgrades ? null : addAfterSubcommand(options.lockFlag),
              });
            }
          }
          if (lock.subcommand !== 'sync' || options.allowDevDependencies || !run.stage || !finals.has(run.stage)) return;
          const installed = implicitGroups(groups, lock.options, environment);
          if (installed.length === 0) return;
          const onlyDev = installed.length === 1 && installed[0] === 'dev';
          context.report({
            range,
            messageId: 'devDependencies',
            data: { command: name, groups: installed.join(', ') },
            suggest: [
              onlyDev
                ? { messageId: 'addNoDev', fix: addAfterSubcommand('--no-dev') }
                : { messageId: 'addNoDefaultGroups', fix: addAfterSubcommand('--no-default-groups') },
            ],
          });
        };

        const checkRequirements = (run: InstructionNode, requirements: RequirementsInstall): void => {
          if (!isUvProject || exported || contexts.some((buildContext) => isLockExport(project, buildContext, requirements.file))) return;
          context.report({
            range: requirements.range ?? run.argsRange,
            messageId: 'requirementsBypassLock',
            data: { command: requirements.command, file: requirements.file, flag: options.lockFlag },
          });
        };

        const checkUvPackage = (run: InstructionNode, facts: UvCommandFacts, uvPackage: UvPackage): void => {
          const range = uvPackage.word.range;
          if (uvPackage.pinned || !range) return;
          const suggest: SuggestionReport<MessageIds>[] = [];
          const version = suggestedVersion();
          if (version !== null) {
            if (installsOnlyUv(run, facts)) {
              const copy = `COPY --from=${UV_IMAGE}:${version} /uv /uvx /bin/`;
              suggest.push({ messageId: 'copyUvImage', data: { version }, fix: (fixer) => fixer.replaceTextRange(run.range, copy) });
            }
            const specRange = extendOverVersionText(run, range);
            suggest.push({
              messageId: 'pinUv',
              data: { version },
              fix: (fixer) => fixer.replaceTextRange(specRange, `uv==${version}`),
            });
          }
          context.report({ range, messageId: 'unpinnedUv', data: { spec: uvPackage.word.value }, suggest });
        };

        const checkUvImageCopy = (copy: InstructionNode): void => {
          const from = copy.flags.find((flag) => flag.name === 'from');
          if (!from?.value || !from.valueRange || from.value.includes('$')) return;
          const reference = parseImageReference(from.value);
          if (`${reference.registry}/${reference.name}` !== UV_IMAGE || reference.digest !== null) return;
          if (reference.tag !== null && /^\d+\.\d+/.test(reference.tag)) return;
          const suggest: SuggestionReport<MessageIds>[] = [];
          const version = suggestedVersion();
          if (version !== null) {
            const variant = reference.tag === null || reference.tag === 'latest' ? '' : `-${reference.tag}`;
            const image = `${UV_IMAGE}:${version}${variant}`;
            const valueRange = from.valueRange;
            suggest.push({ messageId: 'pinUvImage', data: { image }, fix: (fixer) => fixer.replaceTextRange(valueRange, image) });
          }
          context.report({ range: from.valueRange, messageId: 'unpinnedUvImage', data: { image: from.value }, suggest });
        };

        for (const instruction of dockerfile.instructions) {
          if (instruction.keyword === 'COPY') checkUvImageCopy(instruction);
          if (instruction.keyword !== 'RUN' || !instruction.stage) continue;
          // The environment is built only for a command that reads it (a lock command): most RUNs have none.
          let environment: Map<string, string> | null = null;
          const exports: string[] = [];
          const environmentHere = (): Map<string, string> => {
            if (!environment) {
              environment = buildEnvironment(instruction);
              for (const assignment of exports) setAssignment(environment, assignment);
            }
            return environment;
          };
          runCommandWords(instruction).forEach((command, commandIndex) => {
            const facts = readUvCommand(command);
            for (const uvPackage of facts.uvPackages) checkUvPackage(instruction, facts, uvPackage);
            for (const requirements of facts.requirements) checkRequirements(instruction, requirements);
            if (facts.lockCommand) {
              const commandEnvironment = new Map(environmentHere());
              for (const assignment of command.assignments) setAssignment(commandEnvironment, assignment.value);
              checkLockCommand(instruction, command, commandIndex, facts.lockCommand, commandEnvironment);
              if (facts.lockCommand.subcommand === 'export') exported = true;
            }
            // `export UV_FROZEN=1 && uv sync`: the shell keeps it for the rest of the RUN.
            if (command.words[0]?.value === 'export') {
              for (let index = 1; index < command.words.length; index++) {
                const assignment = command.words[index]!.value;
                if (environment) setAssignment(environment, assignment);
                else exports.push(assignment);
              }
            }
          });
        }
      },
    };
  },
});

/** `--frozen` / `--locked`, or `UV_FROZEN` / `UV_LOCKED` set for the command. */
function isLocked(options: readonly CommandWord[], environment: ReadonlyMap<string, string>): boolean {
  return (
    hasOption(options, '--frozen', '--locked') ||
    isEnabled(environment.get('UV_FROZEN')) ||
    isEnabled(environment.get('UV_LOCKED'))
  );
}

function setAssignment(environment: Map<string, string>, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq > 0) environment.set(assignment.slice(0, eq), assignment.slice(eq + 1));
}

/** From the first to the last placed word (exec-form elements with their quotes); the RUN's arguments when none is placed. */
function spanOf(words: readonly CommandWord[], run: InstructionNode, form: RunCommand['form']): OffsetRange {
  const ranges = words.map((word) => word.range).filter((range): range is OffsetRange => range !== null);
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return run.argsRange;
  const quote = form === 'json' ? 1 : 0;
  return [first[0] - quote, last[1] + quote];
}

/** A requirements file in the context that `uv export` wrote (its header names the command). */
function isLockExport(project: ProjectFacts, buildContext: BuildContext, file: string): boolean {
  const candidates = path.posix.isAbsolute(file) ? [path.posix.basename(file)] : [file, path.posix.basename(file)];
  return candidates.some((candidate) => {
    const absolute = path.resolve(buildContext.dir, candidate);
    if (!absolute.startsWith(buildContext.dir) || buildContext.isExcluded(candidate)) return false;
    const header = project.readText(absolute)?.split(/\r?\n/).slice(0, 5).join('\n');
    return header !== undefined && /^#.*\buv export\b/m.test(header);
  });
}

/** The RUN does nothing but install uv with pip (so a COPY of uv can replace the whole instruction). */
function installsOnlyUv(run: InstructionNode, facts: UvCommandFacts): boolean {
  return runCommandWords(run).length === 1 && facts.packages.length === 1 && facts.uvPackages.length === 1 && facts.requirements.length === 0;
}

/** A version text shell-split off an unquoted spec (`uv>=0.5` is `uv` and a redirect) goes with it. */
function extendOverVersionText(run: InstructionNode, range: OffsetRange): OffsetRange {
  const rest = run.dockerfile.file.text.slice(range[1], run.range[1]);
  const version = /^[<>=!~]=?[^\s;&|'"]*/.exec(rest);
  return version ? [range[0], range[1] + version[0].length] : range;
}

/**
 * The uv version suggestions pin: the option, an exact `tool.uv.required-version`, a version pinned
 * elsewhere in the Dockerfile, or a recent release; `null` when that one does not satisfy
 * `required-version`.
 */
function pickUvVersion(option: string, contexts: readonly BuildContext[], dockerfile: DockerfileNode): string | null {
  const required = contexts.map((buildContext) => requiredUvVersion(buildContext)).find((value) => value !== null) ?? null;
  const exact = required === null ? null : (/^\s*===?\s*(\d+\.\d+\.\d+)\s*$/.exec(required)?.[1] ?? null);
  const candidate = option || exact || pinnedInDockerfile(dockerfile) || KNOWN_UV_RELEASE;
  return required === null || satisfies(candidate, required) ? candidate : null;
}

function requiredUvVersion(buildContext: BuildContext): string | null {
  const tool = buildContext.pyproject?.data?.['tool'];
  const uv = typeof tool === 'object' && tool !== null ? (tool as Record<string, unknown>)['uv'] : undefined;
  const value = typeof uv === 'object' && uv !== null ? (uv as Record<string, unknown>)['required-version'] : undefined;
  return typeof value === 'string' ? value : null;
}

/** A uv version the Dockerfile already pins: `COPY --from=ghcr.io/astral-sh/uv:X.Y.Z` or `uv==X.Y.Z`. */
function pinnedInDockerfile(dockerfile: DockerfileNode): string | null {
  for (const instruction of dockerfile.instructions) {
    const from = instruction.flags.find((flag) => flag.name === 'from')?.value;
    const tagged = from ? new RegExp(`^${UV_IMAGE.replace(/\./g, '\\.')}:(\\d+\\.\\d+\\.\\d+)`).exec(from) : null;
    if (tagged) return tagged[1]!;
    if (instruction.keyword !== 'RUN') continue;
    for (const command of runCommandWords(instruction)) {
      for (const word of command.words) {
        const pinned = uvPin(word.value) ? /==\s*(\d+\.\d+\.\d+)$/.exec(word.value) : null;
        if (pinned) return pinned[1]!;
      }
    }
  }
  return null;
}
