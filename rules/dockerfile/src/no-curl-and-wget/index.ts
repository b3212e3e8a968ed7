import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'bothTools';

const TOOLS = new Set(['curl', 'wget']);

export default createRule<MessageIds, Options>({
  name: 'no-curl-and-wget',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow downloading with both curl and wget in one stage; one tool is enough',
      recommended: false,
      sources: { hadolint: ['DL4001'], trivy: ['DS-0014', 'DS014'] },
    },
    messages: {
      bothTools: "This stage already downloads with '{{other}}': use one of curl and wget, so the image needs only one of them.",
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    // Per stage: which tool came first. Every use after both have appeared is reported, as hadolint does.
    const seen = new Map<unknown, Set<string>>();
    return runVisitors((instruction) => {
      const tools = seen.get(instruction.stage) ?? new Set<string>();
      seen.set(instruction.stage, tools);
      for (const command of runCommands(instruction)) {
        if (!command.name.literal || !TOOLS.has(command.program)) continue;
        tools.add(command.program);
        if (tools.size < 2) continue;
        context.report({
          range: command.name.range,
          messageId: 'bothTools',
          data: { other: command.program === 'curl' ? 'wget' : 'curl' },
        });
      }
    });
  },
});
