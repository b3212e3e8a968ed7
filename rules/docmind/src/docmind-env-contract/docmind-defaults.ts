/** The options the `docmind` preset gives docmind-env-contract. */
export const DOCMIND_ENV_CONTRACT_OPTIONS = {
  prefix: 'DOCMIND_',
  delimiter: '__',
  legacy: {
    OLLAMA_BASE_URL: 'DOCMIND_OLLAMA_BASE_URL',
    LMSTUDIO_BASE_URL: 'DOCMIND_LMSTUDIO_BASE_URL',
    VLLM_BASE_URL: 'DOCMIND_VLLM_BASE_URL',
  },
} as const;
