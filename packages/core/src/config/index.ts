export { ConfigError, type ConfigErrorDetails } from './config-error.js';
export { configSchema } from './config-schema.js';
export { CONFIG_FILE_NAMES, ConfigFinder } from './find-config.js';
export { loadConfigFile, PACKAGE_JSON_KEY, parseConfigText, validateConfigObject, type LoadedConfig } from './load-config-file.js';
export { ConfigResolver, type ConfigResolverOptions, type PrintedConfig } from './resolve-config.js';
