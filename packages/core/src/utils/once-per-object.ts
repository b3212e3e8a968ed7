/**
 * `read`, computed once per object: rules reading the same instruction, command or service share one
 * reading of it. Answers are held in a WeakMap, so they live as long as the object (a parsed file's
 * nodes live as long as its lint) and keep nothing alive themselves.
 */
export function oncePerObject<K extends object, V>(read: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    const value = read(key);
    answers.set(key, value);
    return value;
  };
}
