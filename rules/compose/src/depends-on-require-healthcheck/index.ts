import path from 'node:path';
import type { ProjectFacts, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, scalarText, servicePointer } from '../utils/compose-data.js';
import { composeProject } from '../utils/compose-project.js';
import { scalarPartRange } from '../utils/scalar-part.js';

export type Options = [];
export type MessageIds = 'noHealthcheck' | 'healthcheckDisabled' | 'waitForStart';

/** Whether a service has a healthcheck, and if not, where it is missing or turned off. */
type Verdict = { readonly healthy: true } | { readonly healthy: false; readonly disabled: boolean; readonly where: string };

export default createRule<MessageIds, Options>({
  name: 'depends-on-require-healthcheck',
  meta: {
    type: 'problem',
    docs: {
      description: '`depends_on` with `condition: service_healthy` names a service that has a healthcheck; otherwise Compose cannot start the project.',
      recommended: true,
      sources: {},
    },
    messages: {
      noHealthcheck: 'Service "{{service}}" waits for "{{target}}" to be healthy, but {{where}} defines a healthcheck, so "{{target}}" never becomes healthy and Compose stops with an error. Add a healthcheck to "{{target}}".',
      healthcheckDisabled: 'Service "{{service}}" waits for "{{target}}" to be healthy, but {{where}} turns its healthcheck off, so Compose stops with an error.',
      waitForStart: 'Wait only until "{{target}}" has started ("service_started").',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        const project = composeProject(compose, context.project);
        if (!data || !project) return;
        const composeDir = path.dirname(context.filename);
        for (const [service, definition] of Object.entries(data.services)) {
          if (!isData(definition.depends_on)) continue;
          for (const [target, condition] of Object.entries(definition.depends_on)) {
            if (!isData(condition) || scalarText(condition.condition) !== 'service_healthy') continue;
            // An optional dependency that does not start is skipped with a warning.
            if (condition.required === false || condition.required === 'false') continue;
            const pointer = servicePointer(service, 'depends_on', target, 'condition');
            const range = data.valueRange(pointer);
            if (!range || reported.has(range.join())) continue;
            const verdict = healthcheckOf(project.model.services[target], composeDir, context.project);
            if (!verdict || verdict.healthy) continue;
            reported.add(range.join());
            const word = scalarPartRange(context.sourceFile.text, range, 'service_healthy');
            context.report({
              range,
              messageId: verdict.disabled ? 'healthcheckDisabled' : 'noHealthcheck',
              data: { service, target, where: verdict.where },
              suggest: word.exact ? [{ messageId: 'waitForStart', data: { target }, fix: (fixer) => fixer.replaceTextRange(word.range, 'service_started') }] : [],
            });
          }
        }
      },
    };
  },
});

/** The healthcheck of a service of the merged model, from Compose or from the Dockerfile it builds; `null` when unknown. */
function healthcheckOf(service: unknown, composeDir: string, project: ProjectFacts): Verdict | null {
  if (!isData(service)) return null;
  const healthcheck = service.healthcheck;
  if (isData(healthcheck)) {
    const test = healthcheck.test;
    const none = Array.isArray(test) ? test[0] === 'NONE' : false;
    if (healthcheck.disable === true || healthcheck.disable === 'true' || none) return { healthy: false, disabled: true, where: 'its "healthcheck"' };
    if (test !== undefined) return { healthy: true };
  }
  const build = service.build;
  if (build === undefined) return { healthy: false, disabled: false, where: 'neither the service nor, as far as can be told here, its image' };
  const buildData = isData(build) ? build : { context: build };
  if (typeof buildData.dockerfile_inline === 'string') return fromDockerfileText(buildData.dockerfile_inline);
  const contextPath = scalarText(buildData.context) ?? '.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextPath) || contextPath.includes('$')) return null;
  const dockerfile = path.resolve(composeDir, contextPath, scalarText(buildData.dockerfile) ?? 'Dockerfile');
  const parsed = project.getDockerfile(dockerfile);
  if (!parsed || parsed.stages.length === 0) return null;
  const targetName = scalarText(buildData.target);
  const stage = targetName === null ? parsed.stages.at(-1) : parsed.stages.find((candidate) => candidate.name === targetName.toLowerCase());
  if (!stage) return null;
  const last = lastHealthcheck(stage);
  if (last === 'none') return { healthy: false, disabled: true, where: 'its Dockerfile ("HEALTHCHECK NONE")' };
  if (last === 'set') return { healthy: true };
  return { healthy: false, disabled: false, where: 'neither the service nor its Dockerfile' };
}

/** The last HEALTHCHECK of a stage or the stages it is built from. */
function lastHealthcheck(stage: StageNode): 'set' | 'none' | 'absent' {
  for (let current: StageNode | null = stage, hops = 0; current && hops < 100; current = current.parent, hops++) {
    const found = current.instructions.filter((instruction) => instruction.keyword === 'HEALTHCHECK').at(-1);
    if (found) return found.argsText.trim().toUpperCase() === 'NONE' ? 'none' : 'set';
  }
  return 'absent';
}

function fromDockerfileText(text: string): Verdict | null {
  const lines = text.split('\n').filter((line) => /^\s*HEALTHCHECK\s/i.test(line));
  const last = lines.at(-1);
  if (last === undefined) return { healthy: false, disabled: false, where: 'neither the service nor its inline Dockerfile' };
  return /^\s*HEALTHCHECK\s+NONE\s*$/i.test(last) ? { healthy: false, disabled: true, where: 'its inline Dockerfile ("HEALTHCHECK NONE")' } : { healthy: true };
}
