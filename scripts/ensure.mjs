// Makes a fresh checkout ready: installs the npm packages (npm ci) when they are missing, and tells where
// Chromium and Firefox for the end-to-end tests are (installing Debian's packages when running as root on Debian).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function run(command, options = {}) {
  console.log(`\n$ ${command}`);
  execSync(command, { stdio: 'inherit', ...options });
}

export function ensureNodeModules() {
  if (!existsSync('node_modules/.package-lock.json') || !existsSync('node_modules/.bin/wxt')) run('npm ci');
}

/** Debian's package `debianPackage` at `path` (or the path in environment variable `variable`), installed if missing. */
function ensureBrowser(variable, path, debianPackage) {
  const wanted = process.env[variable] ?? path;
  if (existsSync(wanted)) return wanted;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!process.env[variable] && isRoot && existsSync('/usr/bin/apt-get')) {
    run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${debianPackage}`);
    if (existsSync(wanted)) return wanted;
  }
  throw new Error(
    `${debianPackage} not found at ${wanted}. Install Debian's package (sudo apt-get install ${debianPackage}) or set ${variable}.`,
  );
}

export function ensureChromium() {
  return ensureBrowser('CHROMIUM_PATH', '/usr/lib/chromium/chromium', 'chromium');
}

export function ensureFirefox() {
  return ensureBrowser('FIREFOX_PATH', '/usr/bin/firefox-esr', 'firefox-esr');
}
