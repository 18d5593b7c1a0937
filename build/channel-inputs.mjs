// Writes the channel inputs block of action.yml (between its channel-inputs markers) from the
// channel catalog (src/domain/channels), so every variable of every channel is an action input and
// a new channel's inputs cannot be forgotten. The catalog is TypeScript: it is compiled with tsc
// into a scratch folder inside the repository (so its imports resolve against node_modules) and
// imported from there. `node build/channel-inputs.mjs` rewrites; `--check` exits 1 when action.yml
// differs from the catalog.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const scratch = join(root, `.build-channel-inputs-${process.pid}`);
// action.yml must carry the block; so must every actions/*/action.yml that takes any channel input
// (a sub-action that sends notifications), or a hand-written copy could drift from the catalog.
const MARKER = '# channel-inputs:begin';
const SOME_CHANNEL_INPUT = /^ {2}(slack-webhook-url|webhook-url|smtp-host|pagerduty-routing-key):/m;
const subActions = readdirSync(join(root, 'actions'))
  .sort()
  .map((name) => `actions/${name}/action.yml`)
  .filter((file) => existsSync(join(root, file)));
const unmarked = subActions.filter((file) => {
  const text = readFileSync(join(root, file), 'utf8');
  return !text.includes(MARKER) && SOME_CHANNEL_INPUT.test(text);
});
if (unmarked.length > 0) {
  for (const file of unmarked) {
    console.error(`${file}: takes channel inputs by hand; put them between the channel-inputs markers`);
  }
  process.exit(1);
}
const files = [
  'action.yml',
  ...subActions.filter((file) => readFileSync(join(root, file), 'utf8').includes(MARKER)),
];

try {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      'src/config/action-inputs.ts',
      '--outDir',
      scratch,
      '--rootDir',
      '.',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      '--types',
      'node',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // The scratch folder is inside the ESM package, so its .js files load as ES modules.
  const { withChannelInputs } = await import(
    pathToFileURL(join(scratch, 'src', 'config', 'action-inputs.js')).href
  );
  let stale = 0;
  for (const file of files) {
    const path = join(root, file);
    const current = readFileSync(path, 'utf8');
    const generated = withChannelInputs(current);
    if (generated === current) continue;
    if (check) {
      stale++;
      console.error(
        `${file}: the channel inputs differ from the channel catalog; run: node build/channel-inputs.mjs`,
      );
    } else {
      writeFileSync(path, generated);
      console.log(`${file}: channel inputs regenerated`);
    }
  }
  if (stale > 0) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
