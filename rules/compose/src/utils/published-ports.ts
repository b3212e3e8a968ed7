import type { OffsetRange } from '@docmind-docker-lint/core';
import { scalarText, servicePointer, isData, type ComposeData } from './compose-data.js';

/** A port a service publishes on the host, from the short (`[ip:][host:]container[/proto]`) or long syntax. */
export interface PublishedPort {
  readonly service: string;
  readonly pointer: string;
  readonly range: OffsetRange;
  /** `''` when no host address is given (every interface, IPv4 and IPv6). */
  readonly hostIp: string;
  /** Host port range, inclusive; `null` when no host port is published (Docker picks one). */
  readonly published: readonly [number, number] | null;
  /** Container port range, inclusive; `null` when it cannot be read. */
  readonly target: readonly [number, number] | null;
  readonly protocol: string;
  /** Some part comes from a variable that is not known here. */
  readonly unknown: boolean;
  /** The host address comes from a variable (known or not). */
  readonly interpolatedHost: boolean;
}

/** Parses `ports` of every service; items that cannot be parsed are skipped. */
export function publishedPorts(data: ComposeData): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const [service, definition] of Object.entries(data.services)) {
    const ports = definition.ports;
    if (!Array.isArray(ports)) continue;
    ports.forEach((item, index) => {
      const pointer = servicePointer(service, 'ports', index);
      const range = (isData(item) ? data.valueRange(`${pointer}/published`) : null) ?? data.valueRange(pointer);
      if (!range) return;
      const interpolation = data.interpolation(pointer);
      const parsed = isData(item) ? parseLong(item, data, pointer) : parseShort(scalarText(item), interpolation?.known === false);
      if (!parsed) return;
      const rawText = interpolation ? data.location(pointer)?.value : undefined;
      const raw = rawText && 'value' in rawText ? scalarText(rawText.value) : null;
      const interpolatedHost = raw !== null && hostPart(raw).includes('$');
      out.push({ service, pointer, range, ...parsed, interpolatedHost });
    });
  }
  return out;
}

type ParsedPort = Omit<PublishedPort, 'service' | 'pointer' | 'range' | 'interpolatedHost'>;

function parseShort(text: string | null, unknown: boolean): ParsedPort | null {
  if (text === null) return null;
  const slash = text.lastIndexOf('/');
  const protocol = slash === -1 ? 'tcp' : text.slice(slash + 1).toLowerCase();
  const body = slash === -1 ? text : text.slice(0, slash);
  let hostIp = '';
  let rest = body;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(body);
  if (bracket) {
    hostIp = bracket[1]!;
    rest = bracket[2]!;
  }
  const parts = rest.split(':');
  if (!bracket && parts.length > 2) {
    // IPv4 host (`127.0.0.1:80:80`) or an unbracketed IPv6 one (`::1:80:80`): the last two are ports.
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  }
  const target = parseRange(parts[parts.length - 1]!);
  if (parts.length === 1) return { hostIp, published: null, target, protocol, unknown };
  const published = parseRange(parts[0]!);
  if (parts[0] === '') return { hostIp, published: null, target, protocol, unknown };
  if (!published) return unknown ? { hostIp, published: null, target, protocol, unknown } : null;
  return { hostIp, published, target, protocol, unknown };
}

function parseLong(item: Record<string, unknown>, data: ComposeData, pointer: string): ParsedPort | null {
  const published = scalarText(item.published);
  const unknown = ['published', 'host_ip'].some((key) => data.interpolation(`${pointer}/${key}`)?.known === false);
  const range = published === null || published === '' ? null : parseRange(published);
  return {
    hostIp: scalarText(item.host_ip) ?? '',
    published: range,
    target: parseRange(scalarText(item.target) ?? ''),
    protocol: (scalarText(item.protocol) ?? 'tcp').toLowerCase(),
    unknown: unknown || (published !== null && published !== '' && range === null),
  };
}

function parseRange(text: string): [number, number] | null {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return end >= start ? [start, end] : null;
}

/** The text before the last two `:`-separated parts of a short port (the host address, if any). */
function hostPart(text: string): string {
  const body = text.split('/')[0]!;
  const parts = body.split(':');
  return parts.length > 2 ? parts.slice(0, -2).join(':') : '';
}

/** Whether two host addresses can both be bound to the same port (they do not overlap). */
export function hostsOverlap(a: string, b: string): boolean {
  const family = (ip: string): 'v4' | 'v6' | 'any' => (ip === '' ? 'any' : ip.includes(':') ? 'v6' : 'v4');
  const normal = (ip: string): string => (ip === '::' || ip === '0.0.0.0' ? '*' : ip);
  const fa = family(a);
  const fb = family(b);
  if (fa === 'any' || fb === 'any') return true;
  if (fa !== fb) return false;
  return normal(a) === '*' || normal(b) === '*' || normal(a) === normal(b);
}
