import path from 'node:path';
import {
  parseImageReference,
  resolveImage,
  type BuildContext,
  type DockerfileNode,
  type OffsetRange,
  type PyprojectNode,
  type RelatedReport,
  type RuleFixer,
  type StageNode,
  type SuggestionReport,
} from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { serviceBuildArgs, type ServiceBuildArg } from './compose-build-args.js';
import {
  bareVersionOf,
  constraintFromOption,
  constraintFromPyproject,
  constraintFromPythonVersion,
  minorOf,
  newestSatisfying,
  newestStableMinor,
  precisionOf,
  satisfiesSpecifier,
  type PythonConstraint,
} from './python-constraint.js';
import { findVersion, pythonImages, repositoryOf, type CustomImageOption, type PythonImage } from './python-images.js';
import { editLocation, reportLocation, traceImage, type TracedImage } from './traced-image.js';

export type Options = [
  {
    readonly requires?: string;
    readonly images?: readonly CustomImageOption[];
  },
];

export type MessageIds =
  | 'outsideConstraint'
  | 'noVersion'
  | 'majorOnly'
  | 'stagesDiffer'
  | 'sourcesDisagree'
  | 'useImage'
  | 'useImageWithoutDigest'
  | 'alignStages'
  | 'updatePythonVersion';

/** A Python image of one stage, resolved for one build (its ARG defaults and build args). */
interface StageImage {
  readonly stage: StageNode;
  readonly image: PythonImage;
  /** The reference with variables expanded. */
  readonly text: string;
  readonly trace: TracedImage | null;
  /** Where problems go when the trace cannot place them: the FROM image argument. */
  readonly fallback: OffsetRange;
  readonly parts: ReferenceParts;
  /** The Python version in the tag, as offsets into `text`. */
  readonly version: { readonly text: string; readonly start: number; readonly end: number } | null;
  readonly buildArgs: ReadonlyMap<string, ServiceBuildArg>;
}

/** Offsets into a reference `name[:tag][@digest]`. */
interface ReferenceParts {
  readonly nameEnd: number;
  /** After the `:`; `null` without a tag. */
  readonly tagStart: number | null;
  readonly tagEnd: number;
  /** At the `@`; `null` without a digest. */
  readonly digestStart: number | null;
}

/** A rewrite of `[start, end)` of a resolved reference. */
interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const NO_CONSTRAINT = 'nothing (no requires-python, .python-version or "requires" option)';

