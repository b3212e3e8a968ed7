import { isOverrideFile, nodeRange } from '@docmind-docker-lint/core';
import { isMap, isNode } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, scalarText, servicePointer } from '../utils/compose-data.js';
import { composeProject } from '../utils/compose-project.js';

export type Options = [];
export type MessageIds = 'missingRestart' | 'addRestart';

export default createRule<MessageIds, Options>({
  name: 'require-restart-policy',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Long-running services set a restart policy, so they come back after a crash or a reboot of the host.',
      recommended: true,
      sources: { kics: ['2fc99041-ddad-49d5-853f-e35e70a48391'] },
    },
    messages: {
      missingRestart: 'Service "{{service}}" has no restart policy: after a crash or a reboot of the host it stays down. Set "restart" (for example "unless-stopped").',
      addRestart: 'Add "restart: unless-stopped".',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    return {
      ComposeFile(compose) {
        if (isOverrideFile(context.filename)) return;
        const data = composeData(compose, context.project);
        const project = composeProject(compose, context.project);
        if (!data || !project) return;
        const merged = project.model.services;
        const oneShot = oneShotServices(merged);
        const text = context.sourceFile.text;
        for (const service of Object.keys(data.services)) {
          const definition = merged[service];
          if (!isData(definition) || oneShot.has(service) || definition.restart !== undefined) continue;
          if (isData(definition.deploy) && definition.deploy.restart_policy !== undefined) continue;
          const pointer = servicePointer(service);
          const keyRange = data.keyRange(pointer);
          if (!keyRange) continue;
          const block = data.location(pointer)?.value;
          const first = isMap(block) && !block.flow ? block.items[0]?.key : undefined;
          const firstStart = isNode(first) ? nodeRange(first)[0] : null;
          const lineStart = firstStart === null ? -1 : text.lastIndexOf('\n', firstStart - 1) + 1;
          const indent = firstStart === null ? '' : text.slice(lineStart, firstStart);
          // Right below the service's name, so comments above the first key stay with it.
          const insertAt = text.indexOf('\n', keyRange[1]) + 1;
          context.report({
            range: keyRange,
            messageId: 'missingRestart',
            data: { service },
            severity: 'warn',
            suggest:
              firstStart !== null && /^[ ]+$/.test(indent) && insertAt > 0 && insertAt <= lineStart
                ? [{ messageId: 'addRestart', fix: (fixer) => fixer.insertTextBeforeRange([insertAt, insertAt], `${indent}restart: unless-stopped\n`) }]
                : [],
          });
        }
      },
    };
  },
});

/** Services that others wait for to finish (`service_completed_successfully`): jobs, not servers. */
function oneShotServices(services: Readonly<Record<string, unknown>>): Set<string> {
  const out = new Set<string>();
  for (const definition of Object.values(services)) {
    if (!isData(definition) || !isData(definition.depends_on)) continue;
    for (const [name, condition] of Object.entries(definition.depends_on)) {
      if (isData(condition) && scalarText(condition.condition) === 'service_completed_successfully') out.add(name);
    }
  }
  return out;
}
