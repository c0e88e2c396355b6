/** The one place versions live: the product's (set by the bundler) and the JSON output format's. */
declare const ROADMARK_VERSION: string | undefined;

/** `version` of `check --format json`, `list --format json` and `export --format json` (the CLI spec's format 1). */
export const JSON_FORMAT_VERSION = 1;

/** The product version from package.json, put in by esbuild; `dev` when run from source. */
export function productVersion(): string {
  return typeof ROADMARK_VERSION === 'string' ? ROADMARK_VERSION : 'dev';
}
