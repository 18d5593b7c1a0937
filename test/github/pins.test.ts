import { workflowFiles, actionFiles } from './yaml-files.js';

/**
 * The third-party actions this repository runs, each pinned to the commit its release tag names.
 * A pin is only added here once the commit was checked against the tag: each one below appears as
 * the tag's commit in Dependabot's own compare links ("Bumps actions/x from A to B … compare/<sha
 * of A>...<sha of B>"), which Dependabot resolves from the tag on GitHub, for the version before
 * and the version after it. All three run on node24.
 */
const VERIFIED: Partial<Record<string, { sha: string; version: string }>> = {
  'actions/checkout': { sha: 'de0fac2e4500dabe0009e67214ff5f5447ce83dd', version: 'v6.0.2' },
  'actions/setup-node': { sha: '6044e13b5dc448c55e2357c09f80417699197238', version: 'v6.2.0' },
  'actions/download-artifact': { sha: '37930b1c2abaa49bbe596cd826c3c89aef350131', version: 'v7.0.0' },
};

test('every third-party action is pinned to the verified commit of the release its comment names', () => {
  const problems: string[] = [];
  let pins = 0;
  for (const file of [...workflowFiles(), ...actionFiles()]) {
    for (const line of file.text.split('\n')) {
      const m = /^\s*(?:-\s*)?uses:\s*([^@\s]+)@(\S+)\s*(?:#\s*(\S+))?/.exec(line);
      if (!m || m[1].startsWith('./')) continue;
      pins++;
      const known = VERIFIED[m[1]];
      if (!known)
        problems.push(`${file.name}: ${m[1]} is not among the verified pins: verify its tag's commit first`);
      else if (m[2] !== known.sha || m[3] !== known.version)
        problems.push(`${file.name}: ${m[1]}@${m[2]} # ${m[3]}: expected @${known.sha} # ${known.version}`);
    }
  }
  expect(problems).toEqual([]);
  expect(pins).toBeGreaterThan(10);
});
