import { BOUNDS } from './bounds.js';
import type { ConfigFile, EnvironmentFileConfig } from './file-schema.js';

/**
 * Checks that relate two values of the file, which a JSON Schema cannot express. Each problem is
 * one line naming the JSON path. The generated JSON Schema accepts these files; the CLI does not
 * (docs/configuration.md lists them).
 */
export function semanticProblems(file: ConfigFile): string[] {
  const problems: string[] = [];
  const names = Object.keys(file.environments);
  if (file.default_environment !== undefined && !names.includes(file.default_environment)) {
    problems.push(
      `default_environment: "${file.default_environment}" is not one of the environments (${names.join(', ')})`,
    );
  }
  for (const name of names)
    problems.push(...environmentProblems(`environments.${name}`, file.environments[name]));
  return problems;
}

function environmentProblems(at: string, env: EnvironmentFileConfig): string[] {
  const problems: string[] = [];
  const m = env.monitoring;
  if (m.poll_intervals.initial_minutes > m.window_minutes) {
    problems.push(
      `${at}.monitoring.poll_intervals.initial_minutes: ${m.poll_intervals.initial_minutes} is longer than window_minutes (${m.window_minutes})`,
    );
  }
  const shortest = Math.min(
    m.poll_intervals.initial_interval_seconds,
    m.poll_intervals.normal_interval_seconds,
  );
  const polls = (m.window_minutes * 60) / shortest;
  if (polls > BOUNDS.maxPolls) {
    problems.push(
      `${at}.monitoring: a ${m.window_minutes} min window polled every ${shortest} s is ${Math.ceil(polls)} polls; at most ${BOUNDS.maxPolls} are allowed (lengthen the intervals or shorten the window)`,
    );
  }
  const enabled = new Set(
    Object.entries(env.notifications.channels)
      .filter(([, c]) => c.enabled)
      .map(([name]) => name),
  );
  env.notifications.escalation.escalation_levels.forEach((level, i) => {
    (level.channels ?? []).forEach((channel, j) => {
      if (!enabled.has(channel))
        problems.push(
          `${at}.notifications.escalation.escalation_levels[${i}].channels[${j}]: "${channel}" is not an enabled channel of this environment (add notifications.channels.${channel})`,
        );
    });
  });
  return problems;
}

/** Things that are allowed but probably not meant; shown by validate and in plans, never silent. */
export function environmentWarnings(name: string, env: EnvironmentFileConfig): string[] {
  const at = `environments.${name}`;
  const warnings: string[] = [];
  const gates = Object.entries(env.quality_gates).filter(([, g]) => g.enabled);
  if (gates.length === 0)
    warnings.push(`${at}.quality_gates: no gate is enabled, so monitoring judges nothing`);
  if (!env.auto_rollback.enabled) {
    for (const [gate, g] of gates) {
      if (g.actions.includes('auto_rollback'))
        warnings.push(
          `${at}.quality_gates.${gate}.actions: "auto_rollback" has no effect while auto_rollback.enabled is false (a breach only alerts)`,
        );
    }
  }
  return warnings;
}
