import type { ComposeFileNode, ProjectFacts } from '@docmind-docker-lint/core';
import { composeData, isData, type ComposeData } from './compose-data.js';
import { composeProject, isComposeOverride, type ComposeProject } from './compose-project.js';

/** A service of a Compose file, with what the file itself says and what the merged project makes of it. */
export interface MergedService {
  readonly name: string;
  /** The service as this file writes it. */
  readonly own: Record<string, unknown>;
  /** The service after Compose merges the project's files (override files, `extends`, `<<`). */
  readonly merged: Record<string, unknown>;
}

/**
 * The services of a main Compose file with their merged settings, for rules about a setting a service
 * lacks: they judge the merged project (an override file may set it) and report in the main file, so
 * override files themselves are skipped. `undefined` for an override file or a file without data.
 */
export function mainFileServices(
  compose: ComposeFileNode,
  filename: string,
  project: ProjectFacts,
): { readonly data: ComposeData; readonly project: ComposeProject; readonly services: readonly MergedService[] } | undefined {
  if (isComposeOverride(filename, project)) return undefined;
  const data = composeData(compose, project);
  const merged = composeProject(compose, project);
  if (!data || !merged) return undefined;
  const services: MergedService[] = [];
  for (const [name, own] of Object.entries(data.services)) {
    const service = merged.model.services[name];
    if (isData(service)) services.push({ name, own, merged: service });
  }
  return { data, project: merged, services };
}
