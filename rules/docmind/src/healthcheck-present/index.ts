import {
  nodeRange,
  type BuildContext,
  type DockerfileNode,
  type InstructionNode,
  type OffsetRange,
  type RelatedReport,
  type ServiceNode,
  type StageNode,
  type SuggestionReport,
} from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { stageChain } from '../utils/stage-chain.js';
import { stageEndInsertion } from '../utils/stage-end-insertion.js';
import { composeHealthcheck } from './compose-healthcheck.js';
import { stageRuntime, type StageRuntime } from './stage-runtime.js';
import { streamlitHealthcheck, streamlitPort } from './streamlit-healthcheck.js';

export type Options = [
  {
    /** Programs (or `python -m` modules) whose CMD or ENTRYPOINT marks an image as a server. */
    servers: string[];
    /** Whether a `healthcheck` on every Compose service that builds the stage is enough. */
    allowComposeHealthcheck: boolean;
  },
];
export type MessageIds = 'missingHealthcheck' | 'missingComposeHealthcheck' | 'addStreamlitHealthcheck';

/** Servers whose containers are long-running and answer on a port. */
export const DEFAULT_SERVERS = [
  'streamlit', 'uvicorn', 'gunicorn', 'hypercorn', 'daphne', 'granian', 'waitress-serve', 'flask', 'fastapi', 'gradio',
  'http.server', 'jupyter', 'jupyter-lab', 'node', 'nginx', 'httpd', 'httpd-foreground', 'apache2-foreground', 'caddy',
  'php-fpm',
];

/** Why the rule takes a stage for a server, and where that is written. */
interface ServingEvidence {
  readonly instruction: InstructionNode;
  readonly range: OffsetRange;
  readonly what: string;
}

