import {
  expandVariables,
  nodeRange,
  type BuildContext,
  type DockerfileNode,
  type FixFunction,
  type OffsetRange,
  type ProjectFacts,
  type RuleFixer,
  type ServiceNode,
  type SourceFile,
  type StageNode,
  type SuggestionReport,
} from '@docmind-docker-lint/core';
import { isScalar, type Pair } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { matchesImagePatterns } from './image-patterns.js';
import type { TextInsertion } from '../utils/stage-end-insertion.js';
import { hasBuildStepsAfter, insertAtStageEnd, insertionSetsUser, isPlainUserName, replaceInstruction } from './placement.js';
import { isPackageUser } from './package-users.js';
import { collectStageFacts, isRootUser, windowsBuiltinUser, type StageFacts, type UserSetting } from './stage-facts.js';
import { createUserCommand, isWindowsImage, numericUserFor, toolNames, userToolsOf } from './user-tools.js';

export type Options = [
  {
    /** The system user (and group) the fix creates. */
    user: string;
    /** Images known to run as a non-root user. */
    images: string[];
    /** Users that base images provide, so a USER naming one needs no useradd. */
    knownUsers: string[];
    /** Report USER instructions naming a user the Dockerfile never creates. */
    reportUnknownUsers: boolean;
  },
];
export type MessageIds =
  | 'missingUser'
  | 'rootUser'
  | 'windowsAdministrator'
  | 'unknownUser'
  | 'rootComposeUser'
  | 'createUser'
  | 'switchUser'
  | 'removeComposeUser';

/** Images that run as a non-root user without a USER of their own. */
export const DEFAULT_NON_ROOT_IMAGES = ['*:nonroot', '*:*-nonroot', 'cgr.dev/chainguard/*', '!cgr.dev/chainguard/*-dev'];
/** Users that common base images create. */
export const DEFAULT_KNOWN_USERS = [
  'nobody', 'nonroot', 'daemon', 'bin', 'www-data', 'node', 'nginx', 'postgres', 'redis', 'mysql',
  'mongodb', 'ubuntu', 'mambauser', 'jovyan',
];

