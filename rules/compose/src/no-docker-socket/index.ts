import { createRule } from '../utils/create-rule.js';
import { composeData } from '../utils/compose-data.js';
import { isEngineSocket } from '../utils/engine-socket.js';
import { serviceVolumes } from '../utils/service-volumes.js';

export type Options = [];
export type MessageIds = 'dockerSocket';

export default createRule<MessageIds, Options>({
  name: 'no-docker-socket',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services do not mount the Docker (or Podman, containerd) socket: whoever can use it controls the host.',
      recommended: true,
      sources: { kics: ['d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b'] },
    },
    messages: {
      dockerSocket: 'Service "{{service}}" mounts the container engine socket {{path}}: any process in it can start a privileged container and take over the host, read-only or not. Put a socket proxy in front that allows only the API calls it needs.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const volume of serviceVolumes(data, context.sourceFile.text)) {
          if (volume.unknown || volume.source === null || !isEngineSocket(volume.source)) continue;
          if (reported.has(volume.sourceRange.join())) continue;
          reported.add(volume.sourceRange.join());
          context.report({ range: volume.sourceRange, messageId: 'dockerSocket', data: { service: volume.service, path: volume.source } });
        }
      },
    };
  },
});
