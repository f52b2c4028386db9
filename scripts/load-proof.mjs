// `npm run test:load-proof`: the unit suite on a busy machine (issue 9's definition of done). Starts CPU-bound
// burner processes, runs `npx vitest run` several times in a row, reads each run's result from its JSON report
// and its test time from vitest's summary, stops the burners and prints a Markdown table with a verdict (also
// written to reports/load-proof.md; LOAD_PROOF_DIR moves both). Exits non-zero when a run fails or its test
// time exceeds the limit.
//
//   node scripts/load-proof.mjs [--runs 10] [--burners 2] [--limit 15] [--stop-at 13:20] [-- vitest filters]
//
// "Test time" is vitest's own `tests` figure (the time spent inside the tests, summed over the files); the
// table also shows vitest's Duration (which adds start-up, imports and environments), the wall time, and the
// CPU time of the run (Linux: what the run's processes used, whatever else the machine was doing). With
// --stop-at (UTC), no run starts after that time; stopped early (or by Ctrl-C), the table shows the runs that
// completed and the verdict says the proof is incomplete.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '10' },
    burners: { type: 'string', default: '2' },
    limit: { type: 'string', default: '15' },
    'stop-at': { type: 'string' },
  },
});
const stopAt = values['stop-at'] ? new Date(`${new Date().toISOString().slice(0, 10)}T${values['stop-at']}:00Z`) : undefined;
const runs = Number(values.runs);
const burnerCount = Number(values.burners);
const limitSeconds = Number(values.limit);
if (![runs, burnerCount, limitSeconds].every((n) => Number.isFinite(n) && n >= 0) || runs < 1 || (stopAt && Number.isNaN(stopAt.getTime()))) {
  console.error('usage: node scripts/load-proof.mjs [--runs N>=1] [--burners N>=0] [--limit seconds] [--stop-at HH:MM (UTC)]');
  process.exit(2);
}

const OUT_DIR = process.env.LOAD_PROOF_DIR ?? 'reports/load-proof';
rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });

/** Busy loops in their own processes: each keeps one core busy until it is killed. */
const burners = Array.from({ length: burnerCount }, () =>
  spawn(process.execPath, ['-e', 'let x = 0; for (;;) x = (x + Math.sqrt(x + 1)) % 1e9;'], { stdio: 'ignore' }),
);
const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);
let interrupted = false;
let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    stopBurners();
    current?.kill('SIGTERM');
  });
}

/** CPU seconds used by this process's finished children (Linux: cutime + cstime of /proc/self/stat). */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks, 100 per second on Linux
  } catch {
    return undefined;
  }
}

/** "10.53s" or "812ms" → seconds. */
const seconds = (amount, unit) => (unit === 'ms' ? Number(amount) / 1000 : Number(amount));
// eslint-disable-next-line no-control-regex -- colour codes in vitest's output are the point
const stripColours = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Vitest's closing summary: `Duration 47.97s (transform 2.60s, …, tests 10.53s, environment 18.29s)`. */
function summaryTimes(output) {
  const line = stripColours(output).split('\n').find((l) => /^\s*Duration\s/.test(l));
  const duration = line?.match(/Duration\s+([\d.]+)(ms|s)\b/);
  const tests = line?.match(/\btests\s+([\d.]+)(ms|s)\b/);
  return {
    duration: duration ? seconds(duration[1], duration[2]) : undefined,
    tests: tests ? seconds(tests[1], tests[2]) : undefined,
  };
}

