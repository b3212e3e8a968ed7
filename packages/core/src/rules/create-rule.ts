import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleContext, RuleListener, RuleMeta, RuleModule } from '../types/rule.js';

export interface RuleDefinition<MessageIds extends string, Options extends readonly unknown[]> {
  readonly name: string;
  readonly meta: Omit<RuleMeta<MessageIds, Options>, 'docs'> & { readonly docs: Omit<RuleMeta<MessageIds, Options>['docs'], 'url'> };
  create(context: Readonly<RuleContext<MessageIds, Options>>, options: Readonly<Options>): RuleListener;
}

export type CreateRule = <MessageIds extends string, Options extends readonly unknown[]>(
  definition: RuleDefinition<MessageIds, Options>,
) => RuleModule<MessageIds, Options>;

/**
 * Makes a `createRule` for a rule pack, with typescript-eslint's RuleCreator: it binds the docs URL
 * of every rule in one place and merges the user's options over `meta.defaultOptions` (its
 * `applyDefault`) before calling `create(context, options)`.
 */
export function makeCreateRule(urlForRule: (name: string) => string): CreateRule {
  // RuleCreator is typed for ESLint's JavaScript context; at run time it only wraps `create` and
  // sets `meta.docs.url`, which is all this engine needs of it.
  const createRule = RuleCreator(urlForRule) as unknown as CreateRule;
  return (definition) => withMergedOptionsOnce(createRule(definition), definition);
}

/**
 * RuleCreator merges the options over the defaults (`applyDefault`: a deep clone) every time a rule
 * is created, which is once per rule and file. The merge depends only on the options, so it is done
 * once per options array (the config resolver shares them between files) and once for "no options".
 */
function withMergedOptionsOnce<MessageIds extends string, Options extends readonly unknown[]>(
  rule: RuleModule<MessageIds, Options>,
  definition: RuleDefinition<MessageIds, Options>,
): RuleModule<MessageIds, Options> {
  const defaults = (definition.meta.defaultOptions ?? []) as readonly unknown[];
  const merge = (given: readonly unknown[]): Options => applyDefault(defaults as never, given as never) as unknown as Options;
  const merged = new WeakMap<object, Options>();
  let withoutOptions: Options | undefined;
  const optionsFor = (given: readonly unknown[] | undefined): Options => {
    if (!given || given.length === 0) return (withoutOptions ??= merge([]));
    let options = merged.get(given);
    if (!options) merged.set(given, (options = merge(given)));
    return options;
  };
  return { ...rule, create: (context) => definition.create(context, optionsFor(context.options)) };
}

/** The docs URL of a built-in rule: its README in the repository. */
export const BUILTIN_DOCS_BASE = 'https://github.com/docmind/docmind-docker-lint/blob/main/rules';

/** `createRule` for rules whose README lives at `rules/<pack>/src/<name>/README.md`. */
export function createRuleForPack(pack: string): CreateRule {
  return makeCreateRule((name) => `${BUILTIN_DOCS_BASE}/${pack}/src/${name}/README.md`);
}

/**
 * `createRule` for a single rule outside a pack: the rule's own `meta.docs.url` is kept as written
 * (give one: the RuleTester and the formatters link to it). Packs use `makeCreateRule` instead, to
 * bind every rule's URL in one place.
 */
export function createRule<MessageIds extends string, Options extends readonly unknown[]>(
  definition: RuleDefinition<MessageIds, Options> & { readonly meta: { readonly docs: { readonly url?: string } } },
): RuleModule<MessageIds, Options> {
  const url = definition.meta.docs.url;
  return makeCreateRule(() => url ?? '')(definition);
}
