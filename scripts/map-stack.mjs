// Maps a stack trace from the production bundle (dist/main.js:LINE:COL) back to src/ lines, offline.
// `npm start` runs without --enable-source-maps (it costs start-up time and memory on every start), so
// logged stacks point into the bundle: `node scripts/map-stack.mjs < stack.txt` (or pipe a log through it).
// The map must be the one built with that bundle (dist/main.js.map; keep it with each deployment).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

const mapFile = process.argv[2] ?? 'dist/main.js.map';
const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
const input = readFileSync(0, 'utf8');
process.stdout.write(
  input.replace(/([^\s()]*main\.js):(\d+):(\d+)/g, (whole, _file, line, column) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !entry.originalSource) return whole;
    return `${entry.originalSource.replace(/^.*?(src|dialogs|node_modules)\//, '$1/')}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  }),
);
