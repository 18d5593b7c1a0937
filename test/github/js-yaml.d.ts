// js-yaml is present as a dependency of the test toolchain (istanbul); only these two calls are used.
declare module 'js-yaml' {
  export function load(text: string): unknown;
  export function dump(value: unknown, options?: { lineWidth?: number; noRefs?: boolean }): string;
}
