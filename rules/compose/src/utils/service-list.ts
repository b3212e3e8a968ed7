import type { OffsetRange } from '@docmind-docker-lint/core';
import { scalarText, servicePointer, type ComposeData } from './compose-data.js';

/** One scalar item of a list-valued service key (`cap_add`, `security_opt`, ...). */
export interface ServiceListItem {
  readonly service: string;
  readonly pointer: string;
  readonly text: string;
  readonly range: OffsetRange;
  /** The item comes from a variable that is not known here. */
  readonly unknown: boolean;
}

/**
 * The scalar items of `key` in every service, each once: items of an anchored list that several
 * services share are listed for the first of them only.
 */
export function serviceListItems(data: ComposeData, key: string): ServiceListItem[] {
  const out: ServiceListItem[] = [];
  const seen = new Set<string>();
  for (const [service, definition] of Object.entries(data.services)) {
    const list = definition[key];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      const text = scalarText(item);
      const pointer = servicePointer(service, key, index);
      const range = data.valueRange(pointer);
      if (text === null || !range || seen.has(range.join())) return;
      seen.add(range.join());
      out.push({ service, pointer, text, range, unknown: data.interpolation(pointer)?.known === false });
    });
  }
  return out;
}
