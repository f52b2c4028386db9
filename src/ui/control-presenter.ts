import type { ControlActions, ControlPresenter, PresentControl } from '../forms/presenter';
import { createControl } from './control';
import { describeReport, type ContentTexts } from './report';

/**
 * The in-page control as the engine sees it (src/forms/presenter.ts): turns what the engine knows into
 * the user's words and into the card's state. The engine never imports this; the content script hands it over.
 */
export function controlPresenter(texts: ContentTexts): PresentControl {
  return (doc: Document, actions: ControlActions): ControlPresenter => {
    const view = createControl(
      doc,
      { title: texts.title, intro: '', button: texts.button, reportButton: texts.reportButton },
      actions.autofill,
      actions.saveReport,
    );
    view.setButtonVisible(false);
    /** Meta's answer or a report replaces the offer: nothing is left to fill. */
    const closeOffer = () => {
      view.setIntro('');
      view.setButtonVisible(false);
    };
    return {
      place(anchor) {
        if (anchor) return view.placeBefore(anchor);
        const main = doc.querySelector('[role=main], main') ?? doc.body;
        if (view.host.parentElement !== main || main.firstElementChild !== view.host) main.prepend(view.host);
      },
      isPlaced: () => view.host.isConnected,
      offer(kind) {
        view.setIntro(kind === 'third-party' ? texts.introThirdParty : texts.intro);
        view.setButtonVisible(true);
        view.setReportVisible(false);
        view.setMessage('', 'info');
      },
      setBusy: (busy) => view.setBusy(busy),
      showFill(report) {
        const message = describeReport(report, texts);
        const complete = report.ok && report.notFound.length === 0;
        view.setMessage(message, report.ok ? 'success' : 'error');
        // Something Objector could not do is worth a report: it tells the maintainers what Meta changed.
        view.setReportVisible(!complete);
        return message;
      },
      showNoForm() {
        view.setMessage(texts.noForm, 'error');
        view.setReportVisible(true);
        return texts.noForm;
      },
      showAlreadyConfirmed: (iso) => view.setNotice(texts.alreadyConfirmed(iso)),
      showUnrecognised() {
        closeOffer();
        view.setMessage(texts.unrecognised, 'info');
        view.setReportVisible(true);
      },
      showSaved: () => view.setMessage(texts.recorded, 'info'),
      showSaveFailed(reason) {
        // The user has sent the form: Autofill is no longer what the card offers, the failed save is.
        closeOffer();
        view.setMessage(texts.saveFailed(reason), 'error');
      },
      showAnswer(answer) {
        if (answer !== 'failed') closeOffer();
        view.setReportVisible(false);
        if (answer === 'confirmed') view.setMessage(texts.confirmed, 'success');
        else if (answer === 'failed') view.setMessage(texts.failed, 'error');
        else view.setMessage(texts.probablyConfirmed, 'info');
      },
      destroy: () => view.destroy(),
    };
  };
}
