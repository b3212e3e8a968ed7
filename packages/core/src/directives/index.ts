export type { Directive, DirectiveComment, DirectiveKind, DirectiveOrigin, LineSpan } from './directive.js';
export { parseDirectives } from './parse-directives.js';
export { applyDirectives } from './apply-directives.js';
export type { AppliedDirectives, ApplyDirectivesOptions, RuleSourcesOf } from './apply-directives.js';
