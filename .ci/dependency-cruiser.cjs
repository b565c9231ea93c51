/**
 * The module boundaries of /work/shared/STYLE.md, checked by `npm run lint:deps` (part of `npm test`).
 * Paths are relative to the repository root.
 */

/** What a file under projections/ may import from the rest of the repository. */
const PROJECTIONS_MAY_IMPORT = [
  '^projections/', // each other (runner, read models, detectors)
  '^src/[^/]+/domain/[^/]+[.]events[.]ts$', // events: the only thing a read model folds
  '^src/shared/', // event types, ids, provinces, dates
  '^src/event-store/event-store[.]port[.]ts$', // StoredEvent, EventStore and positions: the runner tails the log through the port
];

/**
 * Named exceptions: imports that break the rule today, allowed for exactly the file that makes
 * them, so they stay visible and no other file can follow. Each should go once projections/
 * is rewritten.
 */
const EXCEPTIONS = [
  {
    name: 'exception-registry-mismatch-detector-check-problems',
    // The registry-mismatch detector names each person's problems with the same pure function the
    // police check records them with (problemsOf), so the finding and GET /population/checks agree.
    // It is a domain function, not an event type: it belongs in an events file or src/shared/.
    from: '^projections/detectors/registry-mismatch[.]detector[.]ts$',
    to: '^src/population/domain/check-problems[.]ts$',
  },
  {
    name: 'exception-population-check-read-model-check-problems',
    // rm_population_checks keeps since when a file's checks fail (checkFails, the same function),
    // for the registry-mismatch detector above; the same way out ends both exceptions.
    from: '^projections/population/population-check[.]read-model[.]ts$',
    to: '^src/population/domain/check-problems[.]ts$',
  },
];

/** The one file cycle today (see exception-eligibility-facts-type-cycle). */
const ELIGIBILITY_CYCLE = '^src/eligibility/domain/(evaluate-eligibility|income-rules)[.]ts$';

/**
 * Named exception to no-circular-contexts, the first of the two folder cycles today (the other:
 * exception-population-module-imports-inspection): src/config/app-config.ts
 * imports RegistryServiceSettings and httpRegistryOptionsFromEnv from src/population/http/, whose
 * client uses src/population/, which uses the event store, the database and http, which all read
 * src/config/. No two files form a cycle; the folders do (15 cycles reported, all through this edge).
 * Moving the registry settings' parsing into src/config/ (or the type into src/shared/) ends it.
 * Folder rules take no `via` filters (dependency-cruiser 17), so the exception is made by leaving
 * that one file (it imports only src/config/config-error.ts) out of the cruise.
 */
const CONFIG_READS_REGISTRY_SETTINGS = '^src/population/http/http-registry-options[.]ts$';

const TOP_FOLDER = '^(src/[^/]+|projections)$';

module.exports = {
  forbidden: [
    {
      name: 'projections-import-only-events-and-shared',
      severity: 'error',
      comment:
        'STYLE.md: projections/ imports only events (src/*/domain/*.events.ts) and src/shared/ (and the event-store port), never handlers, ' +
        'controllers, modules or tests.',
      from: { path: '^projections/', pathNot: EXCEPTIONS.map((e) => e.from) },
      to: { path: '^(src|test|bench)/', pathNot: PROJECTIONS_MAY_IMPORT },
    },
    ...EXCEPTIONS.map((e) => ({
      name: e.name,
      severity: 'error',
      comment: 'Named exception to projections-import-only-events-and-shared: this file may also import the one module named here.',
      from: { path: e.from },
      to: { path: '^(src|test|bench)/', pathNot: [...PROJECTIONS_MAY_IMPORT, e.to] },
    })),
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between files (type-only imports included): a cycle makes load order, and Nest providers, fragile.',
      from: { path: '^(src|projections)/', pathNot: ELIGIBILITY_CYCLE },
      to: { circular: true },
    },
    {
      name: 'exception-eligibility-facts-type-cycle',
      severity: 'error',
      comment:
        'Named exception to no-circular: income-rules.ts imports the type EligibilityFacts back from evaluate-eligibility.ts, ' +
        'which calls it (a type-only edge, gone at run time). Moving EligibilityFacts to a file of its own ends it. ' +
        'Any larger cycle through these two files still fails.',
      from: { path: ELIGIBILITY_CYCLE },
      to: { circular: true, viaSomeNot: ELIGIBILITY_CYCLE },
    },
    {
      name: 'no-circular-contexts',
      severity: 'error',
      comment:
        'The top folders of src/ (bounded contexts, config, event-store, …) and projections/ do not depend on each other in a cycle, ' +
        'even where no two files do (each sub-folder is a folder of its own to dependency-cruiser, so a cycle is reported at the ' +
        'top folder where it starts). Named exceptions: CONFIG_READS_REGISTRY_SETTINGS (left out of the cruise) and ' +
        'exception-population-module-imports-inspection.',
      scope: 'folder',
      from: { path: TOP_FOLDER, pathNot: '^src/population$' },
      to: { path: TOP_FOLDER, circular: true },
    },
    {
      name: 'exception-population-module-imports-inspection',
      severity: 'error',
      comment:
        'Named exception to no-circular-contexts. src/population/population.module.ts imports InspectionModule; inspection reads ' +
        "projections/detectors' findings; projections fold src/applications/domain/application.events.ts, whose ApplicationEvent " +
        "union imports the type PopulationCheckRecorded from src/population/domain, whose cross-check imports src/population's " +
        'ports. Every other cycle that starts at src/population still fails.',
      scope: 'folder',
      from: { path: '^src/population$' },
      to: { path: TOP_FOLDER, pathNot: '^src/inspection$', circular: true },
    },
  ],
  options: {
    // test/ is reached only through the decider specs' given/when/then helpers; not following it
    // keeps test support (which builds whole apps) out of the production folder graph, while an
    // import of test/ from projections/ is still seen, and refused.
    doNotFollow: { path: ['node_modules', '^test/'] },
    exclude: { path: ['(^|/)(dist|node_modules|coverage|data)/', CONFIG_READS_REGISTRY_SETTINGS] },
    // Type-only imports count: a projection that imports a handler's type depends on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
