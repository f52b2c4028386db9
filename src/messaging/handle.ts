import { browser } from 'wxt/browser';
import {
  backgroundParsers,
  type BackgroundAnswer,
  type BackgroundMessageType,
  type BackgroundRequest,
} from './protocol';
import type { ErrorAnswer } from './answers';
import { messageType } from './receive';
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
  validatedRules ??= formRulesSchema().parse(formRules);
  return validatedRules;
}

export interface Sender {
  tab?: { id?: number };
  /** URL of the sending frame (set by the browser, not by the page). */
  url?: string;
}

/** The background's answer to each message type of `backgroundMessages`; a refusal is thrown (see below). */
type BackgroundHandlers = {
  [K in BackgroundMessageType]: (request: BackgroundRequest<K>, sender: Sender) => Promise<BackgroundAnswer<K>>;
};

const OK = { ok: true } as const;

const handlers: BackgroundHandlers = {
  rule: async ({ id }) => {
    const rule = rules().find((r) => r.id === id);
    if (!rule) throw new Error('Unknown form rule');
    return rule;
  },
  compose: async ({ lang, maxLength }) => {
    const { settings } = await loadSettings();
    const composition = composeObjection({
      catalogue: loadCatalogue(),
      reasonIds: settings.reasonIds,
      ownWords: settings.ownWords,
      formLang: lang,
      userLang: browser.i18n.getUILanguage(),
      maxLength,
    });
    return {
      text: composition.text,
      lang: composition.lang,
      reasonIds: composition.reasonIds,
      email: settings.email,
      country: settings.country,
      droppedReasons: composition.droppedReasonIds.length,
      ownWordsDropped: composition.ownWordsDropped,
    };
  },
  submitted: async ({ submission }, sender) => {
    const accountId = await identifyAccount(submission.platform);
    await changeHistory((doc) => recordSubmission(doc, submission, accountId));
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await setPending(tabId, { id: submission.id, formId: submission.formId, at: Date.now() });
    return OK;
  },
  status: async ({ id, status, at }) => {
    const entry = await changeHistory((doc) => updateStatus(doc, id, status, at));
    await clearPending(id);
    if (!entry) throw new Error('Unknown submission');
    return OK;
  },
  pending: async ({ formId }, sender) => {
    const tabId = sender.tab?.id;
    return { id: tabId === undefined ? null : await takePending(tabId, formId, Date.now()) };
  },
  'account-status': async ({ platform }) => {
    const accountId = await identifyAccount(platform);
    if (!accountId) return { confirmedAt: null, account: null };
    const key = accountKeyOf(platform, accountId, '');
    const { doc } = await loadHistory();
    const confirmed = latestConfirmed(doc, key);
    return {
      confirmedAt: confirmed?.statusLog.find((s) => s.status === 'confirmed')?.at ?? null,
      account: doc.accounts[key]?.label ?? null,
    };
  },
  'history:label': async ({ accountKey, label }) => {
    await changeHistory((doc) => labelAccount(doc, accountKey, label));
    return OK;
  },
  'history:email-received': async ({ entryId, date }) => {
    await changeHistory((doc) => markEmailReceived(doc, entryId, date));
    return OK;
  },
  'history:delete-entry': async ({ entryId }) => {
    await changeHistory((doc) => deleteEntry(doc, entryId));
    return OK;
  },
  'history:delete-account': async ({ accountKey }) => {
    await changeHistory((doc) => deleteAccount(doc, accountKey));
    return OK;
  },
  'history:import': async ({ file }) => {
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.error);
    return changeHistory((doc) => mergeImport(doc, parsed.file));
  },
  'page-opened': async (_request, sender) => {
    const tabId = sender.tab?.id;
    const platform = platformOfUrl(sender.url);
    if (tabId === undefined || !platform) throw new Error('Not a Facebook or Instagram tab');
    return { ok: true, reminded: await showReminder(tabId, platform) };
  },
};

/**
 * The background's answer to every message. A message whose type is not in the table, or whose request
 * does not match its schema, is refused with an error answer and changes nothing; a handler that throws
 * gives an error answer with its message. The history is written before the answer is sent.
 */
export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const type = messageType(raw, backgroundParsers);
  if (type === undefined) return { error: 'Invalid message' } satisfies ErrorAnswer;
  return runHandler(type, raw, sender);
}

async function runHandler<K extends BackgroundMessageType>(
  type: K,
  raw: unknown,
  sender: Sender,
): Promise<BackgroundAnswer<K> | ErrorAnswer> {
  const request = backgroundParsers[type].request.safeParse(raw);
  if (!request.success) return { error: 'Invalid message' };
  try {
    return await handlers[type](request.data, sender);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
