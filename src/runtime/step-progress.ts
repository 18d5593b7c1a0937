/**
 * What a long command tells its front end as it goes, so a terminal can show one line per step
 * and a spinner while it waits. Commands call it; they never draw anything themselves.
 */
export type StepStatus = 'started' | 'done' | 'failed' | 'skipped';

export interface StepEvent {
  /** "stage", "migrate", "undo activate", "002_add_index up", … */
  step: string;
  status: StepStatus;
  detail?: string;
}

export interface WaitHandle {
  /** The latest news while waiting (an attempt's answer, say). */
  update(detail: string): void;
  end(): void;
}

export interface StepProgress {
  step(event: StepEvent): void;
  /** Something that takes a while and has no step of its own to show (health, a migration run). */
  wait(label: string): WaitHandle;
}

export const silentProgress: StepProgress = {
  step: () => undefined,
  wait: () => ({ update: () => undefined, end: () => undefined }),
};
