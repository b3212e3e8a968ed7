import type { OffsetRange } from '@docmind-docker-lint/core';
import { isData, scalarText, servicePointer, type ComposeData } from './compose-data.js';
import { scalarPartRange } from './scalar-part.js';

/** One entry of a service's `volumes`, in the short (`source:target[:mode]`) or the long syntax. */
export interface ServiceVolume {
  readonly service: string;
  readonly pointer: string;
  /** The whole entry (the short string, or the long form's `source` value when present). */
  readonly range: OffsetRange;
  readonly type: string;
  /** The host path or volume name; `null` for an anonymous volume. */
  readonly source: string | null;
  /** Where the source is written, or the entry's range when it cannot be told apart. */
  readonly sourceRange: OffsetRange;
  /** Some part comes from a variable that is not known here. */
  readonly unknown: boolean;
}

const HOST_PATH = /^(?:[./~]|[A-Za-z]:[\\/]|\\\\)/;

/** Whether a short-syntax source is a host path (a bind mount) rather than a volume name. */
export function isHostPath(source: string): boolean {
  return HOST_PATH.test(source);
}

/** Every `volumes` entry of every service of a file; entries that are not understood are skipped. */
export function serviceVolumes(data: ComposeData, text: string): ServiceVolume[] {
  const out: ServiceVolume[] = [];
  for (const [service, definition] of Object.entries(data.services)) {
    if (!Array.isArray(definition.volumes)) continue;
    definition.volumes.forEach((item, index) => {
      const pointer = servicePointer(service, 'volumes', index);
      const volume = isData(item) ? longVolume(data, pointer, item) : shortVolume(data, text, pointer, scalarText(item));
      if (volume) out.push({ service, pointer, ...volume });
    });
  }
  return out;
}

type ParsedVolume = Omit<ServiceVolume, 'service' | 'pointer'>;

function shortVolume(data: ComposeData, text: string, pointer: string, value: string | null): ParsedVolume | null {
  const range = data.valueRange(pointer);
  if (value === null || !range) return null;
  const unknown = data.interpolation(pointer)?.known === false;
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', drive);
  if (colon === -1) return { range, type: 'volume', source: null, sourceRange: range, unknown };
  const source = value.slice(0, colon);
  const written = data.interpolation(pointer) ? null : scalarPartRange(text, range, source);
  return {
    range,
    type: isHostPath(source) ? 'bind' : 'volume',
    source,
    sourceRange: written?.exact ? written.range : range,
    unknown,
  };
}

function longVolume(data: ComposeData, pointer: string, item: Record<string, unknown>): ParsedVolume | null {
  const range = data.valueRange(`${pointer}/source`) ?? data.valueRange(pointer);
  if (!range) return null;
  const source = scalarText(item.source);
  return {
    range,
    type: scalarText(item.type) ?? 'volume',
    source: source === '' ? null : source,
    sourceRange: range,
    unknown: ['source', 'type'].some((key) => data.interpolation(`${pointer}/${key}`)?.known === false),
  };
}
