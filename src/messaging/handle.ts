import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { contentMessageSchema, historyMessageSchema, type ComposeAnswer } from './protocol';
import { loadSettings } from '../settings/settings';
import { loadCatalogue } from '../reasons/catalogue';
import { composeObjection } from '../reasons/compose';
import { identifyAccount } from '../accounts/identify';
import { showReminder } from '../accounts/badge';
import { platformOfUrl } from '../accounts/reminder';
import { accountKeyOf } from '../history/schema';
import {
  deleteAccount,
  deleteEntry,
  labelAccount,
  latestConfirmed,
  markEmailReceived,
  recordSubmission,
  updateStatus,
} from '../history/store';
import { changeHistory, clearPending, loadHistory, setPending, takePending } from '../history/persist';
import { mergeImport, parseImport } from '../history/exchange';
import { formRules } from '../forms/rules/data';
import { formRulesSchema, type FormRule } from '../forms/rules/schema';

let validatedRules: FormRule[] | undefined;
/** The form rules, checked against their schema once per worker start before any is sent out. */
function rules(): FormRule[] {
  validatedRules ??= formRulesSchema.parse(formRules);
  return validatedRules;
}

const anyMessageSchema = z.union([contentMessageSchema, historyMessageSchema]);

export interface Sender {
  tab?: { id?: number };
  /** URL of the sending frame (set by the browser, not by the page). */
  url?: string;
}

/**
 * The background's answer to every message. Invalid messages are refused with an error answer and
 * change nothing; the history is written before the answer is sent.
 */
export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const parsed = anyMessageSchema.safeParse(raw);
  if (!parsed.success) return { error: 'Invalid message' };
  const message = parsed.data;
  const tabId = sender.tab?.id;
  try {
    switch (message.type) {
      case 'rule':
        return rules().find((rule) => rule.id === message.id) ?? { error: 'Unknown form rule' };
      case 'compose': {
        const { settings } = await loadSettings();
        const composition = composeObjection({
          catalogue: loadCatalogue(),
          reasonIds: settings.reasonIds,
          ownWords: settings.ownWords,
          formLang: message.lang,
          userLang: browser.i18n.getUILanguage(),
          maxLength: message.maxLength,
        });
        const answer: ComposeAnswer = {
          text: composition.text,
          lang: composition.lang,
          reasonIds: composition.reasonIds,
          email: settings.email,
          country: settings.country,
          droppedReasons: composition.droppedReasonIds.length,
          ownWordsDropped: composition.ownWordsDropped,
        };
        return answer;
      }
      case 'submitted': {
        const accountId = await identifyAccount(message.submission.platform);
        await changeHistory((doc) => recordSubmission(doc, message.submission, accountId));
        if (tabId !== undefined) {
          await setPending(tabId, { id: message.submission.id, formId: message.submission.formId, at: Date.now() });
        }
        return { ok: true };
      }
      case 'status': {
        const entry = await changeHistory((doc) => updateStatus(doc, message.id, message.status, message.at));
        if (message.status !== 'submitted') await clearPending(message.id);
        return entry ? { ok: true } : { error: 'Unknown submission' };
      }
      case 'pending':
        return { id: tabId === undefined ? null : await takePending(tabId, message.formId, Date.now()) };
      case 'account-status': {
        const accountId = await identifyAccount(message.platform);
        if (!accountId) return { confirmedAt: null, account: null };
        const key = accountKeyOf(message.platform, accountId, '');
        const { doc } = await loadHistory();
        const confirmed = latestConfirmed(doc, key);
        const account = doc.accounts[key];
        return {
          confirmedAt: confirmed?.statusLog.find((s) => s.status === 'confirmed')?.at ?? null,
          account: account?.label ?? null,
        };
      }
      case 'page-opened': {
        const platform = platformOfUrl(sender.url);
        if (tabId === undefined || !platform) return { error: 'Not a Facebook or Instagram tab' };
        return { ok: true, reminded: await showReminder(tabId, platform) };
      }
      case 'history:label':
        await changeHistory((doc) => labelAccount(doc, message.accountKey, message.label));
        return { ok: true };
      case 'history:email-received':
        await changeHistory((doc) => markEmailReceived(doc, message.entryId, message.date));
        return { ok: true };
      case 'history:delete-entry':
        await changeHistory((doc) => deleteEntry(doc, message.entryId));
        return { ok: true };
      case 'history:delete-account':
        await changeHistory((doc) => deleteAccount(doc, message.accountKey));
        return { ok: true };
      case 'history:import': {
        const parsedFile = parseImport(message.file);
        if (!parsedFile.ok) return { error: parsedFile.error };
        return await changeHistory((doc) => mergeImport(doc, parsedFile.file));
      }
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
