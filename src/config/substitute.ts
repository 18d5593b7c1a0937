import { jsonPath } from './issues.js';

/** A `${VAR}` without a default whose variable is not set. */
export interface UnsetVariable {
  path: string;
  variable: string;
}

const TEMPLATE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in one string from `lookup`. `$${` stays a literal `${`.
 * An empty variable counts as unset for `:-` (as in the shell). Returns the variables that were
 * unset with no default; the value is then unusable and must not be used.
 */
export function substituteString(
  value: string,
  lookup: (name: string) => string | undefined,
): { value: string; unset: string[] } {
  const unset: string[] = [];
  // Most strings of a config have no template: no regular expression run (every command starts
  // by substituting the whole environment).
  if (!value.includes('${')) return { value, unset };
  const out = value.replace(TEMPLATE, (whole, name: string | undefined, fallback: string | undefined) => {
    // Only `$${` matches without a name.
    if (name === undefined) return '${';
    const found = lookup(name);
    if (found !== undefined && found !== '') return found;
    if (fallback !== undefined) return fallback;
    if (found === '') return '';
    unset.push(name);
    return whole;
  });
  return { value: out, unset };
}

/**
 * Substitutes every string in a JSON-like tree (a copy is returned). Iterative, so a deep tree
 * cannot overflow the stack. Unset variables are reported with the JSON path of their string.
 */
export function substituteTree<T>(
  root: T,
  basePath: readonly PropertyKey[],
  lookup: (name: string) => string | undefined,
): { value: T; unset: UnsetVariable[] } {
  const unset: UnsetVariable[] = [];
  const visit = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') {
      const r = substituteString(value, lookup);
      for (const variable of r.unset) unset.push({ path: jsonPath(path), variable });
      return r.value;
    }
    return value;
  };
  const rootCopy = copy(root);
  if (rootCopy === null || typeof rootCopy !== 'object')
    return { value: visit(rootCopy, [...basePath]) as T, unset };
  const stack: Array<{ node: Record<PropertyKey, unknown>; path: PropertyKey[] }> = [
    { node: rootCopy as Record<PropertyKey, unknown>, path: [...basePath] },
  ];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, path } = top;
    for (const key of Object.keys(node)) {
      const k: PropertyKey = Array.isArray(node) ? Number(key) : key;
      const childPath = [...path, k];
      const child = visit(node[key], childPath);
      node[key] = child;
      if (child !== null && typeof child === 'object')
        stack.push({ node: child as Record<PropertyKey, unknown>, path: childPath });
    }
  }
  return { value: rootCopy, unset };
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
