import type { ServiceNode } from '@docmind-docker-lint/core';
import { isAlias, isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';

/**
 * What a Compose service's `healthcheck` does for an image without a HEALTHCHECK of its own:
 * - `checks`: it has a `test` that runs a command;
 * - `disabled`: `disable: true` or `test: ["NONE"]`;
 * - `missing`: no `healthcheck`, or one without a `test` (it would use the image's, and there is none);
 * - `unknown`: it may come from a service in another file (`extends` with `file`).
 * Aliases (`healthcheck: *check`), merge keys (`<<: *defaults`) and `extends` of a service of the same
 * file are followed.
 */
export type ComposeHealthcheck = 'checks' | 'disabled' | 'missing' | 'unknown';

export function composeHealthcheck(service: ServiceNode): ComposeHealthcheck {
  const document = service.compose.document;
  return service.value && document ? healthcheckOf(service.value, document, new Set()) : 'missing';
}

function healthcheckOf(service: YAMLMap, document: Document.Parsed, seen: Set<YAMLMap>): ComposeHealthcheck {
  seen.add(service);
  const healthcheck = lookup(service, 'healthcheck', document);
  if (healthcheck === undefined) {
    const extended = extendedService(service, document);
    if (extended === 'another file') return 'unknown';
    return extended && !seen.has(extended) ? healthcheckOf(extended, document, seen) : 'missing';
  }
  if (!isMap(healthcheck)) return 'missing';
  const disable = lookup(healthcheck, 'disable', document);
  if (isScalar(disable) && (disable.value === true || disable.value === 'true')) return 'disabled';
  const test = lookup(healthcheck, 'test', document);
  const first = isSeq(test) ? resolved(test.items[0], document) : test;
  if (isScalar(first) && first.value === 'NONE') return 'disabled';
  if (isSeq(test) ? test.items.length > 0 : isScalar(test) && typeof test.value === 'string' && test.value.trim() !== '') return 'checks';
  return 'missing';
}

/** A key of a map, aliases resolved, looking into merged maps (`<<: *defaults`) when it is not set. */
function lookup(map: YAMLMap, key: string, document: Document.Parsed): unknown {
  const own = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (own) return resolved(own.value, document) ?? null;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || pair.key.value !== '<<') continue;
    const merged = resolved(pair.value, document);
    const sources = isSeq(merged) ? merged.items.map((item) => resolved(item, document)) : [merged];
    for (const source of sources) {
      if (isMap(source) && source !== map) {
        const found = lookup(source, key, document);
        if (found !== undefined) return found;
      }
    }
  }
  return undefined;
}

function resolved(node: unknown, document: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The service `extends` names (`extends: base` or `extends: {service: base}`), when it has one. */
function extendedService(service: YAMLMap, document: Document.Parsed): YAMLMap | 'another file' | null {
  const extended = lookup(service, 'extends', document);
  if (isMap(extended) && lookup(extended, 'file', document) !== undefined) return 'another file';
  const name = isMap(extended) ? lookup(extended, 'service', document) : extended;
  const services = isMap(document.contents) ? resolved(document.contents.get('services', true), document) : null;
  if (!isScalar(name) || !isMap(services)) return null;
  const found = lookup(services, String(name.value), document);
  return isMap(found) ? found : null;
}
