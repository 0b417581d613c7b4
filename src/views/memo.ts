/**
 * Views of remembered lookups drawn once: a lookup answered from the season store (src/seasons/store.ts) is the same
 * object every time until the data changes, so its view for the same page is too. Keyed by that object, so a change
 * (new objects) leaves the old views to the garbage collector. Views are never changed after they are made.
 */
export function drawnOnce<A extends object, R extends readonly unknown[], V>(
  view: (subject: A, ...rest: R) => V,
): (subject: A, ...rest: R) => V {
  const drawn = new WeakMap<A, Map<string, V>>();
  return (subject, ...rest) => {
    let bySubject = drawn.get(subject);
    if (!bySubject) {
      bySubject = new Map();
      drawn.set(subject, bySubject);
    }
    const key = JSON.stringify(rest);
    const known = bySubject.get(key);
    if (known !== undefined) return known;
    const made = view(subject, ...rest);
    bySubject.set(key, made);
    if (made instanceof Promise) made.catch(() => bySubject.delete(key));
    return made;
  };
}
