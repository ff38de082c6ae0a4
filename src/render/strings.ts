// Every word the renderer itself adds to a reply (the composers write the answers). One place per language:
// a French renderer (issue 13) adds a `fr` object of the same shape.

export interface RendererStrings {
  /** Header of the column of names/titles beside the time column(s). */
  itemHeader: string;
  /** Said once before a list whose times are in several zones: "Times: EAT, then Your time (Europe/Berlin, UTC+2)". */
  timesIn(zones: string[]): string;
  /** The spoken summary of a card: "Agenda, 7 items". */
  spokenCount(title: string, count: number): string;
  /** Name of a row's link when read out or shown as text. */
  open: string;
}

export const en: RendererStrings = {
  itemHeader: 'Session',
  timesIn: (zones) => (zones.length === 1 ? `Times in ${zones[0]}.` : `Times in ${zones[0]}, then ${zones.slice(1).join(', then ')}.`),
  spokenCount: (title, count) => `${title}: ${count} item${count === 1 ? '' : 's'}.`,
  open: 'Open',
};
