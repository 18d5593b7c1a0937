/**
 * A validated config file described without its values: which parts of the validated result are the
 * file's own (taken again from the file's JSON) and which are the schema's defaults, in the
 * result's key order. The start-up cache (config-cache.ts) stores this instead of the result, so it
 * never holds a value written in the file (a literal webhook URL, a password in a URL, a service
 * variable), only key names and the schema's own defaults.
 *
 * The schema transforms nothing (no zod transform, coerce or preprocess): a value of the result is
 * either the file's, at the same path, or a default. `describeValidated` checks that and returns
 * null for anything else, so a future transform can only turn the cache off, never make it wrong.
 */

export type SkeletonNode =
  /** The file's own value at this path. */
  | ['file']
  /** A default of the schema (not in the file). */
  | ['default', unknown]
  /** An object: its keys in the result's order. */
  | ['object', Array<[string, SkeletonNode]>]
  | ['array', SkeletonNode[]];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(result: unknown, file: unknown, inFile: boolean): SkeletonNode | null {
  // A key holding undefined does not survive JSON; such a result is not described (not cached).
  if (result === undefined) return null;
  if (!inFile) return ['default', result];
  if (Array.isArray(result)) {
    if (!Array.isArray(file) || file.length !== result.length) return null;
    const items: SkeletonNode[] = [];
    for (let i = 0; i < result.length; i++) {
      const item = describe(result[i], file[i], true);
      if (item === null) return null;
      items.push(item);
    }
    return ['array', items];
  }
  if (isObject(result)) {
    if (!isObject(file)) return null;
    const entries: Array<[string, SkeletonNode]> = [];
    for (const key of Object.keys(result)) {
      const node = describe(result[key], file[key], Object.hasOwn(file, key));
      if (node === null) return null;
      entries.push([key, node]);
    }
    return ['object', entries];
  }
  return Object.is(result, file) ? ['file'] : null;
}

/**
 * The skeleton of `validated` (the schema's output) over `file` (the JSON it was parsed from), as
 * JSON text, or null when the output is not the file plus defaults. Rebuilding from the stored text
 * is checked here, so what is stored always gives back exactly `validated`.
 */
export function describeValidated(validated: unknown, file: unknown): string | null {
  const skeleton = describe(validated, file, true);
  if (skeleton === null) return null;
  const text = JSON.stringify(skeleton);
  return sameJson(rebuildValidated(JSON.parse(text) as SkeletonNode, file), validated) ? text : null;
}

/**
 * The validated result again, from its skeleton and the same file's JSON. Throws when the file does
 * not have the shape the skeleton describes (a damaged entry, or one of another file): the caller
 * then validates the file instead of trusting half a result.
 */
export function rebuildValidated(node: SkeletonNode, file: unknown): unknown {
  switch (node[0]) {
    case 'file':
      if (file === undefined) throw new Error('the skeleton names a value the file does not have');
      return file;
    case 'default':
      // Not copied: a skeleton is parsed from its stored text for each use, so nothing shares it.
      return node[1];
    case 'array': {
      if (!Array.isArray(file) || file.length !== node[1].length)
        throw new Error('the skeleton names an array the file does not have');
      return node[1].map((item, i) => rebuildValidated(item, file[i]));
    }
    case 'object': {
      if (!isObject(file)) throw new Error('the skeleton names an object the file does not have');
      const out: Record<string, unknown> = {};
      for (const [key, child] of node[1])
        out[key] = rebuildValidated(child, Object.hasOwn(file, key) ? file[key] : undefined);
      return out;
    }
  }
}

/** A skeleton read back from storage, checked for shape (a damaged cache file is ignored, not trusted). */
export function isSkeleton(value: unknown): value is SkeletonNode {
  if (!Array.isArray(value)) return false;
  switch (value[0]) {
    case 'file':
      return value.length === 1;
    case 'default':
      return value.length === 2;
    case 'array':
      return value.length === 2 && Array.isArray(value[1]) && (value[1] as unknown[]).every(isSkeleton);
    case 'object':
      return (
        value.length === 2 &&
        Array.isArray(value[1]) &&
        (value[1] as unknown[]).every(
          (e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && isSkeleton(e[1]),
        )
      );
    default:
      return false;
  }
}
