// The features a question's words give the intent classifier: the words, each pair of neighbouring words
// (with the start of the message as a word, so "when …" and "… when" differ), and the 3- and 4-letter pieces
// of each word, so typos, plurals and unseen forms ("registring", "speakrs") still share most features.

/**
 * Feature names of one normalised text (lowercase, single-spaced), each once. `tags`: the kinds of entity the
 * recognisers found in it ("speaker", "session", "day"…), alone and paired with the question's first words,
 * so "when … {a speaker}" and "when … {a session}" can lead to different intents.
 */
export function featuresOf(text: string, tags: readonly string[] = []): string[] {
  const words = text.split(' ').filter(Boolean);
  const out = new Set<string>();
  let previous = '^';
  for (const w of words) {
    out.add(`w:${w}`);
    out.add(`b:${previous}_${w}`);
    previous = w;
    const padded = `<${w}>`;
    for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  }
  if (words.length) out.add(`b:${previous}_$`);
  out.add(`len:${Math.min(words.length, 6)}`);
  const lead = words.slice(0, 2);
  for (const tag of tags) {
    out.add(`e:${tag}`);
    for (const w of lead) out.add(`e:${w}@${tag}`);
  }
  if (!tags.length) out.add('e:none');
  return [...out];
}
