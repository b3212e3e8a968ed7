import { it } from 'vitest';
import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
it('x', () => {
  const text = 'FROM x\nCOPY --from=a --chown=1 src/ uv.lock ./\nCOPY <<EOF uv.lock\nversion = 1\nEOF\nCOPY ["a b", "c"]\nADD --checksum=sha256:1 https://x/y.tar .\n';
  const df = parseDockerfile(new SourceFile('/x/Dockerfile', text, 'dockerfile'));
  for (const i of df.instructions) {
    console.log(JSON.stringify({ k: i.keyword, args: i.args.map(a => [a.value, a.raw]), flags: i.flags.map(f => [f.name, f.value]), exec: i.execForm?.elements.map(e => e.value) }));
    try { console.log(JSON.stringify((i.ast as any).getHeredocs?.().map((h: any) => ({ name: h.getName(), content: h.getContentRange()}) ))); } catch (e) { console.log('err', e); }
  }
});
