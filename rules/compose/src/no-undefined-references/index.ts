import type { OffsetRange, RuleFixer } from '@docmind-docker-lint/core';
import { closest, distance } from 'fastest-levenshtein';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, scalarText, servicePointer, type ComposeData } from '../utils/compose-data.js';
import { composeProject, type ResourceKind } from '../utils/compose-project.js';
import { scalarPartRange } from '../utils/scalar-part.js';
import { serviceVolumes } from '../utils/service-volumes.js';

export type Options = [];
export type MessageIds = 'undefinedService' | 'undefinedResource' | 'brokenExtends' | 'useName';

/** A name a service refers to, where it is written. */
interface Reference {
  readonly service: string;
  readonly kind: ResourceKind;
  readonly key: string;
  readonly name: string;
  readonly range: OffsetRange;
  /** `range` covers exactly the name's characters (a replacement can be offered). */
  readonly exact: boolean;
}

const SINGULAR: Readonly<Record<ResourceKind, string>> = {
  services: 'service',
  networks: 'network',
  volumes: 'volume',
  secrets: 'secret',
  configs: 'config',
};

export default createRule<MessageIds, Options>({
  name: 'no-undefined-references',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services refer only to services, networks, volumes, secrets and configs the project defines, and `extends` finds its base service.',
      recommended: true,
      sources: {},
    },
    messages: {
      undefinedService: 'Service "{{service}}" names the service "{{name}}" under "{{key}}", but no service "{{name}}" is defined: Compose refuses to start the project.',
      undefinedResource: 'Service "{{service}}" uses the {{singular}} "{{name}}", but the top-level "{{section}}" does not define it: Compose refuses to start the project.',
      brokenExtends: 'Service "{{service}}": {{problem}}.',
      useName: 'Use "{{name}}".',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        const project = composeProject(compose, context.project);
        if (!data || !project) return;
        const text = context.sourceFile.text;
        for (const problem of project.model.extendsProblems) {
          if (problem.file !== context.filename) continue;
          const pointer = servicePointer(problem.service, 'extends');
          const range = data.valueRange(problem.kind === 'missing-file' ? `${pointer}/file` : `${pointer}/service`) ?? data.valueRange(pointer);
          if (range) context.report({ range, messageId: 'brokenExtends', data: { service: problem.service, problem: problem.message } });
        }
        if (project.incomplete) return;
        for (const reference of references(data, text)) {
          const defined = project.defined[reference.kind];
          if (defined.has(reference.name) || reported.has(reference.range.join())) continue;
          reported.add(reference.range.join());
          const candidates = [...defined].filter((name) => name !== reference.service || reference.kind !== 'services');
          const near = candidates.length > 0 ? closest(reference.name, candidates) : undefined;
          const suggest =
            near !== undefined && reference.exact && distance(near, reference.name) <= Math.max(1, Math.floor(reference.name.length / 3))
              ? [{ messageId: 'useName' as const, data: { name: near }, fix: (fixer: RuleFixer) => fixer.replaceTextRange(reference.range, near) }]
              : [];
          context.report({
            range: reference.range,
            messageId: reference.kind === 'services' ? 'undefinedService' : 'undefinedResource',
            data: { service: reference.service, name: reference.name, key: reference.key, singular: SINGULAR[reference.kind], section: reference.kind },
            suggest,
          });
        }
      },
    };
  },
});

/** Every name the services of one file refer to; names from variables that are not known are left out. */
function references(data: ComposeData, text: string): Reference[] {
  const out: Reference[] = [];
  const add = (service: string, kind: ResourceKind, key: string, pointer: string, name: string, where: 'value' | 'key'): void => {
    if (name === '' || data.interpolation(pointer)?.known === false) return;
    const written = where === 'key' ? data.keyRange(pointer) : data.valueRange(pointer);
    if (!written) return;
    const part = data.interpolation(pointer) ? { range: written, exact: false } : scalarPartRange(text, written, name);
    out.push({ service, kind, key, name, ...part });
  };
  /** Names in a list (`[a, b]`) or as the keys of a map (`{a: {...}}`). */
  const listOrKeys = (service: string, kind: ResourceKind, key: string, value: unknown, nameOf: (item: unknown) => string | null): void => {
    const pointer = servicePointer(service, key);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const name = nameOf(item);
        if (name !== null) add(service, kind, key, `${pointer}/${index}`, name, 'value');
      });
    } else if (isData(value)) {
      for (const [name, entry] of Object.entries(value)) {
        // `depends_on` entries with `required: false` may name a service that is not there.
        if (isData(entry) && (entry.required === false || entry.required === 'false')) continue;
        add(service, kind, key, servicePointer(service, key, name), name, 'key');
      }
    }
  };
  const plain = (item: unknown): string | null => scalarText(item);
  const beforeColon = (item: unknown): string | null => scalarText(item)?.split(':')[0] ?? null;
  const sourceOf = (item: unknown): string | null => (isData(item) ? scalarText(item.source) : scalarText(item));

  for (const [service, definition] of Object.entries(data.services)) {
    listOrKeys(service, 'services', 'depends_on', definition.depends_on, plain);
    listOrKeys(service, 'services', 'links', definition.links, beforeColon);
    if (Array.isArray(definition.volumes_from)) {
      definition.volumes_from.forEach((item, index) => {
        const text = scalarText(item);
        if (text !== null && !text.startsWith('container:')) add(service, 'services', 'volumes_from', servicePointer(service, 'volumes_from', index), text.split(':')[0]!, 'value');
      });
    }
    for (const key of ['network_mode', 'ipc', 'pid']) {
      const value = scalarText(definition[key]);
      if (value?.startsWith('service:')) add(service, 'services', key, servicePointer(service, key), value.slice('service:'.length), 'value');
    }
    listOrKeys(service, 'networks', 'networks', definition.networks, plain);
    for (const key of ['secrets', 'configs'] as const) {
      const list = definition[key];
      if (!Array.isArray(list)) continue;
      list.forEach((item, index) => {
        const name = sourceOf(item);
        const pointer = servicePointer(service, key, index);
        if (name !== null) add(service, key, key, isData(item) ? `${pointer}/source` : pointer, name, 'value');
      });
    }
    const build = definition.build;
    if (isData(build) && Array.isArray(build.secrets)) {
      build.secrets.forEach((item, index) => {
        const name = sourceOf(item);
        const pointer = servicePointer(service, 'build', 'secrets', index);
        if (name !== null) add(service, 'secrets', 'build.secrets', isData(item) ? `${pointer}/source` : pointer, name, 'value');
      });
    }
  }
  for (const volume of serviceVolumes(data, text)) {
    if (volume.type !== 'volume' || volume.source === null || volume.unknown) continue;
    const interpolated = data.interpolation(volume.pointer) ?? data.interpolation(`${volume.pointer}/source`);
    const part = interpolated ? { range: volume.sourceRange, exact: false } : scalarPartRange(text, volume.sourceRange, volume.source);
    out.push({ service: volume.service, kind: 'volumes', key: 'volumes', name: volume.source, ...part });
  }
  // Every service is on the project's `default` network without it being declared.
  return out.filter((reference) => !(reference.kind === 'networks' && reference.name === 'default'));
}
