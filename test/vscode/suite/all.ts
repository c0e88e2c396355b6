/** The shared in-editor suites, in an order where read-only checks run before the ones that edit files (desktop and web hosts load the same list). */
export function loadSharedSuites(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./diagnostics.test');
  require('./views.test');
  require('./live.test');
  require('./language.test');
  require('./commands.test');
  require('./fixes.test');
  require('./timeline.test');
  require('./engine.test');
  require('./first-run.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}
