// The public API of @docmind-docker-lint/core. See docs/api.md.
export { lintProject, lintProjectResults, type LintProjectOptions } from './api/lint-project.js';
export type { CacheOptions } from './cache/lint-cache.js';
export type { Concurrency } from './workers/lint-pool.js';
export { lintText, type LintTextOptions } from './api/lint-text.js';
export { applyFixes } from './api/apply-fixes.js';
export { LintSession, DEFAULT_MAX_FILE_SIZE, type LintOptions } from './api/lint-session.js';
export { loadBuiltinPlugins } from './api/builtin-plugins.js';
export { loadShellParser, isShellParserLoaded, parseShell } from './shell/shell-parser.js';
export type { ShellNode, ShellTree } from './shell/shell-tree.js';
export { ConfigError, ConfigResolver, type PrintedConfig } from './config/index.js';
export { createRule, makeCreateRule, createRuleForPack, type CreateRule, type RuleDefinition } from './rules/create-rule.js';
export { loadConfig } from './api/load-config.js';
export { MemoryHost } from './host/memory-host.js';
export { NodeHost } from './host/node-host.js';
export { OverlayHost } from './host/overlay-host.js';
export { Project, parseSource } from './project/project.js';
export { discoverFiles, type DiscoveredFile } from './project/discover-files.js';
export { SourceFile, type FileKind, type LineColumn } from './source/source-file.js';
export { classifyFile } from './source/classify-file.js';
export { parseDockerfile, resolveImage, globalArgDefaults } from './parse/parse-dockerfile.js';
export { parseCompose } from './parse/parse-compose.js';
export { MAX_YAML_DEPTH, parseYamlDocument, parseYamlDocuments, type YamlDocuments, type YamlParseOptions } from './parse/parse-yaml.js';
export { DockerignoreMatcher } from './utils/dockerignore-matcher.js';
export { parseImageReference, isDockerHub, type ParsedImageReference } from './utils/image-reference.js';
export { expandVariables } from './utils/expand-variables.js';
export { oncePerObject } from './utils/once-per-object.js';
export { RecentByText, detached } from './utils/recent-by-text.js';
export { nodeRange } from './utils/yaml-node-range.js';
export { yamlComments } from './utils/yaml-comments.js';
export { parseDirectives, applyDirectives, type Directive, type DirectiveComment, type LineSpan } from './directives/index.js';
export {
  parseTemplate,
  interpolate,
  hasInterpolation,
  templateVariables,
  type TemplatePart,
  type TemplateVariable,
  type ParsedTemplate,
  type InterpolationResult,
} from './compose/interpolation.js';
export { parseDotenv, dotenvLookup, type DotenvEntry } from './compose/dotenv.js';
export {
  composeValue,
  pointerSegment,
  pointerSegments,
  ResetValue,
  OverrideValue,
  RESET_TAG,
  OVERRIDE_TAG,
  type ComposeValue,
  type ValueLocation,
} from './compose/compose-value.js';
export { composeYamlTags } from './compose/compose-tags.js';
export { mergeCompose, stripTags } from './compose/merge.js';
export { resolveExtends, type ExtendsProblem } from './compose/extends.js';
export { serviceProfiles, isServiceActive, mayRunTogether } from './compose/profiles.js';
export { buildComposeModel, defaultComposeFiles, isOverrideFile, type ComposeModel } from './compose/compose-model.js';
export type * from './types/nodes.js';
export type * from './types/project.js';
export type * from './types/results.js';
export type * from './types/rule.js';
export type * from './types/config.js';
export type { FileEdit, Fix, OffsetRange } from '@docmind-docker-lint/fixer';
export {
  isSecretName,
  secretNameMatcher,
  secretNameOptionSchemas,
  nameWords,
  KNOWN_SECRET_NAMES,
  KNOWN_NON_SECRET_NAMES,
  type SecretNameOptions,
} from './utils/secret-names.js';
export { hadolintPreset, hadolintDefaultLevel, buildkitPreset } from './peers/peer-presets.js';
export { withoutTrailingSlashes } from './utils/trailing-slashes.js';
