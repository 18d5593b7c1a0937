// js-yaml 3 (a devDependency) ships no types; only these two calls are used.
declare module 'js-yaml' {
  export function load(text: string): unknown;
  export function dump(value: unknown, options?: { lineWidth?: number; noRefs?: boolean }): string;
}
