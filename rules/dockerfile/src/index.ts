import { buildkitPreset, hadolintPreset, type ConfigObject, type Plugin } from '@docmind-docker-lint/core';
import { rules as filesAndUsers } from './groups/files-and-users.js';
import { rules as packageManagers } from './groups/package-managers.js';
import { rules as runAndPackages } from './groups/run-and-packages.js';
import { rules as stagesAndImages } from './groups/stages-and-images.js';
import { rules as style } from './groups/style.js';
import { rules as variables } from './groups/variables.js';
import shellcheck from './shellcheck/index.js';

/** Every rule of the pack, by id, gathered from the groups in `src/groups/`. */
export const rules = { ...style, ...stagesAndImages, ...runAndPackages, ...packageManagers, ...filesAndUsers, ...variables, shellcheck };

const recommended: ConfigObject = {
  rules: Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([id]) => [id, 'error']),
  ),
};

const plugin: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-dockerfile', version: '0.1.0' },
  rules,
  configs: {
    recommended,
    /** hadolint's default checks at hadolint's default levels, every other rule of the pack off. */
    hadolint: hadolintPreset(rules),
    /** BuildKit's default build checks, as warnings, every other rule of the pack off. */
    buildkit: buildkitPreset(rules),
  },
};

export default plugin;
