// Makes a fresh checkout ready: installs the npm packages (npm ci) when they are missing, and tells where
// Chromium for the end-to-end tests is (installing Debian's package when running as root on Debian).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function run(command, options = {}) {
  console.log(`\n$ ${command}`);
  execSync(command, { stdio: 'inherit', ...options });
}

export function ensureNodeModules() {
  if (!existsSync('node_modules/.package-lock.json') || !existsSync('node_modules/.bin/wxt')) run('npm ci');
}

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!process.env.CHROMIUM_PATH && isRoot && existsSync('/usr/bin/apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium');
    if (existsSync(path)) return path;
  }
  throw new Error(
    `Chromium not found at ${path}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}
