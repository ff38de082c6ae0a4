// Writes locales/cities.fr.json: the French names of the cities that name time zones ("Londres" for Europe/London,
// "Le Caire" for Africa/Cairo, "Alger", "Moscou"), from the Unicode CLDR's exemplar cities (cldr-dates-full,
// main/<lang>/timeZoneNames.json). Only the zones whose French city differs from the English one are kept. The
// bot names a place in French replies from this file (src/language/placeNames.ts); run again for a new CLDR:
//   npm pack cldr-dates-full && tar xzf cldr-dates-full-*.tgz && node scripts/cldr-cities.mjs package
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/cldr-cities.mjs <path to the cldr-dates-full package>');
  process.exit(2);
}
const cities = (lang) => {
  const names = JSON.parse(readFileSync(join(dir, 'main', lang, 'timeZoneNames.json'), 'utf8')).main[lang].dates.timeZoneNames.zone;
  const out = {};
  const walk = (node, path) => {
    for (const [k, v] of Object.entries(node)) {
      if (v && typeof v === 'object' && typeof v.exemplarCity === 'string') out[`${path}${k}`] = v.exemplarCity;
      else if (v && typeof v === 'object') walk(v, `${path}${k}/`);
    }
  };
  walk(names, '');
  return out;
};
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
const en = cities('en');
const fr = cities('fr');
// (a zone without an English exemplar city is named by its id's last part: "Europe/London" → "London")
const english = (zone) => en[zone] ?? zone.split('/').pop().replace(/_/g, ' ');
const out = { _: `French names of the cities that name time zones, where they differ from the English: Unicode CLDR ${version} exemplar cities (cldr-dates-full), zone: [English, French], written by scripts/cldr-cities.mjs. Unicode License v3.` };
for (const zone of Object.keys(fr).sort()) if (fr[zone] !== english(zone)) out[zone] = [english(zone), fr[zone]];
// one zone a line: "Africa/Cairo": ["Cairo", "Le Caire"]
const lines = Object.entries(out).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v).replace(/","/g, '", "')}`);
writeFileSync('locales/cities.fr.json', `{\n${lines.join(',\n')}\n}\n`);
console.log(`${Object.keys(out).length - 1} zones`);
