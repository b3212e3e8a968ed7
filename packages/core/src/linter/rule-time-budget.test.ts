// The per-rule time budget: a rule that spins far longer than a tiny budget is cut off on that file,
// reported as an internal error, and its problems there are dropped; the other rules' results stand.
// Not timing-flaky: the slow rule spins for a fixed 400 ms against budgets of 50 ms (always passed)
// and the default 5,000 ms (never reached); the fast rule does nothing measurable.
import { describe, expect, it } from 'vitest';
import { lintText } from '../api/lint-text.js';
import { makeCreateRule } from '../rules/create-rule.js';
import type { Plugin } from '../types/rule.js';
import { DEFAULT_RULE_TIME_BUDGET_MS } from './run-rules.js';

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);

function spin(ms: number): void {
  const started = performance.now();
  while (performance.now() - started < ms) {
    // busy: rules are synchronous, nothing can interrupt this
  }
}

function plugin(calls: { instructions: number }): Plugin {
  const slow = createRule({
    name: 'slow',
    meta: { type: 'problem', docs: { description: 'Spins.' }, messages: { found: 'found {{what}}' }, schema: [], defaultOptions: [] },
    create(context) {
      return {
        Dockerfile() {
          context.report({ range: [0, 4], messageId: 'found', data: { what: 'before spinning' } });
          spin(400);
        },
        Instruction(node) {
          calls.instructions++;
          context.report({ node, messageId: 'found', data: { what: 'an instruction' } });
        },
      };
    },
  });
  const fast = createRule({
    name: 'fast',
    meta: { type: 'problem', docs: { description: 'Reports FROM.' }, messages: { from: 'a FROM' }, schema: [], defaultOptions: [] },
    create(context) {
      return {
        FROM(node) {
          context.report({ node, messageId: 'from' });
        },
      };
    },
  });
  return { meta: { name: 'timing' }, rules: { slow, fast } };
}

const lint = async (ruleTimeBudgetMs: number | undefined, calls: { instructions: number }) => {
  const [result] = await lintText('FROM alpine:3\nRUN true\nRUN false\n', {
    cwd: '/virtual',
    filePath: 'Dockerfile',
    plugins: [plugin(calls)],
    useConfigFiles: false,
    rules: { slow: 'error', fast: 'error' },
    ...(ruleTimeBudgetMs === undefined ? {} : { ruleTimeBudgetMs }),
  });
  return result!;
};

describe('rule time budget', () => {
  it('drops the results of a rule past the budget on the file, stops calling it, and says so', async () => {
    const calls = { instructions: 0 };
    const result = await lint(50, calls);
    expect(result.messages.map((message) => [message.ruleId, message.internal ?? false, message.message])).toEqual([
      ['slow', true, 'Rule "slow" exceeded the time budget of 50 ms on /virtual/Dockerfile; its results for this file are dropped.'],
      ['fast', false, 'a FROM'],
    ]);
    expect(result.messages[0]).toMatchObject({ fatal: true, severity: 2, line: 1, column: 1 });
    expect(calls.instructions).toBe(0);
  });

  it('lets a rule within the budget (default 5,000 ms) report everything', async () => {
    expect(DEFAULT_RULE_TIME_BUDGET_MS).toBe(5000);
    const calls = { instructions: 0 };
    const result = await lint(undefined, calls);
    expect(result.messages.filter((message) => message.internal)).toEqual([]);
    expect(result.messages.filter((message) => message.ruleId === 'slow')).toHaveLength(4);
    expect(calls.instructions).toBe(3);
  });
});
