// Every word the renderer itself adds to a reply (the composers write the answers). One object per language.
import type { Language } from '../language/languages.ts';

export interface RendererStrings {
  /** Header of the column of names/titles beside the time column(s). */
  itemHeader: string;
  /** Said once before a list whose times are in several zones: "Times: EAT, then Your time (Europe/Berlin, UTC+2)". */
  timesIn(zones: string[]): string;
  /** The spoken summary of a card: "Agenda, 7 items". */
  spokenCount(title: string, count: number): string;
  /** Name of a row's link when read out or shown as text. */
  open: string;
  /** Between the items of a row: "; " (French: a narrow no-break space before the semicolon). */
  semicolon: string;
  /** After a fact's label: ":" (French: a no-break space before it). */
  colon: string;
}

export const en: RendererStrings = {
  itemHeader: 'Session',
  timesIn: (zones) => (zones.length === 1 ? `Times in ${zones[0]}.` : `Times in ${zones[0]}, then ${zones.slice(1).join(', then ')}.`),
  spokenCount: (title, count) => `${title}: ${count} item${count === 1 ? '' : 's'}.`,
  open: 'Open',
  semicolon: '; ',
  colon: ':',
};

const NBSP = '\u00a0';

export const fr: RendererStrings = {
  itemHeader: 'Session',
  timesIn: (zones) => (zones.length === 1 ? `Heures en ${zones[0]}.` : `Heures en ${zones[0]}, puis ${zones.slice(1).join(', puis ')}.`),
  spokenCount: (title, count) => `${title}${NBSP}: ${count} élément${count === 1 ? '' : 's'}.`,
  open: 'Ouvrir',
  semicolon: '\u202f; ',
  colon: `${NBSP}:`,
};

/** The renderer's words in a language. */
export function rendererStrings(language: Language | undefined): RendererStrings {
  return language === 'fr' ? fr : en;
}
