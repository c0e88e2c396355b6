/** The JSON Schemas the YAML extension uses, checked with ajv against the examples and bad input. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { CONFIG_KEYS } from '../../src/core/config/config';
import { RULE_IDS } from '../../src/core/rules/index';

const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')));
const project = schema('project');
const roadmap = schema('roadmap');
const config = schema('roadmark-config');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('JSON schemas', () => {
  it('the config schema and the roadmark.rules setting know every config key and every rule, and nothing else', () => {
    const file = JSON.parse(readFileSync('schemas/roadmark-config.schema.json', 'utf8')) as { properties: Record<string, { properties?: object }> };
    assert.deepEqual(Object.keys(file.properties).sort(), [...CONFIG_KEYS].sort());
    assert.deepEqual(Object.keys(file.properties.rules.properties!).sort(), [...RULE_IDS].sort());
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { properties?: object }> } | { properties: Record<string, { properties?: object }> }[] } };
    const settings = [manifest.contributes.configuration].flat().find((c) => c.properties['roadmark.rules'])!.properties;
    assert.deepEqual(Object.keys(settings['roadmark.rules'].properties!).sort(), [...RULE_IDS].sort());
  });

  it('accept the example workspace\'s valid YAML plans and config', () => {
    const checked: string[] = [];
    for (const file of yamlFiles('examples')) {
      let doc: unknown;
      try {
        doc = parse(readFileSync(file, 'utf8'));
      } catch {
        continue; // the example breaks YAML syntax on purpose in one file; the parser reports it
      }
      const validate = file.endsWith('.roadmark.yaml') ? config : /roadmap/.test(file) ? roadmap : project;
      const ok = validate(doc);
      assert.ok(ok, `${file}: ${JSON.stringify(validate.errors)}`);
      checked.push(file);
    }
    assert.ok(checked.length >= 2, `checked ${checked.join(', ')}`);
  });

  it('reject bad statuses, dates, types and config keys', () => {
    assert.equal(project({ type: 'project', id: 'p', milestones: [{ id: 'm', status: 'finished' }] }), false);
    assert.equal(project({ type: 'project', id: 'p', end: '31/03/2027' }), false);
    assert.equal(project({ type: 'project', id: 'p', milestones: { id: 'm' } }), false);
    assert.equal(roadmap({ type: 'roadmap', initiatives: [{ id: 'i', horizon: 'soon' }] }), false);
    assert.equal(config({ riskWindow: 3 }), false);
    assert.equal(config({ rules: { overdue: 'fatal' } }), false);
    assert.equal(config({ rules: { 'no-such-rule': 'off' } }), false);
  });

  it('accept periods, lists of links and money as numbers', () => {
    assert.ok(project({ type: 'project', id: 'p', delivers: ['a', 'b'], end: '2027-Q1', budget: 40000, milestones: [{ id: 'm', due: '2027-H2', depends: 'x', tasks: ['t', { title: 'u', done: true }] }] }), JSON.stringify(project.errors));
    assert.ok(roadmap({ type: 'roadmap', initiatives: [{ id: 'i', goal: ['g1', 'g2'], target: '2027' }] }), JSON.stringify(roadmap.errors));
    assert.ok(config({ today: '2026-11-23', include: ['plans/**'], riskWindowDays: 7, rules: { overdue: 'error' } }));
  });
});
