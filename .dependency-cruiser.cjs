/**
 * The layer rules of docs/architecture.md, checked by `npm run lint:layers` (and in .ci/run).
 * Imports point downward only:
 *   front ends (src/cli, src/action) and scenarios (src/demo, src/rehearse) → wiring → commands → domain
 *   adapters implement the ports; only wiring (the composition roots) builds them, never a front end.
 * Type-only imports are allowed where a rule says so: they vanish at run time and carry no behaviour.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle ties two modules into one; split the shared part out.',
      from: { path: '^src' },
      // A cycle only counts when every arrow in it carries code: type-only imports vanish at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain code is pure: it imports itself and runtime types only.',
      from: { path: '^src/domain' },
      to: {
        path: '^src/',
        pathNot: ['^src/domain', '^src/types'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-no-node',
      severity: 'error',
      comment: 'Domain code does no I/O.',
      from: { path: '^src/domain' },
      to: { dependencyTypes: ['core'], pathNot: ['^node:util$', '^util$', '^node:crypto$', '^crypto$'] },
    },
    {
      name: 'runtime-is-the-floor',
      severity: 'error',
      comment: 'runtime and config sit under everything: they never import the layers above.',
      from: { path: '^src/(runtime|config)' },
      to: {
        path: '^src/(commands|adapters|wiring|cli|action|demo|rehearse|report)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'adapters-below-commands',
      severity: 'error',
      comment: 'Adapters implement ports; they never call use-cases, the wiring or a front end.',
      from: { path: '^src/adapters' },
      to: { path: '^src/(commands|wiring|cli|action|demo|rehearse)' },
    },
    {
      name: 'commands-use-ports',
      severity: 'error',
      comment: 'Use-cases reach adapters only through ports built in src/wiring (type imports are fine).',
      from: { path: '^src/commands' },
      to: { path: '^src/(adapters|wiring)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'front-ends-use-wiring',
      severity: 'error',
      comment:
        'Front ends translate: the adapters they hand to use-cases come from the composition roots in src/wiring (type imports are fine).',
      from: { path: '^src/(cli|action)' },
      to: { path: '^src/adapters', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'commands-no-front-ends',
      severity: 'error',
      from: { path: '^src/commands' },
      to: { path: '^src/(cli|action|demo|rehearse)' },
    },
    {
      name: 'wiring-no-front-ends',
      severity: 'error',
      from: { path: '^src/wiring' },
      to: { path: '^src/(cli|action|demo|rehearse)' },
    },
    {
      name: 'no-actions-core-below-front-ends',
      severity: 'error',
      comment: 'Only the action front end talks to @actions/core.',
      from: { path: '^src/', pathNot: '^src/action' },
      to: { path: '@actions/core' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
