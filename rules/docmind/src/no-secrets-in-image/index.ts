import path from 'node:path';
import type { InstructionNode, OffsetRange, ReportDescriptor, RuleFixer, SourceFile } from '@docmind-docker-lint/core';
import { DEFAULT_ALLOWED_NAMES } from '../dockerignore-secrets/default-patterns.js';
import { copyArguments } from '../utils/copy-arguments.js';
import { createRule } from '../utils/create-rule.js';
import { instructionProperties, type InstructionProperty } from '../utils/instruction-properties.js';
import { secretNameMatcher, secretNameOptionSchemas } from '@docmind-docker-lint/core';
import { stageWorkdir } from '../utils/stage-workdir.js';
import { copyPathsOf } from './copy-paths.js';
import { hasUrlWithLiteralPassword } from './credential-urls.js';
import { credentialWritesOf, holdsCredential } from './credential-writes.js';
import { isEnvFile, secretIdOfPath, SecretPaths } from './secret-paths.js';

export type Options = [
  {
    secretNames: string[];
    allowedNames: string[];
    secretFiles: string[];
    allowedFiles: string[];
  },
];
export type MessageIds =
  | 'secretArgDefault'
  | 'secretEnv'
  | 'secretEnvFromArg'
  | 'credentialsInUrl'
  | 'secretFileCopy'
  | 'credentialFileWrite'
  | 'storedCredential'
  | 'removeDefault'
  | 'removeVariable';

type Declaration = InstructionProperty;


