import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';
import type { Output } from '../runtime/process-output.js';
import type { ActionCore, AnnotationProperties } from './core.js';

// The few @actions/core functions the action uses, spoken to the runner directly: INPUT_* variables
// in, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and `::command::` lines out, exactly as
// @actions/core writes them. @actions/core itself loads its OIDC client at import, and with it the
// HTTP client and undici (about half of the action's entry bundle), which every workflow step
// would pay for at start-up; none of our commands asks for an OIDC token.

/** Where workflow commands and log lines go: process.stdout, unless the entry chose (see useOutput). */
let output: Output | null = null;
const stdout = (): Output => output ?? process.stdout;

/**
 * The entry's stdout for the runner protocol: dist/index.js passes the process's output as
 * src/runtime/process-output.ts makes it (no Node stream module loaded at start-up).
 */
export function useOutput(stream: Output): void {
  output = stream;
}

/** Like @actions/core: strings as they are, anything else as JSON, nothing as ''. */
const commandValue = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(commandValue(value))}`)
    .join(',');
  stdout().write(`::${command}${props ? ` ${props}` : ''}::${escapeData(commandValue(message))}${EOL}`);
}

function annotation(kind: string, message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    kind,
    {
      title: properties.title,
      file: properties.file,
      line: properties.startLine,
      endLine: properties.endLine,
      col: properties.startColumn,
      endColumn: properties.endColumn,
    },
    message instanceof Error ? message.toString() : message,
  );
}

let delimiters = 0;

/**
 * The heredoc delimiter of one output: a line that occurs in neither the name nor the value, so a
 * value can never end its own block and write another output. @actions/core takes a random UUID
 * and throws when the value happens to hold it; checking the value and choosing another is as
 * safe without the randomness, and spares every step loading node:crypto (about 2 ms).
 */
function outputDelimiter(name: string, text: string): string {
  for (;;) {
    const delimiter = `ghadelimiter_${process.pid}_${Date.now().toString(36)}_${delimiters++}`;
    if (!name.includes(delimiter) && !text.includes(delimiter)) return delimiter;
  }
}

function getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
}

/** The job summary buffer; written (appended) to the file GITHUB_STEP_SUMMARY names. */
class StepSummary {
  private buffer = '';
  addRaw(text: string, addEOL = false): this {
    this.buffer += addEOL ? `${text}${EOL}` : text;
    return this;
  }
  async write(): Promise<this> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    // Synchronous: the summary is a few kilobytes, and node:fs/promises would be loaded (about
    // 1 ms of every step's start-up) for this one write.
    appendFileSync(file, this.buffer, 'utf8');
    await Promise.resolve();
    this.buffer = '';
    return this;
  }
}

export const runnerCore: ActionCore = {
  getInput,
  getBooleanInput(name, options) {
    const value = getInput(name, options);
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    throw new TypeError(
      `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        'Support boolean input list: `true | True | TRUE | false | False | FALSE`',
    );
  },
  setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    const text = commandValue(value);
    if (!file) {
      stdout().write(EOL);
      issueCommand('set-output', { name }, text);
      return;
    }
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
    const delimiter = outputDelimiter(name, text);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, 'utf8');
  },
  setFailed(message) {
    process.exitCode = 1;
    annotation('error', message);
  },
  setSecret(secret) {
    issueCommand('add-mask', {}, secret);
  },
  info(message) {
    stdout().write(`${message}${EOL}`);
  },
  warning(message, properties) {
    annotation('warning', message, properties);
  },
  error(message, properties) {
    annotation('error', message, properties);
  },
  notice(message, properties) {
    annotation('notice', message, properties);
  },
  debug(message) {
    issueCommand('debug', {}, message);
  },
  startGroup(name) {
    issueCommand('group', {}, name);
  },
  endGroup() {
    issueCommand('endgroup', {}, '');
  },
  summary: new StepSummary(),
};
