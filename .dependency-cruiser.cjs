/**
 * Kolo's architecture check (dependency-cruiser, run by the test command): no import cycles, and
 * no package importing upward. Packages: core (plain TypeScript) ← widgets (Lit) ← the demo;
 * core ← server. Inside core the wire contract stands on nothing but zod.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'A module must not depend on itself through others.', from: {}, to: { circular: true } },
    {
      name: 'core-stays-core',
      severity: 'error',
      comment: '@kolo/core is plain TypeScript: no widgets, no server, no Lit, no DOM registration.',
      from: { path: '^packages/core/src' },
      to: { path: ['^packages/(widgets|server)', '^apps/', 'node_modules/(lit|@lit|lit-html|lit-element|hono|postgres|@electric-sql)/'] },
    },
    {
      name: 'contract-stands-alone',
      severity: 'error',
      comment: 'The wire contract imports only itself, zod and the shape of message bundles.',
      from: { path: '^packages/core/src/contract/' },
      to: { pathNot: ['^packages/core/src/contract/', '^packages/core/src/i18n/bundle\\.ts$', 'node_modules/zod/'] },
    },
    {
      name: 'widgets-not-server-or-apps',
      severity: 'error',
      from: { path: '^packages/widgets/src' },
      to: { path: ['^packages/server', '^apps/'] },
    },
    {
      name: 'server-not-widgets-or-apps',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: ['^packages/widgets', '^apps/'] },
    },
    {
      name: 'no-tests-from-code',
      severity: 'error',
      comment: 'Shipped code does not import tests or test helpers.',
      from: { pathNot: ['\\.test\\.ts$', '\\.stories\\.ts$', '/test-utils/', '/test/', '\\.config\\.'] },
      to: { path: ['\\.test\\.ts$', '/test-utils/'] },
    },
    { name: 'resolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', 'storybook-static', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['kolo-source', 'import', 'types', 'default'], exportsFields: ['exports'], mainFields: ['module', 'main', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
