/**
 * Just enough WebDriver BiDi to drive Debian's Firefox, which speaks it natively (Playwright cannot drive a
 * stock Firefox). `launchFirefox()` starts a headless Firefox with a throw-away profile and returns a
 * session; `close()` ends the process and removes the profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

type Json = Record<string, unknown>;
interface Pending {
  resolve: (value: Json) => void;
  reject: (error: Error) => void;
  method: string;
}

export class BiDi {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(params: Json) => void>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as Json));
    socket.on('close', () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(`BiDi closed during ${method}`));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<BiDi> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new BiDi(socket)));
      socket.once('error', reject);
    });
  }

  send<T = Json>(method: string, params: Json = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: Json) => void, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(event: string, listener: (params: Json) => void): void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
  }

  close(): void {
    this.socket.close();
  }

  private receive(message: Json): void {
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.type === 'error') pending.reject(new Error(`${pending.method}: ${String(message.error)}: ${String(message.message)}`));
      else pending.resolve(message.result as Json);
      return;
    }
    if (message.type === 'event' && typeof message.method === 'string') {
      for (const listener of this.listeners.get(message.method) ?? []) listener(message.params as Json);
    }
  }
}

/**
 * Offline and quiet: no updates, telemetry, studies, safe-browsing lists, captive-portal checks or
 * speculative connections (the machine, like CI, has no network). Firefox's remote agent adds its own
 * recommended automation prefs on top.
 */
function userJs(extensionUuids: Record<string, string>): string {
  const prefs: Record<string, string | number | boolean> = {
    'remote.active-protocols': 1, // WebDriver BiDi only
    'extensions.webextensions.uuids': JSON.stringify(extensionUuids),
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.startup.page': 0,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.prefetch-next': false,
    'services.settings.server': 'data:,',
    'intl.locale.requested': 'en-US',
    'intl.accept_languages': 'en-US, en',
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

export interface Firefox {
  bidi: BiDi;
  close(): Promise<void>;
}

export async function launchFirefox(options: { extensionUuids: Record<string, string>; startTimeoutMs?: number }): Promise<Firefox> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: install Debian's firefox-esr or set FIREFOX_PATH.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'objector-firefox-'));
  writeFileSync(path.join(profile, 'user.js'), userJs(options.extensionUuids));
  // Port 0: Firefox picks a free port and prints it, so parallel runs never collide.
  // --remote-allow-system-access: from Firefox 153 on, WebDriver may open moz-extension:// pages only with it.
  const args = ['--headless', '--no-remote', '--remote-debugging-port', '0', '--remote-allow-system-access', '--profile', profile];
  const child = spawn(FIREFOX_PATH, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so that close() ends Firefox's content processes with it.
    detached: true,
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = async () => {
    await stop(child, exited);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const url = await listeningUrl(child, options.startTimeoutMs ?? 60_000);
    const bidi = await BiDi.connect(url + '/session');
    await bidi.send('session.new', { capabilities: {} });
    return {
      bidi,
      async close() {
        await bidi.send('session.end').catch(() => undefined);
        bidi.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function listeningUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`Firefox did not start WebDriver BiDi within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${why}. Its output:\n${output}`));
    };
    child.once('exit', (code) => fail(`Firefox exited (${code})`));
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      // already gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signal('SIGTERM');
    const killer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  signal('SIGKILL'); // content processes that outlived the parent
}
