import { distance } from 'fastest-levenshtein';

/** How many names a problem suggests at most. */
const MAX_SUGGESTIONS = 3;

/**
 * The contract names a mistyped name most likely meant, best first: names that differ only in the
 * nesting delimiter (`DATABASE_URL` for `DATABASE__URL`), names whose nested field is the name
 * (`QDRANT_URL` in `DOCMIND_DATABASE__QDRANT_URL`), then names within a small edit distance.
 */
export function closestNames(name: string, contract: Iterable<string>, prefix: string, delimiter: string): string[] {
  const flat = (text: string): string => (delimiter === '' ? text : text.split(delimiter).join('_'));
  const bare = (text: string): string => (prefix !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text);
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of contract) {
    if (candidate === name) continue;
    let score: number;
    if (flat(candidate) === flat(name) || flat(bare(candidate)) === flat(bare(name))) score = 0;
    else if (delimiter !== '' && bare(candidate).endsWith(delimiter + bare(name))) score = 0.5;
    else score = Math.min(distance(name, candidate), distance(bare(name), bare(candidate)));
    if (score <= limit) scored.push({ candidate, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.candidate);
}
