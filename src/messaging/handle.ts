import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { contentMessageSchema, historyMessageSchema, type ComposeAnswer } from './protocol';
import { senderRole, type Sender, type SenderRole } from './sender';
import { loadSettings } from '../settings/settings';
import { loadCatalogue } from '../reasons/catalogue';
import { composeObjection } from '../reasons/compose';
import { identifyAccount } from '../accounts/identify';
import { buildAccountKey } from '../history/account-key';
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
import { HistoryProblem, storageProblem, type Problem } from '../history/errors';
import { formRules } from '../forms/rules/data';
import { formRulesSchema, type FormRule } from '../forms/rules/schema';

export type { Sender } from './sender';

let validatedRules: FormRule[] | undefined;
/** The form rules, checked against their schema once per worker start before any is sent out. */
function rules(): FormRule[] {
  validatedRules ??= formRulesSchema.parse(formRules);
  return validatedRules;
}

const anyMessageSchema = z.union([contentMessageSchema, historyMessageSchema]);

/** The answer to a message that was refused or failed: English for logs, and a code the UI translates. */
export interface ErrorAnswer {
  error: string;
  problem: Problem;
}

function refuse(problem: Problem): ErrorAnswer {
  return { error: problem.code, problem };
}

/**
 * The background's answer to every message. Invalid messages, and messages from a sender that may not send
 * them, are refused with an error answer and change nothing. A change is answered `{ ok: true }` only after
 * it is stored; a failed write is an error answer (`storage-full`, `storage-failed`).
 */
export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (role.kind === 'stranger') return refuse({ code: 'sender-refused' });
  const parsed = anyMessageSchema.safeParse(raw);
  if (!parsed.success) return refuse({ code: 'invalid-message' });
  try {
    return await answer(parsed.data, role);
  } catch (error) {
    return refuse(storageProblem(error));
  }
}

type Message = z.infer<typeof anyMessageSchema>;

async function answer(message: Message, role: Exclude<SenderRole, { kind: 'stranger' }>): Promise<unknown> {
  if (message.type.startsWith('history:')) {
    if (role.kind !== 'extension-page') return refuse({ code: 'sender-refused' });
  } else if (role.kind !== 'form-tab') {
    return refuse({ code: 'sender-refused' });
  }
  const tab = role.kind === 'form-tab' ? role : null;
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
      // A tab on Facebook reports Facebook submissions only.
      if (tab?.platform !== message.submission.platform) return refuse({ code: 'sender-refused' });
      const accountId = await identifyAccount(message.submission.platform);
      await changeHistory((doc) => recordSubmission(doc, message.submission, accountId));
      // The entry is stored; losing the "waiting for Meta" note only costs the status after a reload.
      await setPending(tab.tabId, { id: message.submission.id, formId: message.submission.formId, at: Date.now() }, Date.now()).catch(
        () => undefined,
      );
      return { ok: true };
    }
    case 'status': {
      const entry = await changeHistory((doc) => updateStatus(doc, message.id, message.status, message.at));
      if (message.status !== 'submitted') await clearPending(message.id, Date.now()).catch(() => undefined);
      return entry ? { ok: true } : refuse({ code: 'no-such-entry' });
    }
    case 'pending':
      return { id: tab ? await takePending(tab.tabId, message.formId, Date.now()) : null };
    case 'account-status': {
      const accountId = await identifyAccount(message.platform);
      if (!accountId) return { confirmedAt: null, account: null };
      const key = buildAccountKey(message.platform, accountId, '');
      const { doc } = await loadHistory();
      const confirmed = latestConfirmed(doc, key);
      return {
        confirmedAt: confirmed?.statusLog.find((s) => s.status === 'confirmed')?.at ?? null,
        account: doc.accounts.get(key)?.label ?? null,
      };
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
      if (!parsedFile.ok) return refuse(parsedFile.problem);
      return await changeHistory((doc) => mergeImport(doc, parsedFile.file));
    }
  }
}

export { HistoryProblem };
