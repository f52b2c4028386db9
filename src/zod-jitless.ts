import { config } from 'zod/mini';

/*
 * Imported FIRST by every entrypoint (worker, content script, extension pages). zod decides at the moment
 * each object schema is created whether to compile a parser with `new Function`, and probes for it; the
 * extension's Content Security Policy forbids that, and even the caught probe is reported as a CSP
 * violation. `jitless` has to be set before any schema module is evaluated, hence a module of its own.
 * `zod` and `zod/mini` share one core, so this one call covers both.
 */
config({ jitless: true });
