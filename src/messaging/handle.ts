import { browser } from 'wxt/browser';
import { injectEngine } from '../loader/inject';
import {
  backgroundParsers,
  type HandoffReport,
  type SubmissionReport,
  type BackgroundAnswer,
  type BackgroundMessageType,
  type BackgroundRequest,
} from './protocol';
import type { ErrorAnswer } from './answers';
import { messageType } from './receive';
import { loadSettings } from '../settings/settings';
import { loadCatalogue } from '../reasons/catalogue-all';
import { composeObjection } from '../reasons/compose';
import { identifyAccount } from '../accounts/identify';
import { buildAccountKey } from '../history/account-key';
import { storageProblem, type Problem } from '../history/errors';
import { senderRole, type Sender, type SenderRole } from './sender';
import { showReminder } from '../accounts/badge';
import {
  deleteAccount,
  deleteEntry,
  labelAccount,
  latestConfirmed,
  markEmailReceived,
  recordSubmission,
  updateStatus,
} from '../history/store';
import { changeHistory, loadHistory } from '../history/persist';
import { clearPending, setPending, takeNote } from '../history/pending';
import { drainHandoff } from './handoff';
import { mergeImport, parseImport, previewImport } from '../history/exchange';
import type { ExportFile } from '../history/schema';
import { formRules } from '../forms/rules/data';
import { formRulesSchema, type FormRule } from '../forms/rules/schema';
import { formUrls } from '../forms/rules/urls';
import { matchFormRule } from '../forms/match';
import type { Outcome, Status } from '../domain/status';

let validatedRules: FormRule[] | undefined;
/** The form rules, checked against their schema once per worker start before any is sent out. */
function rules(): FormRule[] {
  validatedRules ??= formRulesSchema().parse(formRules);
  return validatedRules;
}

export type { Sender } from './sender';

/** Who sent a message the background accepts at all (see sender.ts). */
type KnownSender = Exclude<SenderRole, { kind: 'stranger' }>;
type FormTab = Extract<SenderRole, { kind: 'form-tab' }>;

/** The background's answer to each message type of `backgroundMessages`; a refusal is thrown (see below). */
type BackgroundHandlers = {
  [K in BackgroundMessageType]: (
    request: BackgroundRequest<K>,
    sender: KnownSender,
    /** What the browser said about the sender, for the engine's injection into the exact frame that asked. */
    raw: Sender,
  ) => Promise<BackgroundAnswer<K>>;
};

/** A refusal with a code the pages translate (history/errors.ts). */
class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/** Messages from the content script must come from a tab on one of Meta's form hosts. */
function formTab(sender: KnownSender): FormTab {
  if (sender.kind !== 'form-tab') throw new Refusal({ code: 'sender-refused' });
  return sender;
}

const OK = { ok: true } as const;

/**
 * The import file last checked (for its preview), kept until it is added or another file is checked: the
 * user's "Add to history" sends the same text, which is then not parsed and validated a second time. Any
 * other text is checked in full.
 */
let checkedImport: { id: string; text: string; file: ExportFile } | null = null;

function checkImport(text: string): { id: string; file: ExportFile } {
  if (checkedImport?.text === text) return checkedImport;
  checkedImport = null;
  const parsed = parseImport(text);
  if (!parsed.ok) throw new Refusal(parsed.problem);
  checkedImport = { id: crypto.randomUUID(), text, file: parsed.file };
  return checkedImport;
}

/**
 * The user's Send, from the engine's message (with its tab, for a reload of the form to find it) or from its
 * handoff (without). Idempotent: a report sent again, or both sent and handed off, makes one entry.
 */
async function recordSubmitted(submission: SubmissionReport, tabId: number | null): Promise<void> {
  const accountId = await identifyAccount(submission.platform);
  const entry = await changeHistory((doc) => recordSubmission(doc, submission, accountId)).catch(async (error: unknown) => {
    // A form that posts reloads the page before this answer arrives: the note tells the new page that
    // nothing was saved, and why.
    const note = { id: submission.id, formId: submission.formId, at: Date.now(), saveFailed: storageProblem(error).code };
    if (tabId !== null) await setPending(tabId, note, Date.now()).catch(() => undefined);
    throw error;
  });
  // The entry is stored; losing the "waiting for Meta" note only costs the status after a reload. A report
  // sent again (its acknowledgement lost) for an entry that already has Meta's answer waits for nothing.
  if (entry.status === 'submitted' && tabId !== null) {
    await setPending(tabId, { id: submission.id, formId: submission.formId, at: Date.now() }, Date.now()).catch(() => undefined);
  }
}

/** Meta's answer to a submission; the entry's status as now stored. */
async function recordStatus(id: string, status: Outcome, at: string): Promise<Status> {
  // Idempotent: the engine sends the same answer again until it gets this acknowledgement, and a repeated
  // or older answer never moves an entry back from Confirmed (store.ts).
  const entry = await changeHistory((doc) => updateStatus(doc, id, status, at));
  await clearPending(id, Date.now()).catch(() => undefined);
  if (!entry) throw new Refusal({ code: 'no-such-entry' });
  return entry.status;
}

/**
 * A report the engine handed off in `storage.local` (src/messaging/handoff.ts), applied as its message would
 * be. No browser-given sender vouches for it: only Objector's own contexts can write that storage (README,
 * threat model), and the submission's own URL must be a form of its platform and form, as the sender's tab
 * must be for the message. A refusal is final ('done'), and so is a Send that could not be stored: as for
 * its message, its tab is told that nothing was saved, and it is not stored behind the user's back later.
 * Meta's answer whose write failed is tried again later ('retry'): its entry exists.
 */