export default createRule<MessageIds, Options>({
  name: 'non-root-user',
  meta: {
    type: 'problem',
    docs: {
      description: 'The container must not run as root: the built stage ends with a non-root USER, and Compose does not switch it back to root.',
      recommended: true,
      sources: {
        hadolint: ['DL3002'],
        checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
        trivy: ['DS002', 'DS-0002'],
        kics: ['fd54f200-402c-4333-a5a4-36ef6709af2f'],
      },
    },
    messages: {
      missingUser: 'The stage that gets built ({{stage}}) sets no USER, so the container runs as root.',
      rootUser: 'USER {{user}} is root, and it is the user the container runs as.',
      windowsAdministrator:
        'USER {{user}} is the Windows administrator, and it is the user the container runs as; ContainerUser is the unprivileged user of Windows images.',
      unknownUser: "USER {{user}}: no useradd or adduser in this stage (or the stages it is built from) creates '{{user}}', and it is not a user the base image is known to have.",
      rootComposeUser: "Service '{{service}}' runs its container as root (user: {{user}}).",
      createUser: "Create the system user '{{user}}' with {{tools}}, hand it the WORKDIR, and switch to it.",
      switchUser: 'Switch to the user {{user}}.',
      removeComposeUser: "Remove 'user: {{user}}' so the image's own USER {{imageUser}} applies.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          user: {
            type: 'string',
            pattern: '^[a-z_][a-z0-9_-]*$',
            description: 'Name of the system user and group the fix creates.',
          },
          images: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Images that run as a non-root user by themselves (`*` matches anything, a leading `!` excludes, the last match wins), matched as `[registry/]name:tag`. Replaces the default list.',
          },
          knownUsers: {
            type: 'array',
            items: { type: 'string' },
            description: 'Users that base images already have, so USER may name them without a useradd. Replaces the default list.',
          },
          reportUnknownUsers: {
            type: 'boolean',
            description: 'Report a USER that names a user the Dockerfile never creates.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        user: 'app',
        images: DEFAULT_NON_ROOT_IMAGES,
        knownUsers: DEFAULT_KNOWN_USERS,
        reportUnknownUsers: true,
      },
    ],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const file = context.sourceFile;
    const reported = new Set<string>();
    type Descriptor = Parameters<typeof context.report>[0] & { readonly range: OffsetRange };
    const report = (descriptor: Descriptor): void => {
      const key = `${descriptor.messageId}@${descriptor.range.join(':')}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report(descriptor);
    };

    /**
     * The fix that applies `insertion`, when the text it gives really ends the stage with `USER user`
     * (see `insertionSetsUser`); else none.
     */
    const userFix = (stage: StageNode, insertion: TextInsertion, user: string): FixFunction | null =>
      insertionSetsUser(file, stage, insertion, user) ? (fixer: RuleFixer) => fixer.replaceTextRange(insertion.range, insertion.text) : null;

    /**
     * Ways to make a stage switch to a non-root user, with `lines` placed by `place`: `safe` is the
     * one to apply when the image's tools are known; `choices` are for a person to pick from.
     */
    const remedies = (
      facts: StageFacts,
      place: (lines: readonly string[]) => TextInsertion,
    ): { safe: SuggestionReport<MessageIds> | null; choices: SuggestionReport<MessageIds>[] } => {
      const createUser = (tools: 'shadow' | 'busybox'): SuggestionReport<MessageIds> | null => {
        const fix = userFix(facts.stage, place([`RUN ${createUserCommand(tools, options.user, facts.workdir)}`, `USER ${options.user}`]), options.user);
        return fix && { messageId: 'createUser', data: { user: options.user, tools: toolNames(tools) }, fix };
      };
      const tools = userToolsOf(facts);
      if (tools === 'shadow' || tools === 'busybox') {
        const safe = createUser(tools);
        return { safe, choices: [] };
      }
      if (tools === 'unknown') return { safe: null, choices: [createUser('shadow'), createUser('busybox')].filter((choice) => choice !== null) };
      const user = numericUserFor(facts);
      const fix = userFix(facts.stage, place([`USER ${user}`]), user);
      return { safe: null, choices: fix ? [{ messageId: 'switchUser', data: { user }, fix }] : [] };
    };

    const checkMissingUser = (facts: StageFacts): void => {
      if (facts.baseImage && matchesImagePatterns(facts.baseImage, options.images)) return;
      const imageArgument = facts.stage.from.args.find((argument) => !argument.value.startsWith('--'));
      const range = imageArgument?.range ?? facts.stage.from.keywordRange;
      const stage = facts.stage.name ?? imageArgument?.value ?? String(facts.stage.index);
      const atEnd = (lines: readonly string[]): TextInsertion => insertAtStageEnd(facts.stage, file, lines);
      const created = facts.createdUsers.at(-1);
      // A name the stage's RUN text yields that would not read back after `USER ` is not used.
      if (created && isPlainUserName(created)) {
        report({ range, messageId: 'missingUser', data: { stage }, fix: userFix(facts.stage, atEnd([`USER ${created}`]), created) });
        return;
      }
      const { safe, choices } = remedies(facts, atEnd);
      report({ range, messageId: 'missingUser', data: { stage }, fix: safe?.fix ?? null, suggest: choices });
    };

    const checkRootUser = (facts: StageFacts, setting: UserSetting): void => {
      const user = setting.value !== null && setting.value !== setting.raw ? `${setting.raw} (${setting.value})` : setting.raw;
      const replaceable = setting.instruction.stage === facts.stage && !hasBuildStepsAfter(facts.stage, setting.instruction);
      const earlier = facts.users
        .slice(0, facts.users.indexOf(setting))
        .reverse()
        .find((candidate) => candidate.value !== null && !isRootUser(candidate.value));
      const switchTo = earlier?.value ?? facts.createdUsers.at(-1);
      if (switchTo && isPlainUserName(switchTo)) {
        const insertion = replaceable ? { range: setting.range, text: switchTo } : insertAtStageEnd(facts.stage, file, [`USER ${switchTo}`]);
        report({ range: setting.userRange, messageId: 'rootUser', data: { user }, fix: userFix(facts.stage, insertion, switchTo) });
        return;
      }
      const place = (lines: readonly string[]): TextInsertion =>
        replaceable ? replaceInstruction(setting.instruction, file, lines) : insertAtStageEnd(facts.stage, file, lines);
      const { safe, choices } = remedies(facts, place);
      report({ range: setting.userRange, messageId: 'rootUser', data: { user }, suggest: safe ? [safe] : choices });
    };

    const checkWindowsAdministrator = (facts: StageFacts, setting: UserSetting): void => {
      const user = 'ContainerUser';
      const replaceable = setting.instruction.stage === facts.stage && !hasBuildStepsAfter(facts.stage, setting.instruction);
      const insertion = replaceable ? { range: setting.range, text: user } : insertAtStageEnd(facts.stage, file, [`USER ${user}`]);
      const fix = userFix(facts.stage, insertion, user);
      report({
        range: setting.userRange,
        messageId: 'windowsAdministrator',
        data: { user: setting.raw },
        suggest: fix ? [{ messageId: 'switchUser', data: { user }, fix }] : [],
      });
    };

    const checkBuiltStage = (facts: StageFacts): void => {
      const last = facts.users.at(-1);
      if (last?.user && windowsBuiltinUser(last.user) === 'administrator') {
        checkWindowsAdministrator(facts, last);
        return;
      }
      if (facts.baseImage && isWindowsImage(facts.baseImage)) return;
      if (!last) checkMissingUser(facts);
      else if (last.value !== null && isRootUser(last.value)) checkRootUser(facts, last);
    };

    const checkUnknownUsers = (facts: StageFacts): void => {
      if (facts.copiesPasswd) return;
      for (const setting of facts.users) {
        const { user } = setting;
        if (setting.instruction.stage !== facts.stage || user === null || isRootUser(user) || /^\d+$/.test(user)) continue;
        if (facts.createdUsers.includes(user) || options.knownUsers.includes(user)) continue;
        // Windows images have both; a package installs the daemon user it runs as.
        if (windowsBuiltinUser(user) !== null || isPackageUser(user, facts.installedPackages)) continue;
        report({ range: setting.userRange, messageId: 'unknownUser', data: { user } });
      }
    };

    return {
      Dockerfile(dockerfile) {
        const built = builtStages(dockerfile, context.project.buildContextsOf(context.filename));
        const factsOf = (stage: StageNode): StageFacts => collectStageFacts(stage, built.get(stage) ?? {});
        const facts = new Map([...built.keys()].map((stage) => [stage, factsOf(stage)]));
        for (const stageFacts of facts.values()) checkBuiltStage(stageFacts);
        if (!options.reportUnknownUsers) return;
        for (const stage of dockerfile.stages) checkUnknownUsers(facts.get(stage) ?? factsOf(stage));
      },
      Service(service) {
        const pair = service.value?.items.find((item) => isScalar(item.key) && item.key.value === 'user');
        const value = pair?.value;
        if (!pair || !isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number')) return;
        const user = String(value.value);
        // Compose interpolates `${VAR:-default}`; with nothing set, the default is what runs.
        if (!isRootUser(expandVariables(user, () => undefined) ?? user)) return;
        const imageUser = builtImageUser(service, context.project);
        const removal = imageUser ? lineRangeOfPair(pair, file) : null;
        const suggest: SuggestionReport<MessageIds>[] =
          imageUser && removal
            ? [{ messageId: 'removeComposeUser', data: { user, imageUser }, fix: (fixer) => fixer.removeRange(removal) }]
            : [];
        report({ range: nodeRange(value), messageId: 'rootComposeUser', data: { service: service.name, user }, suggest });
      },
    };
  },
});

/**
 * The stages that get built, with their Compose build args: the targets of the Compose services that
 * build this Dockerfile (the last stage for a service without one), else the last stage.
 */
function builtStages(
  dockerfile: DockerfileNode,
  contexts: readonly BuildContext[],
): Map<StageNode, Readonly<Record<string, string>>> {
  const built = new Map<StageNode, Readonly<Record<string, string>>>();
  const last = dockerfile.stages.at(-1);
  if (!last) return built;
  for (const service of contexts.flatMap((buildContext) => buildContext.services)) {
    const stage = targetStage(dockerfile, service.build?.target ?? null);
    if (stage && !built.has(stage)) built.set(stage, service.build?.args ?? {});
  }
  if (built.size === 0) built.set(last, {});
  return built;
}

function targetStage(dockerfile: DockerfileNode, target: string | null): StageNode | undefined {
  if (target === null) return dockerfile.stages.at(-1);
  return dockerfile.stages.find((stage) => stage.name?.toLowerCase() === target.toLowerCase());
}

/** The non-root user the image a service builds ends with, when the Dockerfile says so. */
function builtImageUser(service: ServiceNode, project: ProjectFacts): string | null {
  const dockerfile = project.dockerfileOf(service);
  const stage = dockerfile && targetStage(dockerfile, service.build?.target ?? null);
  if (!dockerfile || !stage) return null;
  const last = collectStageFacts(stage, service.build?.args ?? {}).users.at(-1);
  return last?.value && !isRootUser(last.value) ? last.value : null;
}

/** The whole lines a block-style `key: value` pair takes, when nothing else shares them. */
function lineRangeOfPair(pair: Pair, file: SourceFile): OffsetRange | null {
  if (!isScalar(pair.key) || !isScalar(pair.value)) return null;
  const keyStart = nodeRange(pair.key)[0];
  const valueEnd = nodeRange(pair.value)[1];
  const firstLine = file.positionAt(keyStart).line - 1;
  const lastLine = file.positionAt(valueEnd).line - 1;
  const lineStart = file.lineStarts[firstLine]!;
  if (file.text.slice(lineStart, keyStart).trim() !== '') return null;
  const rest = file.text.slice(valueEnd, file.lineEndOffset(lastLine)).trim();
  if (rest !== '' && !rest.startsWith('#')) return null;
  return [lineStart, file.lineStarts[lastLine + 1] ?? file.text.length];
}
