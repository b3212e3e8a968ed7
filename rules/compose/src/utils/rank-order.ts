/** Ranks by order list, per list (options arrays are shared between files): name -> first position. */
const ranksByOrder = new WeakMap<readonly string[], Map<string, number>>();

/**
 * A comparison by position in a list of names, where `x-*` stands for every extension key and
 * names not in the list come last, keeping their order among themselves.
 */
export function rankCompare(order: readonly string[]): (a: string, b: string) => number {
  let positions = ranksByOrder.get(order);
  if (!positions) {
    positions = new Map();
    for (const [index, name] of order.entries()) if (!positions.has(name)) positions.set(name, index);
    ranksByOrder.set(order, positions);
  }
  const known = positions;
  const extension = known.get('x-*') ?? -1;
  const rank = (name: string): number => {
    const exact = known.get(name);
    if (exact !== undefined) return exact;
    return extension !== -1 && name.startsWith('x-') ? extension : order.length;
  };
  return (a, b) => rank(a) - rank(b);
}

// `a.localeCompare(b, 'en', options)` compares as `new Intl.Collator('en', options).compare(a, b)`
// does; one collator, made once, spares building one per comparison.
/** Alphabetical order (English collation), as `a.localeCompare(b, 'en')`. */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('en').compare;
/** Alphabetical order with digit runs compared as numbers, as `a.localeCompare(b, 'en', { numeric: true })`. */
export const compareNamesNumeric: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true }).compare;
