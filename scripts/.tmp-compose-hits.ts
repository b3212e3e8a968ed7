// Temporary (not for commit): per-rule hit counts of the compose pack over the corpus.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintProject } from '@docmind-docker-lint/core';
const corpus = path.resolve('../shared/corpus');
const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)
  .map((line) => line.split('\t')).filter((cols) => cols[3] === 'compose').map(([repo, , file]) => `${repo!.replace('/', '__')}/${file}`)
  .filter((file) => existsSync(path.join(corpus, file)));
const results = await lintProject({ useConfigFiles: false, baseConfig: { extends: ['all'] }, cwd: corpus, patterns: manifest });
const counts = new Map<string, number>();
const samples: string[] = [];
for (const r of results) for (const m of r.messages) {
  const id = m.ruleId ?? 'fatal';
  counts.set(id, (counts.get(id) ?? 0) + 1);
  samples.push(`${id}\t${path.relative(corpus, r.filePath)}:${m.line}:${m.column}\t${m.message}`);
}
console.log(manifest.length, 'compose files');
for (const [id, n] of [...counts].sort()) console.log(id.padEnd(40), n);
writeFileSync('/tmp/ck/hits.tsv', samples.join('\n'));
