// The documents the LSP latency benchmarks edit: a generated Dockerfile and Compose file of a given length.

export function dockerfile(lines: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG PYTHON_VERSION=3.11', 'FROM python:${PYTHON_VERSION}-slim AS base', 'WORKDIR /app'];
  for (let i = 0; out.length < lines - 5; i++) {
    switch (i % 5) {
      case 0:
        out.push(`ENV SETTING_${i}=value-${i}`);
        break;
      case 1:
        out.push(`RUN apt-get update && apt-get install -y --no-install-recommends curl-${i} \\`, `    && rm -rf /var/lib/apt/lists/*`);
        break;
      case 2:
        out.push(`COPY src/module_${i}.py /app/src/module_${i}.py`);
        break;
      case 3:
        out.push(`# step ${i}: keep the layers small`);
        break;
      default:
        out.push(`LABEL org.example.step-${i}="${i}"`);
    }
  }
  if (out.length < lines - 4) out.push('# the end');
  out.push('RUN groupadd --system app && useradd --system --gid app app', 'USER app', 'EXPOSE 8501', 'CMD ["streamlit", "run", "app.py"]');
  return `${out.join('\n')}\n`;
}

export function compose(lines: number): string {
  const out = ['services:'];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `  service-${i}:`,
      `    image: example/service-${i}:1.${i}.0`,
      '    environment:',
      `      DOCMIND_SETTING_${i}: value-${i}`,
      '    ports:',
      `      - "${8000 + i}:8000"`,
    );
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

/**
 * Where the benchmarks type: in the Dockerfile, the package name of the first RUN from the middle on
 * (before its ` \` continuation); in the Compose file, the end of line 150 (an environment value).
 * Every edit adds one more character there, so every lint sees a text it has not seen (a cache that
 * kept the previous texts would not help), and the edited instruction stays valid.
 */
export function typingPoint(kind: 'dockerfile' | 'compose', text: string): { line: number; character: number } {
  const lines = text.split('\n');
  if (kind === 'compose') return { line: 150, character: lines[150]!.length };
  const line = lines.findIndex((candidate, index) => index >= lines.length / 2 && candidate.startsWith('RUN '));
  const continuation = lines[line]!.lastIndexOf(' \\');
  return { line, character: continuation >= 0 ? continuation : lines[line]!.length };
}

/** The character the `step`-th edit types (`a`..`z`, then again). */
export function typedCharacter(step: number): string {
  return String.fromCharCode(97 + (step % 26));
}