export default createRule<MessageIds, Options>({
  name: 'no-secrets-in-image',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Keep secrets out of image layers: no secret ENV or ARG defaults, no COPY of key or credential files, no RUN that leaves credentials behind',
      recommended: true,
      sources: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'], trivy: ['DS031', 'DS-0031'] },
    },
    messages: {
      secretArgDefault:
        'The build argument `{{name}}` looks secret and has a default value, which the Dockerfile and the image history show; declare it without one and mount the secret where it is needed: `RUN --mount=type=secret,id={{id}},env={{name}} ...`.',
      secretEnv:
        '`ENV {{name}}` stores a secret value in the image, where every container and `docker inspect` show it; pass it at run time, or to the one build step that needs it with `RUN --mount=type=secret,id={{id}},env={{name}} ...`.',
      secretEnvFromArg:
        '`ENV {{name}}` copies a build argument into the image, where every container and `docker inspect` show it; pass the secret to the build step that needs it with `RUN --mount=type=secret,id={{id}},env={{name}} ...`.',
      credentialsInUrl:
        '`{{keyword}} {{name}}` holds a URL with a password, which stays in the image; pass the URL at run time, or mount it with `RUN --mount=type=secret,id={{id}},env={{name}} ...`.',
      secretFileCopy:
        '{{keyword}} puts the secret file `{{path}}` into a layer of the image; mount it for the step that needs it instead: `RUN --mount=type=secret,id={{id}},target={{target}} ...`.',
      credentialFileWrite:
        'This RUN leaves credentials in `{{path}}`, which stay in the layer even if a later instruction deletes them; mount them with `RUN --mount=type=secret,id={{id}},target={{target}} ...`, or delete the file in the same RUN.',
      storedCredential:
        '`{{command}}` stores a credential in `{{file}}`, which stays in the layer; mount it with `RUN --mount=type=secret` for the step that needs it, or delete the file in the same RUN.',
      removeDefault: 'Remove the default value of `{{name}}`.',
      removeVariable: 'Remove `{{name}}` from the image and pass it at run time.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...secretNameOptionSchemas('ENV and ARG names'),
          secretFiles: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More credential files, as .dockerignore patterns (`**/service-account.json`), besides the ones `dockerignore-secrets` knows (`.env`, keys, `.netrc`, `.npmrc`, `.ssh/`, ...).',
          },
          allowedFiles: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'File or folder names (any depth) or context-relative paths that may enter the image although they look like secrets; replaces the default list (`.env.example`, `.env.sample`, `.env.template`).',
          },
        },
      },
    ],
    defaultOptions: [{ secretNames: [], allowedNames: [], secretFiles: [], allowedFiles: [...DEFAULT_ALLOWED_NAMES] }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const file = context.sourceFile;
    const isSecretName = secretNameMatcher(options);
    const secretPaths = new SecretPaths(options.secretFiles, options.allowedFiles);

    const reported = new Set<string>();
    const report = (descriptor: ReportDescriptor<MessageIds> & { readonly range: OffsetRange }): void => {
      const key = `${descriptor.messageId}@${descriptor.range.join(':')}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report(descriptor);
    };

    const checkDeclarations = (instruction: InstructionNode): void => {
      const { keyword } = instruction;
      const declarations = declarationsOf(instruction);
      declarations.forEach((declaration, index) => {
        const { name, nameRange, value, valueRange } = declaration;
        const data = { name, id: name.toLowerCase(), keyword };
        if (value === null || value === '' || !valueRange) return;
        // The value without its quotes: output that copies the file's text masks it.
        const secretRanges = [unquotedRange(file, valueRange)];
        if (!isSecretName(name)) {
          if (hasUrlWithLiteralPassword(value)) report({ range: valueRange, messageId: 'credentialsInUrl', data, secretRanges });
          return;
        }
        if (keyword === 'ARG') {
          if (value.includes('$')) return;
          report({
            range: nameRange,
            messageId: 'secretArgDefault',
            data,
            secretRanges,
            suggest: [{ messageId: 'removeDefault', data, fix: (fixer) => fixer.removeRange([nameRange[1], valueRange[1]]) }],
          });
          return;
        }
        report({
          range: nameRange,
          messageId: value.includes('$') ? 'secretEnvFromArg' : 'secretEnv',
          data,
          ...(value.includes('$') ? {} : { secretRanges }),
          suggest: [
            {
              messageId: 'removeVariable',
              data,
              fix: (fixer: RuleFixer) => fixer.removeRange(declarationRemoval(instruction, declarations, index, file)),
            },
          ],
        });
      });
    };

    const checkCopy = (instruction: InstructionNode): void => {
      const { keyword } = instruction;
      const { sources, destination, heredocText } = copyPathsOf(instruction);
      const fromContext = copyArguments(instruction).from === null;
      // Left to dockerignore-secrets, which sees the build context: wildcards and variables (it knows
      // the files they match), and env files copied from the context (it reports them as sent).
      const named = sources.filter(
        (source) => source.kind !== 'path' || !(/[$*?[]/.test(source.value) || (fromContext && isEnvFile(source.value))),
      );
      const copied = named.filter((source) => source.kind === 'path' && secretPaths.isSecret(source.value));
      const workdir = instruction.stage ? stageWorkdir(instruction.stage, instruction) : null;
      const mountTarget = (target: string): string => (target.startsWith('/') ? target : path.posix.join(workdir ?? '<workdir>', target));
      for (const source of copied) {
        report({
          range: source.range,
          messageId: 'secretFileCopy',
          data: { keyword, path: source.value, id: secretIdOfPath(source.value), target: mountTarget(source.target) },
        });
      }
      if (copied.length > 0 || !destination) return;
      // A file made from an example (`COPY .env.example .env`) or from a heredoc without credentials holds no secret.
      const written = named.find(
        (source) =>
          secretPaths.isSecret(source.target) &&
          !(source.kind === 'path' && secretPaths.isAllowed(source.value)) &&
          !(source.kind === 'heredoc' && !holdsCredential(heredocText)),
      );
      if (!written) return;
      report({
        range: destination.range,
        messageId: 'secretFileCopy',
        data: { keyword, path: written.target, id: secretIdOfPath(written.target), target: mountTarget(written.target) },
      });
    };

    const checkRun = (instruction: InstructionNode): void => {
      let cursor = instruction.argsRange[0];
      const locate = (needles: readonly string[]): OffsetRange => {
        for (const needle of needles) {
          const found = file.text.indexOf(needle, cursor);
          if (found !== -1 && found + needle.length <= instruction.range[1]) {
            cursor = found + needle.length;
            return [found, found + needle.length];
          }
        }
        return instruction.argsRange;
      };
      for (const write of credentialWritesOf(instruction, secretPaths)) {
        if (write.kind === 'file') {
          report({
            range: locate([write.path, write.path.replace(/^\$HOME\b/, '${HOME}')]),
            messageId: 'credentialFileWrite',
            data: { path: write.path, id: secretIdOfPath(write.path), target: write.path.replace(/^(~|\$\{?HOME\}?)(?=\/)/, '<home>') },
          });
        } else {
          report({ range: locate([write.needle]), messageId: 'storedCredential', data: { command: write.command, file: write.file } });
        }
      }
    };

    return {
      ARG: checkDeclarations,
      ENV: checkDeclarations,
      COPY: checkCopy,
      ADD: checkCopy,
      RUN: checkRun,
    };
  },
});

/** The declarations of an ENV or ARG, from dockerfile-ast's properties (which read quotes and the legacy `ENV NAME value` form). */
function declarationsOf(instruction: InstructionNode): readonly Declaration[] {
  return instructionProperties(instruction).filter((property) => property.name !== '');
}

/**
 * What to remove to drop one declaration: the whole instruction (with its line break) when it is
 * the only one, else the declaration and the space (or line continuation) that separates it from
 * its neighbour.
 */
function declarationRemoval(instruction: InstructionNode, declarations: readonly Declaration[], index: number, file: SourceFile): OffsetRange {
  const end = (declaration: Declaration): number => declaration.valueRange?.[1] ?? declaration.nameRange[1];
  const current = declarations[index]!;
  const next = declarations[index + 1];
  const previous = declarations[index - 1];
  if (next) return [current.nameRange[0], next.nameRange[0]];
  if (previous) return [end(previous), end(current)];
  const lineStart = file.lineStarts[file.positionAt(instruction.range[0]).line - 1] ?? instruction.range[0];
  const after = file.text.startsWith('\r\n', instruction.range[1]) ? 2 : file.text.startsWith('\n', instruction.range[1]) ? 1 : 0;
  return [lineStart, instruction.range[1] + after];
}

/** A value's range without the quotes around it. */
function unquotedRange(file: SourceFile, range: OffsetRange): OffsetRange {
  const text = file.slice(range);
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0] ? [range[0] + 1, range[1] - 1] : range;
}
