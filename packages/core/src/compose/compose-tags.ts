import { YAMLMap, YAMLSeq, type Tags } from 'yaml';
import { OVERRIDE_TAG, RESET_TAG } from './compose-value.js';

/**
 * `customTags` for `yaml` that accept Compose's `!reset` and `!override` on scalars, sequences and
 * mappings (without them `yaml` warns "Unresolved tag"). The tag stays on the node, where
 * `composeValue` reads it. Scalars keep their text.
 */
export const composeYamlTags: Tags = [RESET_TAG, OVERRIDE_TAG].flatMap((tag) => [
  { tag, identify: () => false, resolve: (text: string) => text },
  { tag, identify: () => false, collection: 'seq' as const, nodeClass: YAMLSeq },
  { tag, identify: () => false, collection: 'map' as const, nodeClass: YAMLMap },
]);
