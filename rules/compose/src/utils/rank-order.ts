/**
 * A comparison by position in a list of names, where `x-*` stands for every extension key and
 * names not in the list come last, keeping their order among themselves.
 */
export function rankCompare(order: readonly string[]): (a: string, b: string) => number {
  const rank = (name: string): number => {
    const exact = order.indexOf(name);
    if (exact !== -1) return exact;
    const extension = name.startsWith('x-') ? order.indexOf('x-*') : -1;
    return extension !== -1 ? extension : order.length;
  };
  return (a, b) => rank(a) - rank(b);
}
