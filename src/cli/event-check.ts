// `npm run event:check FILE`: validates an event file as the bot does when it loads or reloads one, and prints
// the same problems (field, what is wrong). Exit code 0 when valid, 1 when not, 2 without a file.
import { EventSource } from '../event/eventSource.ts';
import { EventFileError } from '../event/load.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run event:check -- path/to/event.json');
  process.exit(2);
}
try {
  const { event, agenda, version } = EventSource.fromFile(file).current;
  const talks = agenda.sessions.filter((s) => s.kind !== 'break').length;
  console.log(`${file} is valid: "${event.title}", ${agenda.days.length} day(s), ${talks} session(s), version ${version}`);
} catch (err) {
  console.error(err instanceof EventFileError ? err.message : `${file}: ${(err as Error).message}`);
  process.exit(1);
}
