import type { ActionCore } from '../../src/action/core.js';

export interface Annotation {
  kind: 'warning' | 'error';
  message: string;
  title?: string;
}

export interface RecordingCore {
  core: ActionCore;
  outputs: Record<string, string>;
  /** Values passed to setSecret, in order. */
  secrets: string[];
  /** Every info/debug/notice line, as the runner's log would show it. */
  messages: string[];
  /** Every warning and error annotation, with its title when one was given. */
  annotations: Annotation[];
  failed(): string | undefined;
  summary(): string;
}

/**
 * A recording stand-in for @actions/core, passed to the action's entry (it takes `core` as a
 * parameter), so tests read inputs, outputs, annotations and the job summary without module mocking.
 */
export function recordingCore(inputs: Record<string, string>): RecordingCore {
  const outputs: Record<string, string> = {};
  const secrets: string[] = [];
  const messages: string[] = [];
  const annotations: Annotation[] = [];
  let failed: string | undefined;
  let summary = '';
  const summaryApi = {
    addRaw(text: string) {
      summary += text;
      return summaryApi;
    },
    write() {
      return Promise.resolve(summaryApi);
    },
  };
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    getBooleanInput: (name: string) => inputs[name] === 'true',
    setOutput: (name: string, value: unknown) => {
      outputs[name] = String(value);
    },
    setFailed: (m: string | Error) => {
      failed = String(m);
    },
    setSecret: (s: string) => {
      secrets.push(s);
    },
    info: (m: string) => {
      messages.push(m);
    },
    debug: (m: string) => {
      messages.push(m);
    },
    notice: (m: string | Error) => {
      messages.push(String(m));
    },
    warning: (m: string | Error, props?: { title?: string }) => {
      annotations.push({ kind: 'warning', message: String(m), title: props?.title });
    },
    error: (m: string | Error, props?: { title?: string }) => {
      annotations.push({ kind: 'error', message: String(m), title: props?.title });
    },
    startGroup: () => undefined,
    endGroup: () => undefined,
    summary: summaryApi,
  } as unknown as ActionCore;
  return { core, outputs, secrets, messages, annotations, failed: () => failed, summary: () => summary };
}