export default createRule<MessageIds, Options>({
  name: 'healthcheck-present',
  meta: {
    type: 'problem',
    docs: {
      description:
        'An image that serves something (EXPOSE, or a server command such as streamlit or uvicorn) has a HEALTHCHECK, or every Compose service built from it has a healthcheck.',
      recommended: true,
      sources: {
        hadolint: ['DL3057'],
        checkov: ['CKV_DOCKER_2'],
        trivy: ['DS026', 'DS-0026'],
        kics: ['b03a748a-542d-44f4-bb86-9199ab4fd2d5'],
      },
    },
    messages: {
      missingHealthcheck:
        '{{stage}} serves {{what}} but has no HEALTHCHECK, so Docker cannot tell a hung server from a healthy one. Add one, or `HEALTHCHECK NONE` to opt out.',
      missingComposeHealthcheck:
        '{{stage}} serves {{what}} but has no HEALTHCHECK, and Compose does not check it either (services without a `healthcheck`: {{services}}). Add one, or `HEALTHCHECK NONE` to opt out.',
      addStreamlitHealthcheck: "Add a HEALTHCHECK that asks Streamlit's `/_stcore/health` endpoint on port {{port}}.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          servers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Programs whose CMD or ENTRYPOINT marks the image as a server, matched on the base name of the command (after launchers such as `tini --`, `uv run`, `gosu user`) or on the module of `python -m`. Replaces the default list.',
          },
          allowComposeHealthcheck: {
            type: 'boolean',
            description:
              'Accept an image without HEALTHCHECK when every Compose service that builds it has a `healthcheck` with a `test`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ servers: DEFAULT_SERVERS, allowComposeHealthcheck: true }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const file = context.sourceFile;

    const check = (dockerfile: DockerfileNode, stage: StageNode, services: readonly ServiceNode[]): void => {
      const runtime = stageRuntime(stage, options.servers);
      if (runtime.healthcheck) return;
      const evidence = servingEvidence(stage, runtime);
      if (!evidence) return;
      const lacking = options.allowComposeHealthcheck
        ? services.filter((service) => ['missing', 'disabled'].includes(composeHealthcheck(service)))
        : [];
      if (options.allowComposeHealthcheck && services.length > 0 && lacking.length === 0) return;

      const suggest: SuggestionReport<MessageIds>[] = [];
      if (runtime.server?.server === 'streamlit') {
        const port = streamlitPort(runtime, runtime.server.args);
        const { range, text } = stageEndInsertion(stage, file, [streamlitHealthcheck(port)]);
        suggest.push({ messageId: 'addStreamlitHealthcheck', data: { port }, fix: (fixer) => fixer.replaceTextRange(range, text) });
      }
      const data = { stage: stageLabel(dockerfile, stage), what: evidence.what };
      const related = [...otherStageHealthchecks(dockerfile, stage, context.filename), ...lacking.map(serviceRelated)];
      context.report({
        range: evidence.range,
        ...(lacking.length > 0
          ? { messageId: 'missingComposeHealthcheck', data: { ...data, services: lacking.map((service) => `\`${service.name}\``).join(', ') } }
          : { messageId: 'missingHealthcheck', data }),
        suggest,
        ...(related.length > 0 ? { related } : {}),
      });
    };

    return {
      Dockerfile(dockerfile) {
        const contexts = context.project.buildContextsOf(context.filename);
        for (const [stage, services] of builtStages(dockerfile, contexts)) check(dockerfile, stage, services);
      },
    };
  },
});

/**
 * The stages that get built, each with the Compose services that build it: the `target` of each
 * service (the last stage for a service without one), else the last stage.
 */
function builtStages(dockerfile: DockerfileNode, contexts: readonly BuildContext[]): Map<StageNode, ServiceNode[]> {
  const built = new Map<StageNode, ServiceNode[]>();
  for (const service of contexts.flatMap((buildContext) => buildContext.services)) {
    const target = service.build?.target?.toLowerCase() ?? null;
    const stage = target === null ? dockerfile.stages.at(-1) : dockerfile.stages.find((candidate) => candidate.name?.toLowerCase() === target);
    if (stage) built.set(stage, [...(built.get(stage) ?? []), service]);
  }
  const last = dockerfile.stages.at(-1);
  if (built.size === 0 && last) built.set(last, []);
  return built;
}

/**
 * What shows that the stage serves, preferring what the stage itself says over what it inherits:
 * its EXPOSE (the port a health check probes), else the server its CMD or ENTRYPOINT starts.
 */
function servingEvidence(stage: StageNode, runtime: StageRuntime): ServingEvidence | null {
  const candidates: ServingEvidence[] = [];
  const ports = runtime.expose?.args ?? [];
  const [firstPort] = ports;
  const lastPort = ports.at(-1);
  if (runtime.expose && firstPort && lastPort) {
    const list = ports.map((port) => port.value).join(', ');
    candidates.push({
      instruction: runtime.expose,
      range: [firstPort.range[0], lastPort.range[1]],
      what: `on ${ports.length === 1 ? 'port' : 'ports'} ${list}`,
    });
  }
  if (runtime.server) {
    candidates.push({ instruction: runtime.server.instruction, range: runtime.server.range, what: `with \`${runtime.server.server}\`` });
  }
  return candidates.find((candidate) => candidate.instruction.stage === stage) ?? candidates[0] ?? null;
}

function stageLabel(dockerfile: DockerfileNode, stage: StageNode): string {
  const name = stage.name === null ? '' : ` \`${stage.name}\``;
  return stage === dockerfile.stages.at(-1) ? `The final stage${name}` : `Stage${name}`;
}

/** HEALTHCHECKs written in stages the image is not built from: a common slip in multi-stage files. */
function otherStageHealthchecks(dockerfile: DockerfileNode, stage: StageNode, filename: string): RelatedReport[] {
  const chain = stageChain(stage);
  return dockerfile.instructions
    .filter((instruction) => instruction.keyword === 'HEALTHCHECK' && instruction.stage !== null && !chain.includes(instruction.stage))
    .map((instruction) => ({
      file: filename,
      range: instruction.keywordRange,
      message: `This HEALTHCHECK is in stage ${instruction.stage?.name ?? instruction.stage?.index}, which the image is not built FROM, so the image does not have it.`,
    }));
}

function serviceRelated(service: ServiceNode): RelatedReport {
  return {
    file: service.compose.file.path,
    range: nodeRange(service.key),
    message: `Service \`${service.name}\` builds this image without a \`healthcheck\` that runs a test.`,
  };
}
