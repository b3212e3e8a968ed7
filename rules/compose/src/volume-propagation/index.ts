import type { OffsetRange } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, scalarText, servicePointer, type ComposeData } from '../utils/compose-data.js';

export type Options = [];
export type MessageIds = 'sharedPropagation' | 'useSlave';

/** Propagation modes that carry mounts made in the container back to the host, and their one-way twins. */
const ONE_WAY: Readonly<Record<string, string>> = { shared: 'slave', rshared: 'rslave' };

interface Propagation {
  readonly service: string;
  readonly mode: string;
  readonly range: OffsetRange;
  /** The mode is written as it is at `range`, so it can be replaced. */
  readonly exact: boolean;
}

export default createRule<MessageIds, Options>({
  name: 'volume-propagation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Bind mounts do not use `shared` or `rshared` propagation, which carries mounts made in the container back to the host.',
      recommended: false,
      sources: { kics: ['baa452f0-1f21-4a25-ace5-844e7a5f410d'] },
    },
    messages: {
      sharedPropagation:
        'Service "{{service}}" mounts a host path with "{{mode}}" propagation: whatever the container mounts below it appears on the host too, and other containers that share it see it. Use "{{replacement}}" if the container only needs to see the host\'s mounts.',
      useSlave: 'Use "{{replacement}}" propagation (the host\'s mounts still reach the container; the container\'s no longer reach the host).',
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
        if (!data) return;
        for (const propagation of propagations(data, context.sourceFile.text)) {
          if (reported.has(propagation.range.join())) continue;
          reported.add(propagation.range.join());
          const replacement = ONE_WAY[propagation.mode]!;
          const { range } = propagation;
          context.report({
            range,
            messageId: 'sharedPropagation',
            data: { service: propagation.service, mode: propagation.mode, replacement },
            suggest: propagation.exact ? [{ messageId: 'useSlave', data: { replacement }, fix: (fixer) => fixer.replaceTextRange(range, replacement) }] : [],
          });
        }
      },
    };
  },
});

/** Every `shared`/`rshared` propagation in the services' volumes, short and long syntax. */
function propagations(data: ComposeData, text: string): Propagation[] {
  const out: Propagation[] = [];
  for (const [service, definition] of Object.entries(data.services)) {
    if (!Array.isArray(definition.volumes)) continue;
    definition.volumes.forEach((item, index) => {
      const pointer = servicePointer(service, 'volumes', index);
      if (isData(item)) {
        const mode = isData(item.bind) ? scalarText(item.bind.propagation)?.trim() : undefined;
        const range = data.valueRange(`${pointer}/bind/propagation`);
        if (mode && Object.hasOwn(ONE_WAY, mode) && range && !data.interpolation(`${pointer}/bind/propagation`)) {
          out.push({ service, mode, range, exact: true });
        }
        return;
      }
      const value = scalarText(item);
      const range = data.valueRange(pointer);
      if (value === null || !range || data.interpolation(pointer)?.known === false) return;
      const options = shortVolumeOptions(value);
      const mode = options?.split(',').find((option) => Object.hasOwn(ONE_WAY, option));
      if (!options || !mode) return;
      const source = text.slice(range[0], range[1]);
      const list = options.split(',');
      const at = source.includes(value) && !data.interpolation(pointer) ? source.lastIndexOf(`:${options}`) : -1;
      const start = range[0] + at + 1 + list.slice(0, list.indexOf(mode)).join(',').length + (list.indexOf(mode) > 0 ? 1 : 0);
      out.push({ service, mode, range: at === -1 ? range : [start, start + mode.length], exact: at !== -1 });
    });
  }
  return out;
}

/** The options after the target of a short-syntax volume (`src:dst:ro,rshared`), or `null` when it has none. */
function shortVolumeOptions(value: string): string | null {
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const parts = value.slice(drive).split(':');
  return parts.length >= 3 ? parts[parts.length - 1]! : null;
}
