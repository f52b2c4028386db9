/**
 * What the Firefox tests share: the add-on under test, replica pages served on Meta's real URLs through
 * BiDi network interception, and page helpers (evaluate, find, real clicks, screenshots).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { launchFirefox, type BiDi, type Firefox } from './bidi';

export const EXTENSION = path.resolve('.output/firefox-mv3');
export const ADDON_ID = 'objector@objector.invalid';
/** Fixed through the profile (extensions.webextensions.uuids), so the test knows the moz-extension:// host. */
export const ADDON_UUID = 'b5f0c1d2-7a3e-4c4b-9d51-0b1ec7000001';
export const WAIT = { timeout: 30_000, interval: 100 };
const SCREENSHOTS = path.resolve('test-results/screenshots');

export const CONTROL = `document.querySelector('[data-objector-control]')`;

export async function installObjector(bidi: BiDi): Promise<void> {
  const installed = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: EXTENSION } });
  expect(installed.extension).toBe(ADDON_ID);
}

/** Firefox with Objector installed under its fixed moz-extension:// host, and the page helpers for it. */
export async function startFirefoxWithObjector(): Promise<{ firefox: Firefox; bidi: BiDi; page: ReturnType<typeof pageHelpers> }> {
  const firefox = await launchFirefox({ extensionUuids: { [ADDON_ID]: ADDON_UUID } });
  await installObjector(firefox.bidi);
  return { firefox, bidi: firefox.bidi, page: pageHelpers(firefox.bidi) };
}

/** A page answer: the HTML for a GET or a POST of that path (query included), or undefined for a 404. */
export type Replica = (request: { method: string; url: URL }) => string | undefined;

/**
 * Serves `replica` on Meta's https hosts; everything else there is a 404. Returns the responses Firefox
 * refused, to be checked once the pages a test needed are done.
 */
export async function serveReplica(bidi: BiDi, replica: Replica): Promise<string[]> {
  const errors: string[] = [];
  await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', hostname: 'facebook.com' },
      { type: 'pattern', hostname: 'www.facebook.com' },
    ],
  });
  bidi.on('network.beforeRequestSent', (params) => {
    if (!params.isBlocked) return;
    const request = params.request as { request: string; url: string; method: string };
    const body = replica({ method: request.method, url: new URL(request.url) });
    const status = body === undefined ? 404 : 200;
    const answer = bidi.send('network.provideResponse', {
      request: request.request,
      statusCode: status,
      reasonPhrase: status === 200 ? 'OK' : 'Not Found',
      headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
      body: { type: 'string', value: body ?? '' },
    });
    answer.catch((error: unknown) => errors.push(`${request.method} ${request.url}: ${String(error)}`));
  });
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
  return errors;
}

export async function firstTab(bidi: BiDi): Promise<string> {
  return (await bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {})).contexts[0]!.context;
}

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

export function pageHelpers(bidi: BiDi) {
  async function evaluate(context: string, expression: string): Promise<RemoteValue> {
    const answer = await bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (answer.type !== 'success' || !answer.result) throw new Error(`${expression}: ${answer.exceptionDetails?.text ?? answer.type}`);
    return answer.result;
  }

  async function valueOf<T>(context: string, expression: string, type: string): Promise<T> {
    const result = await evaluate(context, expression);
    if (result.type !== type) throw new Error(`${expression} is ${result.type}, not a ${type}`);
    return result.value as T;
  }

  return {
    evaluate,
    text: (context: string, expression: string) => valueOf<string>(context, expression, 'string'),
    number: (context: string, expression: string) => valueOf<number>(context, expression, 'number'),
    bool: (context: string, expression: string) => valueOf<boolean>(context, expression, 'boolean'),

    /** The element `expression` finds, scrolled into view, as a shared reference for clicks and later checks. */
    async node(context: string, expression: string): Promise<string> {
      const result = await evaluate(context, `(() => { const el = ${expression}; el?.scrollIntoView({ block: 'center' }); return el; })()`);
      if (result.type !== 'node' || !result.sharedId) throw new Error(`${expression} found no element`);
      return result.sharedId;
    },

    /** Calls `fn` (a function's source) in the page with the element `sharedId` refers to. */
    async onNode<T>(context: string, sharedId: string, fn: string): Promise<T> {
      const answer = await bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.callFunction', {
        functionDeclaration: fn,
        arguments: [{ sharedId }],
        target: { context },
        awaitPromise: true,
      });
      if (answer.type !== 'success' || !answer.result) throw new Error(`${fn}: ${answer.exceptionDetails?.text ?? answer.type}`);
      return answer.result.value as T;
    },

    /** A real mouse click (trusted, with user activation), as the extension requires for its buttons and Send. */
    async trustedClick(context: string, sharedId: string): Promise<void> {
      await bidi.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await bidi.send('input.releaseActions', { context });
    },

    async screenshot(context: string, name: string): Promise<void> {
      const { data } = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(path.join(SCREENSHOTS, `${name}.png`), Buffer.from(data, 'base64'));
    },

    /** Opens an extension page in a new tab (Firefox reports no load of those to WebDriver: waits for `ready`). */
    async openExtensionPage(file: string, ready: string): Promise<string> {
      const context = (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
      await bidi.send('browsingContext.navigate', { context, url: `moz-extension://${ADDON_UUID}/${file}`, wait: 'none' });
      await vi.waitFor(async () => expect(await valueOf<boolean>(context, `Boolean(${ready})`, 'boolean')).toBe(true), WAIT);
      return context;
    },
  };
}
