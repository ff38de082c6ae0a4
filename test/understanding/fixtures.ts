// Shared fixtures: the two event files, their agendas and engines, built once per test run.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { loadEventFile } from '../../src/event/load.ts';
import { Agenda } from '../../src/event/agenda.ts';
import { AnsweringEngine } from '../../src/answering/engine.ts';
import { Vocabulary } from '../../src/understanding/vocabulary.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dfs = loadEventFile(resolve(root, 'events/dfs-security-clinic-2022.json'));
export const sample = loadEventFile(resolve(root, 'events/sample-cloud-resilience-forum.json'));
export const dfsAgenda = new Agenda(dfs);
export const sampleAgenda = new Agenda(sample);
export const dfsVocab = new Vocabulary(dfs);

let engines: { dfs: AnsweringEngine; sample: AnsweringEngine } | undefined;
export function getEngines() {
  engines ??= { dfs: new AnsweringEngine(dfs), sample: new AnsweringEngine(sample) };
  return engines;
}
/** Before the clinic. */
export const BEFORE = new Date('2022-03-01T08:00:00Z');
