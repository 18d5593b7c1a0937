/**
 * Gating tests on tools a machine may lack (shellcheck, prometheus, a browser, ...).
 *
 *   const shellcheck = requireTool('shellcheck', 'apt-get install -y shellcheck');
 *   shellcheck.describe('shellcheck on run: scripts', () => { ... shellcheck.path ... });
 *
 * When the tool is found, `describe`/`test` are jest's own and `path` is the executable.
 * When it is missing, ONE line goes to stderr ("skipped: <what> needs <tool> (not found); install
 * it with: <how>") and the suite is skipped, so `npm test` still passes on a bare machine.
 * With DHASH_TEST_STRICT=1 (set by .ci/run) a missing tool is a failure instead: the suite is
 * replaced by one failing test that says the same thing, so CI can never pass by skipping.
 *
 * `name` is looked up on PATH unless it is a path; `options.envVar` lets a variable (for example
 * PROMETHEUS_BIN) name the executable, and `options.probe` replaces the lookup for things that
 * are not executables (it returns the reason the requirement is unmet, or null when met).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface RequiredTool {
  /** The tool's name as given. */
  name: string;
  /** The executable found, or null when missing. */
  path: string | null;
  /** Why it is unusable (null when usable). */
  missing: string | null;
  /** jest's describe when usable; otherwise a skipped suite, or a failing one in strict mode. */
  describe: (title: string, body: () => void) => void;
  /** jest's test when usable; otherwise a skipped test, or a failing one in strict mode. */
  test: (title: string, body: jest.ProvidesCallback, timeout?: number) => void;
}

export interface RequireToolOptions {
  /** An environment variable that, when set, names the executable (absolute path or name). */
  envVar?: string;
  /** Checks a requirement that is not an executable: returns why it is unmet, or null. */
  probe?: () => string | null;
}

export const STRICT_VARIABLE = 'DHASH_TEST_STRICT';

export function strictMode(): boolean {
  const value = process.env[STRICT_VARIABLE];
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The executable `command` resolves to (a path, or a name looked up on PATH), or null. */
export function findExecutable(command: string): string | null {
  if (command.includes('/')) return isExecutableFile(command) ? command : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** One line saying what is missing and how to get it (used for the skip and the strict failure). */
export function missingToolLine(name: string, why: string, install: string): string {
  return `${name} ${why}; install it with: ${install}`;
}

export function requireTool(name: string, install: string, options: RequireToolOptions = {}): RequiredTool {
  const fromEnv = options.envVar ? process.env[options.envVar] : undefined;
  const command = fromEnv || name;
  let path: string | null = null;
  let missing: string | null;
  if (options.probe) {
    missing = options.probe();
  } else {
    path = findExecutable(command);
    missing = path ? null : fromEnv ? `not found at ${options.envVar}=${fromEnv}` : `not found on PATH`;
  }
  if (missing === null) return { name, path, missing, describe: globalThis.describe, test: globalThis.test };

  const line = missingToolLine(name, missing, install);
  if (strictMode()) {
    const fail = () => {
      throw new Error(`${line} (${STRICT_VARIABLE}=1 makes a missing tool a failure, not a skip)`);
    };
    return {
      name,
      path,
      missing,
      describe: (title) => {
        globalThis.describe(title, () => {
          globalThis.test(`needs ${name}`, fail);
        });
      },
      test: (title) => {
        globalThis.test(title, fail);
      },
    };
  }
  let said = false;
  const say = (title: string) => {
    if (said) return;
    said = true;
    process.stderr.write(`skipped: "${title}": ${line}\n`);
  };
  return {
    name,
    path,
    missing,
    describe: (title, body) => {
      say(title);
      globalThis.describe.skip(title, body);
    },
    test: (title, body, timeout) => {
      say(title);
      globalThis.test.skip(title, body, timeout);
    },
  };
}

/**
 * Info-ZIP's zip and unzip: the archive tests' witnesses that what we write is a zip other tools
 * read (and their source of archives we did not write). One requirement for the pair.
 */
export function requireInfoZip(): RequiredTool {
  return requireTool('zip and unzip', 'apt-get install -y zip unzip', {
    probe: () => {
      const missing = ['zip', 'unzip'].filter((tool) => findExecutable(tool) === null);
      return missing.length === 0 ? null : `not found on PATH (${missing.join(', ')})`;
    },
  });
}
