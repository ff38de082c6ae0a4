// "cancel", "stop", "never mind": the one definition of a request to stop what is going on. The router reads it
// as the cancel command, and a dialog's prompt as the end of the dialog; a precise rule (the whole message is
// the request) rather than the classifier, because stopping must never be a guess.
import { lowerForm } from './normalise.ts';

const CANCEL = /^(cancel|stop|quit|abort|exit|never ?mind|forget it|cancel that|stop that|start over|stop it)( please)?$/;
/** The same in French ("annuler", "arrête", "laisse tomber", "on arrête là"), accents folded. */
const ANNULER = /^(annuler|annule|annulez|arrete|arreter|arretez|on arrete|on arrete la|stop|laisse tomber|laissez tomber|abandonner|abandonne|oublie ca|oubliez ca|j abandonne|jabandonne)( (svp|s il vous plait|merci))?$/;

/** Whether the whole message asks to stop ("Cancel.", "never mind!", "stop please"). */
export function isCancelRequest(text: string): boolean {
  const said = lowerForm(text).replace(/[^a-z0-9]+/g, ' ').trim();
  return CANCEL.test(said) || ANNULER.test(said);
}
