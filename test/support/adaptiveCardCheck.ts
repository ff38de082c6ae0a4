// Checks a card the way the hosts will read it: parsed by Microsoft's own Adaptive Cards library (the one Web
// Chat renders with) against schema version 1.5, the version Teams' card host supports. Any parse error or
// warning (an unknown element, a property value 1.5 doesn't allow, an element newer than 1.5), any property the
// library does not know (it would drop it silently), and any element outside the set every host renders is a
// problem.
import * as AC from 'adaptivecards';

/** The elements and actions our cards may use: in Adaptive Cards 1.5 and rendered by Teams (desktop, web, mobile) and Web Chat. */
const HOST_SAFE = new Set(['AdaptiveCard', 'TextBlock', 'ColumnSet', 'Column', 'Container', 'FactSet', 'Image', 'ActionSet', 'Action.OpenUrl', 'Action.Submit']);

export function adaptiveCardProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${String(json.type)}`);
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, not 1.5`);
  if (typeof json.speak !== 'string' || !json.speak) problems.push('no speak text');
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`adaptivecards: ${context.getEventAt(i).message}`);
  const round = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) as Record<string, unknown>;
  unknownKeys(json, round, '$', problems);
  walk(json, (o, path) => {
    if (typeof o.type === 'string' && !HOST_SAFE.has(o.type)) problems.push(`${path}: ${o.type} is not in the host-safe set`);
    if (o.type === 'Image' && (typeof o.altText !== 'string' || !o.altText)) problems.push(`${path}: an Image without altText`);
    if (o.type === 'Action.OpenUrl' && !/^https?:\/\//.test(String(o.url))) problems.push(`${path}: url ${String(o.url)}`);
  });
  return problems;
}

/** Keys of `ours` that the library's serialisation dropped: properties 1.5 does not have (or misspelt). */
function unknownKeys(ours: unknown, theirs: unknown, path: string, out: string[]) {
  if (Array.isArray(ours)) return ours.forEach((x, i) => unknownKeys(x, Array.isArray(theirs) ? theirs[i] : undefined, `${path}[${i}]`, out));
  if (!ours || typeof ours !== 'object') return;
  const t = (theirs && typeof theirs === 'object' ? theirs : {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(ours as Record<string, unknown>)) {
    if (!(k in t)) out.push(`${path}.${k} (${JSON.stringify(v).slice(0, 40)}) is not a 1.5 property`);
    else unknownKeys(v, t[k], `${path}.${k}`, out);
  }
}

function walk(v: unknown, visit: (o: Record<string, unknown>, path: string) => void, path = '$') {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, visit, `${path}[${i}]`));
  else if (v && typeof v === 'object') {
    visit(v as Record<string, unknown>, path);
    for (const [k, x] of Object.entries(v)) walk(x, visit, `${path}.${k}`);
  }
}
