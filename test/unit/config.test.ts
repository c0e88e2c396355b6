import assert from 'node:assert/strict';
import { parseConfig } from '../../src/core/config/config';
import { positionAt } from '../../src/core/lines';
import { day } from './helpers';

describe('config (.roadmark.yaml)', () => {
  it('reads every key of the spec', () => {
    const { config, problems } = parseConfig('today: 2026-11-23\ninclude: ["plans/**"]\nexclude: archive/**\nriskWindowDays: 7\nrules:\n  unplanned: off\n  overdue: error\n');
    assert.deepEqual(problems, []);
    assert.equal(config.today, day('2026-11-23'));
    assert.deepEqual(config.include, ['plans/**']);
    assert.deepEqual(config.exclude, ['archive/**']);
    assert.equal(config.riskWindowDays, 7);
    assert.deepEqual(config.rules, { unplanned: 'off', overdue: 'error' });
  });

  it('reads an empty config as the defaults', () => {
    const { config, problems } = parseConfig('# nothing yet\n');
    assert.deepEqual(problems, []);
    assert.equal(config.riskWindowDays, 14);
  });

  it('reports unknown keys, unknown rules and bad values at their positions', () => {
    const text = 'todya: 2026-11-23\nriskWindowDays: soon\nrules:\n  overdew: error\n  unlinked: loud\ntoday: 2027-02-30\ninclude: {a: 1}\n';
    const { problems, lineStarts } = parseConfig(text);
    const at = problems.map((p) => `${positionAt(lineStarts, p.span.start).line}: ${p.message}`);
    assert.deepEqual(at, [
      "1: Unknown config key 'todya': did you mean 'today'?",
      "2: 'riskWindowDays' must be a whole number of days (0 or more), not 'soon'",
      "4: Unknown rule 'overdew': did you mean 'overdue'?",
      "5: Rule 'unlinked' must be set to off, info, warning or error, not 'loud'",
      "6: 'today' must be a date YYYY-MM-DD: 2027-02-30 does not exist (February 2027 has 28 days)",
      "7: 'include' must be a glob or a list of globs",
    ]);
  });

  it('reports YAML syntax errors and a config that is not a mapping', () => {
    assert.equal(parseConfig('rules: [\n').problems[0].rule, 'config');
    assert.match(parseConfig('- a\n').problems[0].message, /must be a mapping/);
  });

  it('reads fields (extra field names) and baseline (a git ref for drift)', () => {
    const { config, problems } = parseConfig('fields: [risk, Team_Size, constructor]\nbaseline: origin/main\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.fields, ['risk', 'Team_Size', 'constructor']);
    assert.equal(config.baseline, 'origin/main');
    assert.deepEqual(parseConfig('fields: risk\nbaseline: 1234567\n').config, { ...parseConfig('').config, fields: ['risk'], baseline: '1234567' });
    assert.deepEqual(parseConfig('fields:\n').config.fields, []);
    assert.equal(parseConfig('').config.fields, undefined);
  });

  it('reports fields that are not names and a baseline that is not a git ref', () => {
    const text = 'fields: [risk, {a: 1}]\nbaseline: --upload-pack=evil\n';
    const { problems, lineStarts, config } = parseConfig(text);
    assert.deepEqual(problems.map((p) => `${positionAt(lineStarts, p.span.start).line}: ${p.message}`), [
      "1: 'fields' must be a list of field names (such as [risk, team])",
      "2: 'baseline' must be a git ref such as main, origin/main or v1.2, not '--upload-pack=evil'",
    ]);
    assert.equal(config.baseline, undefined);
    for (const bad of ['a b', 'main..dev', 'x:y', '[a]', 'true']) assert.equal(parseConfig(`baseline: ${bad}\n`).problems.length, 1, bad);
    for (const good of ['main', 'v1.2.0', 'HEAD~2', 'release/2027-q1', 'origin/main']) assert.equal(parseConfig(`baseline: ${good}\n`).config.baseline, good, good);
  });

  it('names every key in the did-you-mean, and treats a key called constructor as unknown', () => {
    assert.deepEqual(parseConfig('feilds: [risk]\n').problems.map((p) => p.message), ["Unknown config key 'feilds': did you mean 'fields'?"]);
    assert.match(parseConfig('constructor: 1\n').problems[0].message, /Unknown config key 'constructor'/);
    assert.match(parseConfig('rules:\n  constructor: off\n').problems[0].message, /Unknown rule 'constructor'/);
  });
});