export default createRule<MessageIds, Options>({
  name: 'python-version-pin',
  meta: {
    type: 'problem',
    docs: {
      description: "The Python of every stage's base image must satisfy the project's declared Python, pinned to a minor.",
      recommended: true,
      sources: { hadolint: ['DL3006', 'DL3007'] },
    },
    messages: {
      outsideConstraint: '`{{image}}` runs Python {{version}}, which does not satisfy {{constraint}}.',
      noVersion: '`{{image}}` names no Python version, so its Python changes with each release. Declared: {{constraint}}.',
      majorOnly: '`{{image}}` pins only Python {{version}}, so it moves to each new minor release. Declared: {{constraint}}.',
      stagesDiffer:
        'Stage {{stage}} runs Python {{version}} but stage {{otherStage}} runs Python {{otherVersion}}: a virtual environment or wheels built in one do not work in the other.',
      sourcesDisagree:
        '{{pythonVersion}} asks for Python {{version}}, which does not satisfy requires-python {{specifier}}: local runs and the image would use different Pythons.',
      useImage: 'Use `{{image}}`.',
      useImageWithoutDigest:
        "Use `{{image}}` and drop the digest, which names the old image (pin the new image's digest after pulling it).",
      alignStages: 'Use Python {{version}}, as stage {{otherStage}} does.',
      updatePythonVersion: 'Change .python-version to {{version}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requires: {
            type: 'string',
            description:
              'The Python the images must satisfy, as a PEP 440 specifier (">=3.11,<3.12") or a version ("3.11" means any 3.11.x). Overrides pyproject.toml and .python-version.',
          },
          images: {
            type: 'array',
            description: 'More images that carry CPython, and how their tag names the version (checked before the built-in ones).',
            items: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                  description: 'The image repository, without tag: "ghcr.io/acme/python-base", "acme/python".',
                },
                versionPattern: {
                  type: 'string',
                  description:
                    'A regular expression run on the tag, with a group named "version" that captures the Python version: "^py(?<version>\\\\d+\\\\.\\\\d+)-".',
                },
              },
              required: ['name', 'versionPattern'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ images: [] }],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const images = pythonImages(options.images ?? []);
    const required = options.requires === undefined ? null : constraintFromOption(options.requires);
    const reported = new Set<string>();

    /** The constraint of a build context: the option, else requires-python, else .python-version. */
    const constraintOf = (buildContext: BuildContext): PythonConstraint | null => {
      const fromDir = path.dirname(context.filename);
      return (
        required ??
        constraintFromPyproject(buildContext.pyproject, fromDir) ??
        constraintFromPythonVersion(buildContext.pythonVersion, fromDir)
      );
    };

    /** Reports once: several builds of one Dockerfile often share a problem. */
    const reportOnce = (descriptor: Parameters<typeof context.report>[0], key: unknown): void => {
      const id = JSON.stringify([descriptor.messageId, descriptor.range, descriptor.data, key]);
      if (reported.has(id)) return;
      reported.add(id);
      context.report(descriptor);
    };

    const stageImage = (
      stage: StageNode,
      dockerfile: DockerfileNode,
      buildArgs: ReadonlyMap<string, ServiceBuildArg>,
    ): StageImage | null => {
      if (!stage.image) return null;
      const imageArg = stage.from.args.find((argument) => argument.range[0] === stage.image?.range[0]);
      if (!imageArg) return null;
      const trace = traceImage(imageArg, dockerfile, buildArgs);
      const text = trace?.text ?? resolveImage(imageArg, dockerfile, argValues(buildArgs)).resolved;
      const parts = referenceParts(text);
      const repository = repositoryOf(parseImageReference(text));
      const image = images.find((candidate) => candidate.repository === repository);
      if (!image) return null;
      if (parts.digestStart !== null && parts.tagStart === null) return null;
      const tag = parts.tagStart === null ? null : text.slice(parts.tagStart, parts.tagEnd);
      const found = tag === null ? null : findVersion(image, tag);
      if (!found && image.unversioned === 'ignore') return null;
      const versionStart = (parts.tagStart ?? 0) + (found?.start ?? 0);
      return {
        stage,
        image,
        text,
        trace,
        fallback: imageArg.range,
        parts,
        version: found ? { text: found.text, start: versionStart, end: versionStart + found.text.length } : null,
        buildArgs,
      };
    };

    const locate = (image: StageImage, start: number, end: number): OffsetRange =>
      (image.trace && reportLocation(image.trace, start, end)) ?? image.fallback;

    /** Related locations: the declaration, and the Compose build args the reported text came from. */
    const relatedOf = (image: StageImage, start: number, end: number, constraint: PythonConstraint | null): RelatedReport[] => {
      const related = constraint?.related ? [constraint.related] : [];
      const names = new Set(
        (image.trace?.chars.slice(start, Math.max(end, start + 1)) ?? [])
          .map((char) => char.segment)
          .filter((segment) => segment.startsWith('build-arg:'))
          .map((segment) => segment.slice('build-arg:'.length)),
      );
      for (const name of names) {
        const arg = image.buildArgs.get(name);
        if (arg) related.push(arg.related);
      }
      return related;
    };

    /** The file edits of a change, or `null` when its text cannot be edited in place. */
    const editsOf = (image: StageImage, changes: readonly Change[]) => {
      if (!image.trace) return null;
      const edits = [];
      for (const change of changes) {
        const location = editLocation(image.trace, change.start, change.end);
        if (!location) return null;
        edits.push({ ...location, text: change.text });
      }
      return edits;
    };

    /**
     * Reports a problem of one stage's image, with the change that repairs it: a fix when the
     * declared Python decides the version and no digest pins the image, else a suggestion.
     */
    const reportImage = (
      image: StageImage,
      problem: { messageId: MessageIds; data: Record<string, string>; start: number; end: number },
      change: Change | null,
      constraint: PythonConstraint | null,
    ): void => {
      const { digestStart } = image.parts;
      const changes = change ? [change] : [];
      if (change && digestStart !== null) changes.push({ start: digestStart, end: image.text.length, text: '' });
      const edits = change ? editsOf(image, changes) : null;
      const replaced = applyChanges(image.text, changes);
      const fix = edits
        ? (fixer: RuleFixer) =>
            edits.map((edit) => fixer.replaceTextRangeIn(edit.file, edit.range, edit.text))
        : null;
      const automatic = constraint !== null && digestStart === null;
      const suggestion: SuggestionReport<MessageIds> | null = fix && {
        messageId: digestStart === null ? 'useImage' : 'useImageWithoutDigest',
        data: { image: replaced },
        fix,
      };
      reportOnce(
        {
          range: locate(image, problem.start, problem.end),
          messageId: problem.messageId,
          data: problem.data,
          fix: automatic ? fix : null,
          suggest: !automatic && suggestion ? [suggestion] : null,
          related: relatedOf(image, problem.start, problem.end, constraint),
        },
        edits,
      );
    };

    /** Checks one stage's image; returns whether its version is fine (pinned to a minor or a release that fits). */
    const checkImage = (image: StageImage, constraint: PythonConstraint | null): boolean => {
      const declared = constraint?.label ?? NO_CONSTRAINT;
      const { version, parts, text } = image;
      if (!version) {
        const target = constraint ? newestSatisfying(constraint.specifier, 'minor') : newestStableMinor();
        const tag = parts.tagStart === null ? '' : text.slice(parts.tagStart, parts.tagEnd);
        const [start, end] = tag === '' ? [0, parts.nameEnd] : [parts.tagStart!, parts.tagEnd];
        reportImage(image, { messageId: 'noVersion', data: { image: text, constraint: declared }, start, end }, versionInsertion(image, target), constraint);
        return false;
      }
      const precision = precisionOf(version.text);
      if (precision === 'major') {
        const target = constraint ? newestSatisfying(constraint.specifier, 'minor') : newestStableMinor();
        const change = target === null ? null : { start: version.start, end: version.end, text: target };
        reportImage(image, { messageId: 'majorOnly', data: { image: text, version: version.text, constraint: declared }, ...version }, change, constraint);
        return false;
      }
      if (constraint && !satisfiesSpecifier(version.text, constraint.specifier)) {
        const target = newestSatisfying(constraint.specifier, precision);
        const change = target === null ? null : { start: version.start, end: version.end, text: target };
        reportImage(
          image,
          { messageId: 'outsideConstraint', data: { image: text, version: version.text, constraint: declared }, ...version },
          change,
          constraint,
        );
        return false;
      }
      return true;
    };

    /** Where a version goes in a tag that has none (official images only: `slim` -> `3.11-slim`). */
    const versionInsertion = (image: StageImage, target: string | null): Change | null => {
      const { parts, text } = image;
      if (target === null || image.image.unversioned !== 'prefix') return null;
      if (parts.tagStart === null) return { start: parts.nameEnd, end: parts.nameEnd, text: `:${target}` };
      const tag = text.slice(parts.tagStart, parts.tagEnd);
      if (tag === '' || tag === 'latest') return { start: parts.tagStart, end: parts.tagEnd, text: target };
      return { start: parts.tagStart, end: parts.tagStart, text: `${target}-` };
    };

    /** Stages whose versions are fine on their own must still agree on the minor. */
    const compareStages = (fine: readonly StageImage[]): void => {
      const [first, ...others] = fine;
      if (!first?.version) return;
      for (const other of others) {
        const version = other.version!;
        if (minorOf(version.text) === minorOf(first.version.text)) continue;
        const change = { start: version.start, end: version.end, text: first.version.text };
        const edits = editsOf(other, [change]);
        const otherStage = stageLabel(first.stage);
        reportOnce(
          {
            range: locate(other, version.start, version.end),
            messageId: 'stagesDiffer',
            data: { stage: stageLabel(other.stage), version: version.text, otherStage, otherVersion: first.version.text },
            suggest: edits && [
              {
                messageId: 'alignStages',
                data: { version: first.version.text, otherStage },
                fix: (fixer) => edits.map((edit) => fixer.replaceTextRangeIn(edit.file, edit.range, edit.text)),
              },
            ],
            related: relatedOf(other, version.start, version.end, null),
          },
          edits,
        );
      }
    };

    return {
      'Dockerfile:exit'(dockerfile) {
        for (const buildContext of context.project.buildContextsOf(context.filename)) {
          const constraint = constraintOf(buildContext);
          const builds = buildContext.services.length > 0 ? buildContext.services.map(serviceBuildArgs) : [new Map()];
          for (const buildArgs of builds) {
            const fine: StageImage[] = [];
            for (const stage of dockerfile.stages) {
              const image = stageImage(stage, dockerfile, buildArgs);
              if (image && checkImage(image, constraint)) fine.push(image);
            }
            compareStages(fine);
          }
        }
      },
      Pyproject(pyproject) {
        if (required) return;
        reportDisagreement(pyproject);
      },
    };

    /** `.python-version` beside a pyproject must name a Python its requires-python accepts. */
    function reportDisagreement(pyproject: PyprojectNode): void {
      const dir = path.dirname(pyproject.file.path);
      const constraint = constraintFromPyproject(pyproject, dir);
      const file = context.project.getFile(path.join(dir, '.python-version'));
      if (!constraint || !pyproject.requiresPython || file?.type !== 'PythonVersion' || !file.version) return;
      const version = bareVersionOf(file.version.value);
      if (version === null || satisfiesSpecifier(version, constraint.specifier)) return;
      const target = newestSatisfying(constraint.specifier, precisionOf(version) === 'patch' ? 'patch' : 'minor');
      const written = file.version;
      context.report({
        range: pyproject.requiresPython.range,
        messageId: 'sourcesDisagree',
        data: {
          pythonVersion: `.python-version:${file.file.positionAt(written.range[0]).line}`,
          version: written.value,
          specifier: JSON.stringify(pyproject.requiresPython.value),
        },
        suggest:
          target === null
            ? null
            : [
                {
                  messageId: 'updatePythonVersion',
                  data: { version: target },
                  fix: (fixer) => fixer.replaceTextRangeIn(file.file.path, written.range, target),
                },
              ],
        related: [{ file: file.file.path, range: written.range, message: `.python-version asks for ${JSON.stringify(written.value)}.` }],
      });
    }
  },
});

function referenceParts(reference: string): ReferenceParts {
  const at = reference.indexOf('@');
  const end = at === -1 ? reference.length : at;
  const colon = reference.lastIndexOf(':', end - 1);
  const slash = reference.lastIndexOf('/', end - 1);
  const tagStart = colon > slash ? colon + 1 : null;
  return { nameEnd: tagStart === null ? end : tagStart - 1, tagStart, tagEnd: end, digestStart: at === -1 ? null : at };
}

function applyChanges(text: string, changes: readonly Change[]): string {
  return [...changes]
    .sort((a, b) => b.start - a.start)
    .reduce((out, change) => out.slice(0, change.start) + change.text + out.slice(change.end), text);
}

function argValues(buildArgs: ReadonlyMap<string, ServiceBuildArg>): Record<string, string> {
  return Object.fromEntries([...buildArgs].map(([name, arg]) => [name, arg.value]));
}

function stageLabel(stage: StageNode): string {
  return stage.name ?? String(stage.index);
}
