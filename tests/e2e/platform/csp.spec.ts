import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { z } from 'zod';
import type { Page } from '@playwright/test';
import { test, expect, extensionWorker, launchWithExtension, saveSettings, stopExtensionWorker } from '../fixtures';

/*
 * The extension's Content Security Policy forbids `eval` and `new Function`. zod compiles its parsers with
 * `new Function` unless told not to (src/zod-jitless.ts), and merely probing for it is reported as a violation.
 * This test watches for violations where they happen: in each page from before its first script, and in the
 * service worker from before its first line, through a DevTools connection of its own (Playwright reports a
 * worker's console calls, not the browser's own CSP messages).
 */

/** A DevTools protocol message: an answer (with the id of its command) or an event (with its method). */
const cdpMessageSchema = z.object({
  id: z.number().optional(),
  method: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  sessionId: z.string().optional(),
});
type CdpMessage = z.infer<typeof cdpMessageSchema>;

/** A minimal DevTools protocol client on the browser's own endpoint, with flattened target sessions. */
async function connectDevTools(userDataDir: string) {
  // Chromium writes the port it chose (`--remote-debugging-port=0`) and the browser's path into this file.
  const file = path.join(userDataDir, 'DevToolsActivePort');
  await expect.poll(() => { try { return readFileSync(file, 'utf8').includes('\n'); } catch { return false; } }).toBe(true);
  const [port, browserPath] = readFileSync(file, 'utf8').trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${browserPath}`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const replies = new Map<number, (message: CdpMessage) => void>();
  const listeners: Array<(message: CdpMessage) => void> = [];
  socket.on('message', (data) => {
    const message = cdpMessageSchema.parse(JSON.parse(String(data)));
    if (message.id !== undefined) replies.get(message.id)?.(message);
    else for (const listener of listeners) listener(message);
  });
  return {
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<CdpMessage> {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((resolve) => replies.set(id, resolve));
    },
    onEvent: (listener: (message: CdpMessage) => void) => listeners.push(listener),
    close: () => socket.close(),
  };
}

/** Records what a page reports as a CSP violation: the DOM event (from before any script) and the console. */
function watchPage(page: Page, name: string, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|unsafe-eval|Refused to/i.test(message.text())) {
      problems.push(`${name}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
}

test('no Content-Security-Policy violation in the service worker (watched from its start), the history page or the popup', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'objector-csp-'));
  const context = await launchWithExtension(dir, 'light', { args: ['--remote-debugging-port=0'] });
  const devtools = await connectDevTools(dir);
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const origin = `chrome-extension://${extensionId}/`;
    await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: 'me@example.org', country: 'IE' });
    await worker.evaluate(() =>
      chrome.storage.local.set({
        history: { version: 2, accounts: [{ key: 'facebook:100001', platform: 'facebook', accountId: '100001', label: 'My profile' }], entries: [] },
      }),
    );

    const problems: string[] = [];
    /** DevTools sessions attached to our service worker. */
    const workerSessions = new Set<string>();
    /** Starts of our worker after a stop, and the JavaScript contexts it then created (watched from the start). */
    let restarts = 0;
    let watchedStarts = 0;
    /** Set once the worker has been stopped: a worker session attached after that is a fresh start. */
    let stopped = false;
    const freshSessions = new Set<string>();
    devtools.onEvent((message) => {
      const params = message.params ?? {};
      if (message.method === 'Target.attachedToTarget') {
        const sessionId = params.sessionId as string;
        const info = params.targetInfo as { url: string; type: string };
        const ours = info.url.startsWith(origin);
        if (ours) {
          // Chromium reports a restarted worker either on its old session (below) or as a new target, attached
          // (and its reports switched on) before its first line runs.
          workerSessions.add(sessionId);
          if (stopped) freshSessions.add(sessionId);
        }
        void (async () => {
          if (ours) {
            await devtools.send('Runtime.enable', {}, sessionId);
            await devtools.send('Log.enable', {}, sessionId);
            await devtools.send('Audits.enable', {}, sessionId);
          }
          await devtools.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
        })();
        return;
      }
      if (!message.sessionId || !workerSessions.has(message.sessionId)) return;
      if (message.method === 'Inspector.targetReloadedAfterCrash') {
        // The worker was stopped and has started again: the session (and the reports it switched on) carried
        // over to the new instance before its first line.
        restarts++;
        void devtools.send('Runtime.runIfWaitingForDebugger', {}, message.sessionId);
        return;
      }
      if (message.method === 'Runtime.executionContextCreated' && (restarts > 0 || freshSessions.has(message.sessionId))) watchedStarts++;
      if (message.method === 'Log.entryAdded') {
        const entry = params.entry as { level: string; text: string; source: string };
        if (entry.level === 'error' || entry.source === 'security' || /Content Security Policy|unsafe-eval/i.test(entry.text)) {
          problems.push(`worker log (${entry.source}): ${entry.text}`);
        }
      } else if (message.method === 'Audits.issueAdded') {
        const issue = params.issue as { code: string; details: unknown };
        if (issue.code === 'ContentSecurityPolicyIssue') problems.push(`worker issue: ${JSON.stringify(issue.details)}`);
      } else if (message.method === 'Runtime.exceptionThrown') {
        problems.push(`worker exception: ${JSON.stringify((params.exceptionDetails as { text: string }).text)}`);
      } else if (message.method === 'Runtime.consoleAPICalled' && params.type === 'error') {
        problems.push(`worker console.error: ${JSON.stringify(params.args)}`);
      }
    });
    // Every service worker that starts from now on waits until this connection has switched on its
    // Runtime, Log and Audits reports.
    await devtools.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
      filter: [{ type: 'service_worker', exclude: false }],
    });

    // Pages: a listener for the DOM's violation event before any of the page's own scripts.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const history = await context.newPage();
    watchPage(history, 'history page', problems);
    await history.goto(`${origin}objections.html`);
    const account = history.getByRole('region', { name: 'My profile' });
    await expect(account).toBeVisible();

    // A fresh worker, from its first line: stop it, then wake it with a change that it validates and stores.
    await stopExtensionWorker(context, history, extensionId);
    stopped = true;
    await account.getByRole('textbox', { name: 'Name for this account' }).fill('Renamed');
    await account.getByRole('button', { name: 'Save' }).click();
    await expect(history.getByRole('region', { name: 'Renamed' })).toBeVisible();
    // (DevTools events come over their own connection: wait for them rather than assume their order.)
    await expect.poll(() => watchedStarts).toBeGreaterThan(0);
    // An import the background refuses: the page shows the background's coded problem in words.
    await history.getByLabel('Import JSON').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"objector-history","version":2,"exportedAt":"x","accounts":[],"entries":[]}'),
    });
    await expect(history.getByRole('alert')).toContainText('This file is damaged');

    const popup = await context.newPage();
    watchPage(popup, 'popup', problems);
    await popup.goto(`${origin}popup.html`);
    await expect(popup.getByRole('heading').first()).toBeVisible();

    expect(problems).toEqual([]);
  } finally {
    devtools.close();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