function runVitest(index) {
  const report = `${OUT_DIR}/run-${index}.json`;
  return new Promise((resolve) => {
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    const loads = [];
    const sampler = setInterval(() => loads.push(loadavg()[0]), 1000);
    const child = spawn('npx', ['vitest', 'run', `--outputFile.json=${report}`, ...positionals], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    current = child;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      clearInterval(sampler);
      loads.push(loadavg()[0]);
      const cpuAfter = childCpuSeconds();
      writeFileSync(`${OUT_DIR}/run-${index}.log`, output);
      let counts = { passed: 0, failed: 0 };
      try {
        const json = JSON.parse(readFileSync(report, 'utf8'));
        counts = { passed: json.numPassedTests, failed: json.numFailedTests };
      } catch {
        counts.failed = 1; // no report: the run did not complete
      }
      resolve({
        index,
        code,
        ...counts,
        ...summaryTimes(output),
        wall: (performance.now() - started) / 1000,
        cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
        load: { max: Math.max(...loads), mean: loads.reduce((a, b) => a + b, 0) / loads.length },
      });
    });
  });
}

const cores = availableParallelism();
console.log(`load-proof: ${runs} runs of \`npx vitest run\` on ${cores} cores with ${burnerCount} CPU-bound burner(s); limit ${limitSeconds} s of test time`);
const results = [];
try {
  for (let i = 1; i <= runs && !interrupted; i++) {
    if (stopAt && Date.now() >= stopAt.getTime()) break;
    const result = await runVitest(i);
    if (interrupted) break; // the run was cut short: not a result
    results.push(result);
    console.log(
      `run ${i}: exit ${result.code}, ${result.passed} passed, ${result.failed} failed, tests ${result.tests ?? '?'} s, ` +
        `duration ${result.duration ?? '?'} s, wall ${result.wall.toFixed(1)} s, CPU ${result.cpu?.toFixed(1) ?? '?'} s, load ${result.load.mean.toFixed(1)} (max ${result.load.max.toFixed(1)})`,
    );
  }
} finally {
  stopBurners();
}

if (results.length === 0) {
  console.log('\nload-proof: no run completed');
  process.exit(1);
}

const fmt = (s) => (s === undefined ? '?' : `${s.toFixed(2)} s`);
const ok = (r) => r.code === 0 && r.failed === 0 && r.passed > 0 && r.tests !== undefined && r.tests < limitSeconds;
const rows = results.map(
  (r) =>
    `| ${r.index} | ${r.code === 0 && r.failed === 0 ? 'passed' : 'FAILED'} | ${r.passed} / ${r.failed} | ${fmt(r.tests)} | ` +
    `${fmt(r.duration)} | ${r.wall.toFixed(1)} s | ${r.cpu === undefined ? '?' : `${r.cpu.toFixed(1)} s`} | ${r.load.mean.toFixed(1)} (max ${r.load.max.toFixed(1)}) |`,
);
const good = results.filter(ok).length;
const green = results.filter((r) => r.code === 0 && r.failed === 0 && r.passed > 0).length;
const slowest = Math.max(...results.map((r) => r.tests ?? Infinity));
const allLoads = results.map((r) => r.load.max);
const verdict =
  good === runs
    ? `**Verdict: passed.** ${runs} of ${runs} runs passed, each under ${limitSeconds} s of test time (slowest ${fmt(slowest)}).`
    : `**Verdict: ${results.length < runs ? 'incomplete' : 'FAILED'}.** ${results.length} of ${runs} runs done: ${green} passed every test, ` +
      `${good} of them within ${limitSeconds} s of test time (slowest ${fmt(slowest)}).`;
const table = [
  `${results.length} runs of \`${['npx vitest run', ...positionals].join(' ')}\` in a row, ${burnerCount} CPU-bound burner process(es) running, ${cores} cores; ` +
    `1-minute load average during the runs up to ${Math.max(...allLoads).toFixed(1)}. ${new Date().toISOString().slice(0, 16)}Z.`,
  '',
  '| Run | Result | Tests passed / failed | Test time | Vitest duration | Wall time | CPU time | Load (1 min, mean/max) |',
  '|---:|---|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  verdict,
].join('\n');
writeFileSync(`${OUT_DIR}.md`, table + '\n');
console.log('\n' + table);
process.exit(good === runs ? 0 : 1);
