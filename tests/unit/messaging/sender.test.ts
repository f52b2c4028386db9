import { describe, expect, it } from 'vitest';
import { formPlatformOf } from '@/src/forms/rules/hosts';
import { senderRole } from '@/src/messaging/sender';

describe('the hosts where Meta serves the forms (one list, shared with the engine)', () => {
  it.each([
    ['https://www.facebook.com/help/contact/712876720715583', 'facebook'],
    ['https://web.facebook.com/help/contact/712876720715583', 'facebook'],
    ['https://m.facebook.com/help/contact/712876720715583', 'facebook'],
    ['https://mbasic.facebook.com/help/contact/712876720715583', 'facebook'],
    ['https://touch.facebook.com/help/contact/712876720715583', 'facebook'],
    ['https://fr-fr.facebook.com/help/contact/712876720715583?x=1#y', 'facebook'],
    ['https://nl-nl.facebook.com/', 'facebook'],
    ['https://www.instagram.com/', 'instagram'],
    ['https://help.instagram.com/contact/767264225370182', 'instagram'],
  ])('%s → %s', (url, platform) => {
    expect(formPlatformOf(url)).toBe(platform);
  });

  it.each([
    ['http://www.facebook.com/help/contact/712876720715583'],
    ['https://developers.facebook.com/help/contact/712876720715583'],
    ['https://business.facebook.com/help/contact/712876720715583'],
    ['https://facebook.com/help/contact/712876720715583'],
    ['https://www.facebook.com.evil.example/help/contact/712876720715583'],
    ['https://evil.example/www.facebook.com/'],
    ['https://www.facebook.com:8443/help/contact/712876720715583'],
    ['https://user:pw@www.facebook.com/help/contact/712876720715583'],
    ['https://fra-fr.facebook.com/'],
    ['https://privacycenter.instagram.com/'],
    ['http://help.instagram.com/contact/767264225370182'],
    ['not a url'],
    [''],
  ])('%s → no form host', (url) => {
    expect(formPlatformOf(url)).toBeNull();
  });
});

describe('senderRole', () => {
  const ID = 'abcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  it('an extension page with no tab, or in a tab of its own', () => {
    expect(senderRole({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toEqual({ kind: 'extension-page' });
    expect(senderRole({ id: ID, url: `${ORIGIN}objections.html`, tab: { id: 3, url: `${ORIGIN}objections.html` } }, ID, ORIGIN)).toEqual({ kind: 'extension-page' });
  });

  it('a content script on a form host, in the top frame', () => {
    const url = 'https://www.facebook.com/help/contact/712876720715583';
    expect(senderRole({ id: ID, url, frameId: 0, tab: { id: 9, url } }, ID, ORIGIN)).toEqual({ kind: 'form-tab', tabId: 9, platform: 'facebook' });
  });

  it.each([
    ['another extension', { id: 'other', url: `${ORIGIN}popup.html` }],
    ['an extension page framed in a web page', { id: ID, url: `${ORIGIN}objections.html`, tab: { id: 3, url: 'https://www.facebook.com/' } }],
    ['a page of another extension', { id: ID, url: 'chrome-extension://other/objections.html' }],
    ['no address', { id: ID }],
    ['a tab id of -1 (not a tab)', { id: ID, url: 'https://www.facebook.com/', tab: { id: -1 } }],
  ])('%s is a stranger', (_name, sender) => {
    expect(senderRole(sender, ID, ORIGIN)).toEqual({ kind: 'stranger' });
  });
});
