import type * as actionsCore from '@actions/core';

/**
 * The part of @actions/core the action uses; passed in, so tests need no module mocking. The
 * action entry passes runner-core.ts, which speaks the same runner protocol without loading
 * @actions/core's HTTP client; the job summary needs only addRaw and write.
 */
export type ActionCore = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'getBooleanInput'
  | 'setOutput'
  | 'setFailed'
  | 'setSecret'
  | 'info'
  | 'warning'
  | 'error'
  | 'notice'
  | 'debug'
  | 'startGroup'
  | 'endGroup'
> & {
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } };
};

export type AnnotationProperties = actionsCore.AnnotationProperties;
