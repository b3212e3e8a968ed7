import { it } from 'vitest';
import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { parse } from 'shell-quote';
it('x', () => {
  const text = 'FROM x\nRUN --mount=type=cache,target=/root/.cache <<EOF\nuv sync\nuv pip install -r req.txt\nEOF\nRUN <<A <<B bash\necho\nA\nB\nRUN uv sync && \\\n  # c\n  pip install uv\n';
  const df = parseDockerfile(new SourceFile('/x/Dockerfile', text, 'dockerfile'));
  for (const i of df.instructions) {
    console.log(JSON.stringify({ k: i.keyword, argsText: i.argsText, range: text.slice(...i.range), args: i.args.map(a => a.raw), flags: i.flags }));
    try { console.log(JSON.stringify((i.ast as any).getHeredocs?.().map((h: any) => ({ name: h.getName(), content: h.getContentRange(), delim: h.getDelimiterRange?.()}) ))); } catch (e) { console.log('err', e); }
  }
  console.log(JSON.stringify(parse('a && b\nc; d "e f" $X ${Y} # hi', (n) => '$' + n)));
  console.log(JSON.stringify(parse('pip install "uv==0.5" x>=1 2>/dev/null', (n) => '$' + n)));
});
