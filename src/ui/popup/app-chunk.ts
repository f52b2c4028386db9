// The popup's second chunk. zod-jitless first: it must run before any schema module is evaluated
// (see src/zod-jitless.ts), and this chunk is where the popup's schemas are.
import '../../zod-jitless';

export { App } from './App';
