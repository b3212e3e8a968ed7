import { createRule } from '../utils/create-rule.js';
import { composeData } from '../utils/compose-data.js';
import { publishedPorts } from '../utils/published-ports.js';

/** Container ports of databases, caches, brokers and daemons that should not face the network, with what listens there. */
export const DEFAULT_DATABASE_PORTS: Readonly<Record<string, string>> = {
  '1433': 'SQL Server',
  '1521': 'Oracle',
  '2181': 'ZooKeeper',
  '2375': 'the Docker daemon',
  '2376': 'the Docker daemon',
  '2379': 'etcd',
  '3306': 'MySQL/MariaDB',
  '5432': 'PostgreSQL',
  '5672': 'RabbitMQ',
  '5984': 'CouchDB',
  '6379': 'Redis',
  '7474': 'Neo4j',
  '7687': 'Neo4j',
  '8086': 'InfluxDB',
  '8123': 'ClickHouse',
  '8529': 'ArangoDB',
  '9042': 'Cassandra',
  '9092': 'Kafka',
  '9200': 'Elasticsearch/OpenSearch',
  '9300': 'Elasticsearch/OpenSearch',
  '11211': 'Memcached',
  '15672': 'RabbitMQ management',
  '26257': 'CockroachDB',
  '27017': 'MongoDB',
  '33060': 'MySQL',
};

export type Options = [
  {
    /** Container ports to report, with a name for the message. */
    ports: Record<string, string>;
  },
];
export type MessageIds = 'publicDatabase' | 'bindToLoopback';

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::']);

/** The option's ports with their numbers, in key order: worked out once per options object, not per published port. */
const numbered = new WeakMap<Readonly<Record<string, string>>, readonly (readonly [string, number])[]>();

function numberedKeys(ports: Readonly<Record<string, string>>): readonly (readonly [string, number])[] {
  let keys = numbered.get(ports);
  if (!keys) numbered.set(ports, (keys = Object.keys(ports).map((key) => [key, Number(key)] as const)));
  return keys;
}

export default createRule<MessageIds, Options>({
  name: 'ports-no-public-database',
  meta: {
    type: 'problem',
    docs: {
      description: 'Database, cache and broker ports are not published on every interface of the host.',
      recommended: true,
      sources: {},
    },
    messages: {
      publicDatabase: 'Service "{{service}}" publishes {{product}} (container port {{target}}) on every interface of the host, so anyone who can reach the host can try to log in; Docker\'s rules also bypass a host firewall such as ufw. Bind it to 127.0.0.1, or do not publish it and let the other services use the Compose network.',
      bindToLoopback: 'Listen on 127.0.0.1 only.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ports: {
            type: 'object',
            patternProperties: { '^[0-9]+$': { type: 'string' } },
            additionalProperties: false,
            description: 'Container ports to report, each with the name used in the message (`{"8080": "the admin console"}`). Replaces the default list.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ports: { ...DEFAULT_DATABASE_PORTS } }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const port of publishedPorts(data)) {
          if (port.unknown || port.interpolatedHost || !port.target || !ALL_INTERFACES.has(port.hostIp.replace(/^\[|\]$/g, ''))) continue;
          const [low, high] = port.target;
          const target = numberedKeys(options.ports).find(([, number]) => number >= low && number <= high)?.[0];
          if (target === undefined || reported.has(port.range.join())) continue;
          reported.add(port.range.join());
          const node = data.location(port.pointer)?.value;
          const scalarType = node && 'type' in node ? node.type : undefined;
          const canInsert = port.published !== null && port.hostIp === '' && (scalarType === 'PLAIN' || scalarType === 'QUOTE_DOUBLE' || scalarType === 'QUOTE_SINGLE');
          const insertAt = port.range[0] + (scalarType === 'PLAIN' ? 0 : 1);
          context.report({
            range: port.range,
            messageId: 'publicDatabase',
            data: { service: port.service, product: options.ports[target]!, target },
            suggest: canInsert ? [{ messageId: 'bindToLoopback', fix: (fixer) => fixer.insertTextBeforeRange([insertAt, insertAt], '127.0.0.1:') }] : [],
          });
        }
      },
    };
  },
});
