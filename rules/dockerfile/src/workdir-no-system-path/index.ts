import path from 'node:path';
import { createRule } from '../utils/create-rule.js';
import { workdirPath } from '../utils/stage-workdirs.js';
import { unquotePath } from '../utils/workdir-path.js';

export type Options = [];
export type MessageIds = 'systemWorkdir';

/** Folders the kernel or the container runtime owns: files written there are lost or do harm. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

export default createRule<MessageIds, Options>({
  name: 'workdir-no-system-path',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a WORKDIR in a folder the kernel or the runtime owns (`/proc`, `/sys`, `/dev`, `/boot`, ...)',
      recommended: true,
      sources: { trivy: ['DS-0030', 'DS030'] },
    },
    messages: {
      systemWorkdir:
        'WORKDIR {{path}} is inside {{folder}}, which the kernel or the container runtime owns: what the build writes there is hidden or lost at run time, and commands run there can touch the host. Use a folder such as /app.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      WORKDIR(instruction) {
        const written = workdirPath(instruction);
        if (!written) return;
        const value = unquotePath(written.raw);
        if (!value.startsWith('/') || value.includes('$')) return;
        const normalized = path.posix.normalize(value);
        const folder = SYSTEM_FOLDERS.find((system) => normalized === system || normalized.startsWith(`${system}/`));
        if (!folder) return;
        context.report({ range: written.range, messageId: 'systemWorkdir', data: { path: written.raw, folder } });
      },
    };
  },
});
