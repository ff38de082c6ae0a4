// `npm run event:check FILE`: the organiser's check before saving an edited event file.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/event-check.ts', file], { encoding: 'utf8' });

describe('npm run event:check', function () {
  this.timeout(20_000);
  it('accepts each shipped event file and says what it holds', () => {
    for (const file of ['events/dfs-security-clinic-2022.json', 'events/sample-cloud-resilience-forum.json']) {
      const run = check(file);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/is valid: ".+", \d day\(s\), \d+ session\(s\), version [0-9a-f]{12}/);
    }
  });

  it('refuses a broken file with the field and the problem, exit code 1', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'event-check-')), 'event.json');
    writeFileSync(file, JSON.stringify({ id: 'x', title: 42 }));
    const run = check(file);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('is invalid').and.match(/title: Expected string/);
  });
});
