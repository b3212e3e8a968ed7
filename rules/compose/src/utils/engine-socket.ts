import { withoutTrailingSlashes } from '@docmind-docker-lint/core';
/** Sockets (and the Windows pipe) of container engines: whoever can write to them runs containers on the host. */
const ENGINE_SOCKETS = /^(?:\/\/?(?:var\/)?run\/(?:docker|podman\/podman|containerd\/containerd|crio\/crio)\.sock|\/\/?(?:var\/)?run\/user\/[^/]+\/(?:docker|podman\/podman)\.sock|\\\\\.\\pipe\\docker_engine)$/i;

/** Whether a host path is a container engine's socket (trailing slashes ignored). */
export function isEngineSocket(hostPath: string): boolean {
  return ENGINE_SOCKETS.test(withoutTrailingSlashes(hostPath));
}
