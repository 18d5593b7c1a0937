import type * as actionsCore from '@actions/core';

/** The part of @actions/core the action uses; passed in, so tests need no module mocking. */
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
  | 'summary'
  | 'startGroup'
  | 'endGroup'
>;
