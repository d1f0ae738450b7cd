/**
 * The layers of ARCHITECTURE.md, checked on every `npm test` (npm run lint): which folder may import
 * which. Globals (a DOM or Node API used without an import) are eslint.config.js's to check.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const TESTS = ['\\.test\\.ts$', '\\.fixture\\.ts$', '(^|/)testing\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules that import each other cannot be understood, tested or changed one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-knows-no-host',
      comment:
        'core/ is the engine: it knows nothing of its hosts (main/), the screen (renderer/) or Electron.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: ['^main/', '^renderer/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'pure-modules-use-no-node',
      comment: "The trace model, the session protocol and the views' derivations run anywhere: no Node API.",
      severity: 'error',
      from: { path: '^(core/trace|core/session|renderer/derive)/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-modules-stay-pure',
      comment:
        "The trace model, the session protocol and the views' derivations import no engine, host or screen.",
      severity: 'error',
      from: { path: '^(core/trace|core/session|renderer/derive)/', pathNot: TESTS },
      to: {
        path: ['^core/(probe|run|scheduler)/', '^main/', '^renderer/(?!derive/)'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'renderer-knows-protocol-and-trace-only',
      comment:
        'The renderer talks to hosts through its api object: it imports only itself, core/session, core/trace and libraries.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: [...TESTS, '^renderer/views/dev/'] },
      to: {
        // Svelte's own modules are found only by its compiler's export conditions: named here.
        pathNot: [
          '^renderer/',
          '^core/(session|trace)/',
          '(^|/)node_modules/(?!(electron|pyodide)/)',
          '^svelte(/|$)',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'renderer-uses-no-node',
      comment: 'The renderer runs in a browser sandbox.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: [...TESTS, '^renderer/views/dev/'] },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^out/', '^dist/', '^test-results/'] },
  },
};
