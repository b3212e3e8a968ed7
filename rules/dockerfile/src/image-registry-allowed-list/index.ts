import { isDockerHub, parseImageReference, type OffsetRange } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { expandWithGlobalArgs, globalArgs } from '../utils/global-args.js';
import { resolveFromValue, stageReferences } from '../utils/stage-references.js';

export type Options = [
  {
    allowedRegistries: string[];
  },
];
export type MessageIds = 'registryNotAllowed';

/** Names Docker Hub goes by; an allowed `docker.io` covers them and images named without a registry. */
const DOCKER_HUB = 'docker.io';

export default createRule<MessageIds, Options>({
  name: 'image-registry-allowed-list',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require images (FROM, COPY --from, RUN --mount from=) to come from an allowed registry',
      // Inert until a list is configured, so it costs nothing in the preset and a `.hadolint.yaml` list just works.
      recommended: true,
      sources: { hadolint: ['DL3026'] },
    },
    messages: {
      registryNotAllowed: '`{{image}}` comes from {{registry}}, which is not an allowed registry ({{allowed}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowedRegistries: {
            description:
              'Registries images may come from: host names (`ghcr.io`, `registry.example.com:5000`), `*.example.com` for any subdomain, `*` for any; `docker.io` covers images named without a registry. Empty: use the `trustedRegistries` of a `.hadolint.yaml`, else check nothing.',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ allowedRegistries: [] }],
  },
  create(context, [options]) {
    const allowed = options.allowedRegistries.length > 0 ? options.allowedRegistries : hadolintTrustedRegistries(context.settings);
    if (allowed.length === 0) return {};
    const patterns = allowed.map((pattern) => pattern.toLowerCase());

    const check = (image: string, range: OffsetRange): void => {
      if (image === '' || image.toLowerCase() === 'scratch') return;
      const reference = parseImageReference(image);
      const registry = isDockerHub(reference) ? DOCKER_HUB : reference.registry!.toLowerCase();
      if (patterns.some((pattern) => registryMatches(pattern, registry))) return;
      context.report({ range, messageId: 'registryNotAllowed', data: { image, registry, allowed: allowed.join(', ') } });
    };

    return {
      Dockerfile(dockerfile) {
        const declared = globalArgs(dockerfile);
        for (const stage of dockerfile.stages) {
          if (!stage.image) continue;
          const expansion = expandWithGlobalArgs(stage.image.raw, dockerfile, declared);
          if (expansion.text !== null && expansion.unset.length === 0) check(expansion.text, stage.image.range);
        }
        for (const reference of stageReferences(dockerfile)) {
          if (reference.kind === 'from') continue;
          // A bare name that is no earlier stage is an image too (`COPY --from=nginx:1.27 ...`).
          const target = resolveFromValue(reference.value, reference.instruction);
          if (target.kind === 'image' || target.kind === 'undefined') check(reference.value, reference.range);
        }
      },
    };
  },
});

/** `settings.hadolint.trustedRegistries`, which a `.hadolint.yaml` of the project provides. */
function hadolintTrustedRegistries(settings: Readonly<Record<string, unknown>>): string[] {
  const hadolint = settings['hadolint'];
  if (typeof hadolint !== 'object' || hadolint === null) return [];
  const trusted = (hadolint as Record<string, unknown>)['trustedRegistries'];
  return Array.isArray(trusted) ? trusted.filter((entry): entry is string => typeof entry === 'string') : [];
}

function registryMatches(pattern: string, registry: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return registry.endsWith(pattern.slice(1));
  const normalized = ['index.docker.io', 'registry-1.docker.io'].includes(pattern) ? DOCKER_HUB : pattern;
  return normalized === registry;
}
