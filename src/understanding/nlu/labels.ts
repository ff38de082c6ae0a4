// The intent ids the classifier is trained on (nlu/<lang>/*.json keys) are the decisions' kinds, refined by
// the one slot that changes the answer's shape: "fact.dates", "session.when", "command.register".
import type { Decision } from '../decision.ts';

export function intentIdOf(d: Decision): string {
  switch (d.intent) {
    case 'command':
      return `command.${d.command}`;
    case 'fact':
      return `fact.${d.fact}`;
    case 'detail':
      return `detail.${d.detail}`;
    case 'session':
      return d.check ? 'session.status' : `session.${d.aspect}`;
    case 'speaker':
      return `speaker.${d.aspect}`;
    case 'count':
      return `count.${d.what}`;
    case 'refuse':
      return d.harmful ? 'refuse.harmful' : 'refuse.task';
    default:
      return d.intent;
  }
}
