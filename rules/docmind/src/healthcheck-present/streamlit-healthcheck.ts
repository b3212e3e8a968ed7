import type { StageRuntime } from './stage-runtime.js';

/** Streamlit's port when nothing sets one. */
const STREAMLIT_DEFAULT_PORT = '8501';

/** The HEALTHCHECK that asks Streamlit's own health endpoint, with Python's standard library only. */
export function streamlitHealthcheck(port: string): string {
  return `HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}/_stcore/health')"]`;
}

/**
 * The port Streamlit listens on, in Streamlit's own order of precedence: the command's
 * `--server.port`, then `STREAMLIT_SERVER_PORT`, then (as the image's own statement) the first
 * EXPOSEd port, then Streamlit's default. Values that are not plain numbers (`$PORT`) are skipped.
 */
export function streamlitPort(runtime: StageRuntime, args: readonly string[]): string {
  const candidates = [
    commandPort(args),
    runtime.env.get('STREAMLIT_SERVER_PORT'),
    ...(runtime.expose?.args.map((argument) => argument.value.replace(/\/(tcp|udp)$/i, '')) ?? []),
  ];
  return candidates.find((candidate) => candidate !== undefined && /^\d+$/.test(candidate)) ?? STREAMLIT_DEFAULT_PORT;
}

function commandPort(args: readonly string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    if (arg === '--server.port') return args[index + 1];
    if (arg.startsWith('--server.port=')) return arg.slice('--server.port='.length);
  }
  return undefined;
}