export async function applyHandedOff(report: HandoffReport): Promise<'done' | 'retry'> {
  try {
    // Usually its message got there first (the key is written as the message leaves, and the drain runs on
    // that write): nothing to do, without reading cookies or going through a write.
    if (await alreadyApplied(report)) return 'done';
    if (report.type === 'status') {
      await recordStatus(report.id, report.status, report.at);
      return 'done';
    }
    const { submission } = report;
    const rule = matchFormRule(submission.url, formUrls);
    if (!rule || rule.platform !== submission.platform || rule.formId !== submission.formId) {
      console.warn('Objector refused a handed-off submission that is not from one of its forms:', submission.id);
      return 'done';
    }
    await recordSubmitted(submission, report.tabId ?? null).catch(() => undefined);
    return 'done';
  } catch (error) {
    return error instanceof Refusal ? 'done' : 'retry';
  }
}

/** Whether the history already holds what a handed-off report says (from the background's checked copy). */
async function alreadyApplied(report: HandoffReport): Promise<boolean> {
  const id = report.type === 'submitted' ? report.submission.id : report.id;
  const entry = (await loadHistory()).doc.entries.find((e) => e.id === id);
  if (!entry) return false;
  return report.type === 'submitted' || entry.status === report.status || entry.status === 'confirmed';
}

const handlers: BackgroundHandlers = {
  'load-engine': async (_request, sender, raw) => {
    formTab(sender);
    const answer = await injectEngine(
      raw,
      (target, files) => browser.scripting.executeScript({ target, files }),
      (target, css) => browser.scripting.insertCSS({ target, css }),
    );
    if ('error' in answer) throw new Error(answer.error);
    return OK;
  },
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
    // A tab on Facebook reports Facebook submissions only.
    const tab = formTab(sender);
    if (tab.platform !== submission.platform) throw new Refusal({ code: 'sender-refused' });
    await recordSubmitted(submission, tab.tabId);
    return OK;
  },
  status: async ({ id, status, at }, sender) => {
    formTab(sender);
    return { ok: true, status: await recordStatus(id, status, at) };
  },
  pending: async ({ formId }, sender) => {
    const tab = formTab(sender);
    // A Send whose message was lost in the reload (the worker had to start) may wait handed off: applied
    // first, it leaves its note for this tab like the message would have. Its keys are read afresh: the
    // change event of a report written just before the reload may not have reached the background yet.
    await drainHandoff(applyHandedOff, { fresh: true });
    return { ...(await takeNote(tab.tabId, formId, Date.now())), tabId: tab.tabId };
  },
  'account-status': async ({ platform }, sender) => {
    formTab(sender);
    const accountId = await identifyAccount(platform);
    if (!accountId) return { confirmedAt: null, account: null };
    const key = buildAccountKey(platform, accountId, '');
    const { doc } = await loadHistory();
    const confirmed = latestConfirmed(doc, key);
    return {
      confirmedAt: confirmed?.statusLog.find((s) => s.status === 'confirmed')?.at ?? null,
      account: doc.accounts.get(key)?.label ?? null,
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
  'history:import-preview': async ({ file }) => {
    const checked = checkImport(file);
    return { ...previewImport((await loadHistory()).doc, checked.file), checkId: checked.id };
  },
  'history:import': async (request) => {
    let checked: ExportFile;
    if ('checkId' in request) {
      if (checkedImport?.id !== request.checkId) return { needFile: true as const };
      checked = checkedImport.file;
    } else checked = checkImport(request.file).file;
    const summary = await changeHistory((doc) => mergeImport(doc, checked));
    checkedImport = null;
    return summary;
  },
  'page-opened': async (_request, sender) => {
    const tab = formTab(sender);
    return { ok: true, reminded: await showReminder(tab.tabId, tab.platform) };
  },
};

/**
 * The background's answer to every message. A message whose type is not in the table, or whose request
 * does not match its schema, is refused with an error answer and changes nothing; a handler that throws
 * gives an error answer with its message. The history is written before the answer is sent.
 */
export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const role = senderRole(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (role.kind === 'stranger') return refuse({ code: 'sender-refused' });
  const type = messageType(raw, backgroundParsers);
  if (type === undefined) return refuse({ code: 'invalid-message' });
  // History changes only from Objector's own pages; everything else only from the content script on a form.
  if (type.startsWith('history:') !== (role.kind === 'extension-page')) return refuse({ code: 'sender-refused' });
  return runHandler(type, raw, role, sender);
}

function refuse(problem: Problem): ErrorAnswer & { problem: Problem } {
  return { error: problem.code, problem };
}

async function runHandler<K extends BackgroundMessageType>(
  type: K,
  raw: unknown,
  sender: KnownSender,
  rawSender: Sender,
): Promise<BackgroundAnswer<K> | ErrorAnswer> {
  const request = backgroundParsers[type].request.safeParse(raw);
  if (!request.success) return refuse({ code: 'invalid-message' });
  try {
    return await handlers[type](request.data, sender, rawSender);
  } catch (error) {
    if (error instanceof Refusal) return refuse(error.problem);
    if (error instanceof Error && error.message === 'Unknown form rule') return { error: error.message };
    return refuse(storageProblem(error));
  }
}
