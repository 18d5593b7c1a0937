import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export const ROOT = process.cwd();

export interface YamlFile {
  path: string;
  /** Repository-relative with forward slashes. */
  name: string;
  text: string;
  doc: Record<string, any>;
}

function read(path: string, name: string): YamlFile {
  const text = readFileSync(path, 'utf8');
  return { path, name, text, doc: yaml.load(text) as Record<string, any> };
}

export function workflowFiles(): YamlFile[] {
  const dir = join(ROOT, '.github', 'workflows');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => read(join(dir, f), `.github/workflows/${f}`));
}

/** The root action.yml and every actions/<name>/action.yml. */
export function actionFiles(): YamlFile[] {
  const files = [read(join(ROOT, 'action.yml'), 'action.yml')];
  for (const name of readdirSync(join(ROOT, 'actions')).sort()) {
    files.push(read(join(ROOT, 'actions', name, 'action.yml'), `actions/${name}/action.yml`));
  }
  return files;
}

export const SUB_ACTIONS = ['dry-run', 'backup', 'deploy', 'monitor', 'rollback', 'notify'];

export function dumpYaml(value: unknown): string {
  return yaml.dump(value, { lineWidth: 400, noRefs: true });
}

/** Every step of every job, with where it is. */
export function steps(
  file: YamlFile,
): Array<{ where: string; step: Record<string, any>; job: Record<string, any> }> {
  const out: Array<{ where: string; step: Record<string, any>; job: Record<string, any> }> = [];
  if (file.doc.jobs) {
    for (const [jobName, job] of Object.entries<any>(file.doc.jobs)) {
      (job.steps ?? []).forEach((step: any, i: number) =>
        out.push({ where: `${file.name} jobs.${jobName}.steps[${i}]`, step, job }),
      );
    }
  }
  if (file.doc.runs?.steps) {
    file.doc.runs.steps.forEach((step: any, i: number) =>
      out.push({ where: `${file.name} runs.steps[${i}]`, step, job: {} }),
    );
  }
  return out;
}
