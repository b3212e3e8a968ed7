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
