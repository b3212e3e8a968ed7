/**
 * The uv release suggestions pin when neither the `uvVersion` option, `tool.uv.required-version`
 * nor a pinned uv elsewhere in the Dockerfile names one: the newest uv on PyPI in November 2026.
 * Update it now and then; a stale value only makes a suggestion pin an older (working) release.
 */
export const KNOWN_UV_RELEASE = '0.13.8';

/** The image uv is published in, whose tags are uv versions (`0.5.11`, `0.5.11-python3.12-bookworm`). */
export const UV_IMAGE = 'ghcr.io/astral-sh/uv';
