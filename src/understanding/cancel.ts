// "cancel", "stop", "never mind": the one definition of a request to stop what is going on. The router reads it
// as the cancel command, and a dialog's prompt as the end of the dialog; a precise rule (the whole message is
// the request) rather than the classifier, because stopping must never be a guess.
import { lowerForm } from './normalise.ts';

const CANCEL = /^(cancel|stop|quit|abort|exit|never ?mind|forget it|cancel that|stop that|start over|stop it)( please)?$/;

/** Whether the whole message asks to stop ("Cancel.", "never mind!", "stop please"). */
export function isCancelRequest(text: string): boolean {
  return CANCEL.test(lowerForm(text).replace(/[^a-z0-9]+/g, ' ').trim());
}
