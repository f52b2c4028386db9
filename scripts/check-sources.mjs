// `npm test` step "sources": fails on what reviews keep finding, with file and line.
// 1. A list or union of the platforms or of the statuses written out anywhere but in its schema module
//    (src/domain/platform.ts, src/domain/status.ts): import `PLATFORMS`/`platformSchema`/`Platform`,
//    `STATUSES`/`statusSchema`/`Status`/`Outcome` instead, so that the lists cannot drift apart.
// 2. An `as` cast of a parsed message or answer (of `askBackground`, `askTab`, `sendMessage`, `handleMessage`,
//    a zod `parse`/`safeParse`, or to a type of the message table): parse with the table's schema instead.
// 3. A fixed sleep in a test or the benchmark (`waitForTimeout`, a promise that resolves after a set time): wait
//    on a condition (tests/unit/wait.ts, Playwright's auto-waiting `expect`) or use fake timers. A zero delay
//    (one turn of the event loop) is not a sleep.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOTS = ['src', 'entrypoints', 'tests', 'bench', 'scripts'];
const EXTENSIONS = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', 'replicas']);
const SCHEMA_MODULES = { platform: 'src/domain/platform.ts', status: 'src/domain/status.ts' };

const literal = (words) => `(['"\`])(?:${words.join('|')})\\1`;
/** Two or more of the words, as a union (`'a' | 'b'`) or a list (`['a', 'b']`), across lines too. */
const listOf = (words) => new RegExp(`${literal(words)}\\s*[|,]\\s*${literal(words).replace('\\1', '\\2')}`, 'g');

const RULES = [
  {
    pattern: listOf(['facebook', 'instagram']),
    skip: SCHEMA_MODULES.platform,
    message: `the platforms written out: use PLATFORMS / platformSchema / Platform from ${SCHEMA_MODULES.platform}`,
  },
  {
    pattern: listOf(['submitted', 'confirmed', 'failed']),
    skip: SCHEMA_MODULES.status,
    message: `statuses written out: use STATUSES / statusSchema / Status / Outcome from ${SCHEMA_MODULES.status}`,
  },
  {
    // `as` right after the call that brought the message or answer in (the call's closing parenthesis, or
    // the one around an `await`).
    pattern: /\b(?:askBackground|askTab|sendMessage|handleMessage|handleTabMessage|safeParse|(?<!JSON)\.parse)\((?:[^;]|\n)*?\)\)?\s+as\s+(?!const\b)/g,
    message: 'an `as` cast of a message or answer: parse it with its schema (src/messaging/protocol.ts) instead',
  },
  {
    pattern: /(?:\.data\s+as\s+(?!const\b)|\bas\s+(?:FormRule|FieldRule|SubmissionReport|\w+(?:Answer|Message|Request|Payload))\b)/g,
    message: 'an `as` cast to a type of the message table: parse with its schema instead',
  },
  {
    // `page.waitForTimeout(…)`, and `new Promise((r) => setTimeout(r, N))` or `… setTimeout(() => r(), N)`.
    pattern: /\.waitForTimeout\(|new Promise(?:<[^>]*>)?\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*\{?\s*setTimeout\(\s*(?:\1|\(\)\s*=>\s*\1\(\))\s*,(?!\s*0\s*\))/g,
    only: ['tests', 'bench'],
    message: 'a fixed sleep: wait on a condition (tests/unit/wait.ts, expect.poll, auto-waiting) or use fake timers',
  },
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) yield* files(path);
    } else if (EXTENSIONS.test(name)) {
      yield path;
    }
  }
}

const self = relative(process.cwd(), fileURLToPath(import.meta.url));
const problems = [];
for (const root of ROOTS) {
  for (const path of files(root)) {
    const file = relative(process.cwd(), path);
    if (file === self) continue;
    const text = readFileSync(path, 'utf8');
    for (const rule of RULES) {
      if (rule.skip === file) continue;
      if (rule.only && !rule.only.includes(root)) continue;
      const found = [...text.matchAll(rule.pattern)].map((match) => {
        const line = text.slice(0, match.index).split('\n').length;
        return `${file}:${line}: ${rule.message}\n    ${text.split('\n')[line - 1].trim()}`;
      });
      problems.push(...found);
    }
  }
}

if (problems.length > 0) {
  console.error(`check-sources: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('check-sources: no copies of the platform or status lists, no casts of messages or answers, no fixed sleeps in tests or the bench');
