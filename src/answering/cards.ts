// Adaptive Card 1.5 builders. Cards carry only event data (never the user's words) and use only
// Action.OpenUrl and Action.Submit, which every channel the bot serves renders.
type Element = Record<string, unknown>;

export interface CardAction {
  title: string;
  url: string;
}

export function card(body: Element[], actions: CardAction[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: actions.slice(0, 6).map((a) => ({ type: 'Action.OpenUrl', title: a.title, url: a.url })),
  };
}

export const heading = (text: string): Element => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const subheading = (text: string): Element => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const para = (text: string, subtle = false): Element => ({ type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true } : {}) });
export const facts = (pairs: [string, string][]): Element => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });
