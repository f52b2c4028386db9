import type { Page } from '@playwright/test';
import { test, expect, screenshot } from '../fixtures';
import { REPLICA_URLS } from '../replicas/index';
import { axeViolations, historyEntry, logIn, seedHistory } from './helpers';

async function expectNoViolations(popup: Page) {
  expect(await axeViolations(popup)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core: no violations in ${colorScheme} mode, elsewhere, with the choices open, and on a form`, async ({
    context,
    page,
    worker,
    openPopup,
  }) => {
    await logIn(context, 'facebook', '100003');
    await seedHistory(worker, {
      accounts: {
        'facebook:100001': { key: 'facebook:100001', platform: 'facebook', accountId: '100001', label: 'Anna personal' },
        'facebook:100002': { key: 'facebook:100002', platform: 'facebook', accountId: '100002' },
        'instagram:200002': { key: 'instagram:200002', platform: 'instagram', accountId: '200002' },
      },
      entries: [
        historyEntry('facebook:100001', 'confirmed', '2025-05-21T09:30:00.000Z'),
        historyEntry('facebook:100002', 'failed', '2025-05-22T09:30:00.000Z'),
        historyEntry('instagram:200002', 'submitted', '2025-05-20T14:02:00.000Z'),
      ],
    });
    await page.goto(REPLICA_URLS.genAi);
    const popup = await openPopup(page);
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByTestId('reminder')).toBeVisible();
    await expectNoViolations(popup);

    // Every choice open, one reason's full text too, an invalid e-mail shown as such.
    await popup.getByTestId('choices').locator('summary').first().click();
    await popup.getByTestId('profile').locator('summary').click();
    await popup.getByRole('group', { name: 'Your reasons' }).locator('details summary').first().click();
    const email = popup.getByLabel('E-mail address for Meta\'s answer');
    await email.fill('not-an-address');
    await email.blur();
    await expect(popup.getByText('This is not a valid e-mail address')).toBeVisible();
    await expectNoViolations(popup);
    await screenshot(popup, `popup-choices-open-${colorScheme}`);

    await page.goto(REPLICA_URLS.fbEnglish);
    await expect(page.getByRole('button', { name: /Autofill/ })).toBeVisible();
    const onForm = await openPopup(page);
    await onForm.emulateMedia({ colorScheme });
    const autofill = onForm.getByRole('button', { name: 'Autofill this form', exact: true });
    await expect(autofill).toBeVisible();
    await expectNoViolations(onForm);
    await autofill.click();
    await expect(onForm.getByRole('status').filter({ hasText: 'Filled in' })).toBeVisible();
    await expectNoViolations(onForm);
    await screenshot(onForm, `popup-on-form-filled-${colorScheme}`, false);

    // The check is real: an image without a text alternative is reported.
    await onForm.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'icon.png' })));
    expect((await axeViolations(onForm)).map((v) => v.id)).toContain('image-alt');
  });
}
