import type { BuildContext, DockerfileNode, StageNode } from '@docmind-docker-lint/core';

/**
 * The stages whose layers end up in a built image: each Compose `build.target`, or the last stage
 * when a build names none (or no Compose file builds this Dockerfile), with the stages they are
 * built `FROM`. Files a stage copies `--from` another stage are not followed.
 */
export function finalStages(dockerfile: DockerfileNode, contexts: readonly BuildContext[]): Set<StageNode> {
  const targets = contexts.flatMap((context) => context.services.map((service) => service.build?.target ?? null));
  const last = dockerfile.stages[dockerfile.stages.length - 1];
  const roots: StageNode[] = [];
  if ((targets.length === 0 || targets.includes(null)) && last) roots.push(last);
  for (const target of targets) {
    const stage = target === null ? undefined : dockerfile.stages.find((candidate) => candidate.name?.toLowerCase() === target.toLowerCase());
    if (stage) roots.push(stage);
  }
  const stages = new Set<StageNode>();
  for (const root of roots) {
    for (let current: StageNode | null = root; current; current = current.parent) stages.add(current);
  }
  return stages;
}
