/**
 * Variables a container commonly needs that are not the app's settings: the system's, proxies,
 * Python's and its tools', GPU runtimes', model caches'. `*` at the end matches any rest.
 */
export const RUNTIME_VARIABLES: readonly string[] = [
  'TZ', 'LANG', 'LANGUAGE', 'LC_*', 'PATH', 'HOME', 'USER', 'HOSTNAME', 'TERM', 'SHELL', 'TMPDIR',
  'LD_LIBRARY_PATH', 'DEBIAN_FRONTEND',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy',
  'SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE',
  'PYTHON*', 'PIP_*', 'UV_*', 'VIRTUAL_ENV',
  'NVIDIA_*', 'CUDA_*', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'TOKENIZERS_PARALLELISM',
  'HF_*', 'HUGGINGFACE_*', 'TRANSFORMERS_*', 'TORCH_*',
  'STREAMLIT_*',
];

/** Whether a name is one of the patterns (exact, or a `PREFIX*` pattern). */
export function matchesVariablePattern(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}
