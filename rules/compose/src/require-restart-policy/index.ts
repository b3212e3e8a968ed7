import { createRule } from '../utils/create-rule.js';
import { isData, scalarText, servicePointer } from '../utils/compose-data.js';
import { mainFileServices } from '../utils/main-file-services.js';
import { newServiceKeyLine } from '../utils/service-insertion.js';

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
        const file = mainFileServices(compose, context.filename, context.project);
        if (!file) return;
        const oneShot = oneShotServices(file.project.model.services);
        const text = context.sourceFile.text;
        for (const { name: service, merged: definition } of file.services) {
          if (oneShot.has(service) || definition.restart !== undefined) continue;
          if (isData(definition.deploy) && definition.deploy.restart_policy !== undefined) continue;
          const keyRange = file.data.keyRange(servicePointer(service));
          if (!keyRange) continue;
          const line = newServiceKeyLine(file.data, text, service);
          context.report({
            range: keyRange,
            messageId: 'missingRestart',
            data: { service },
            severity: 'warn',
            suggest: line
              ? [{ messageId: 'addRestart', fix: (fixer) => fixer.insertTextBeforeRange([line.at, line.at], `${line.indent}restart: unless-stopped${line.eol}`) }]
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
