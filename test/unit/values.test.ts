import assert from 'node:assert/strict';
import { parseHorizon, parseMoney, parseNumber, parseStatus, isEstimate } from '../../src/core/model/values';

describe('field values', () => {
  it('reads statuses and their aliases', () => {
    assert.equal(parseStatus('In-Progress'), 'in-progress');
    assert.equal(parseStatus('in progress'), 'in-progress');
    for (const alias of ['todo', 'doing', 'active', 'wip']) assert.equal(parseStatus(alias), 'in-progress');
    for (const alias of ['complete', 'completed', 'shipped', 'released']) assert.equal(parseStatus(alias), 'done');
    for (const alias of ['cancelled', 'canceled', 'wont-do', "won't do"]) assert.equal(parseStatus(alias), 'dropped');
    assert.equal(parseStatus('finished'), undefined);
  });
  it('reads horizons', () => {
    assert.equal(parseHorizon('Now'), 'now');
    assert.equal(parseHorizon('soon'), undefined);
  });
  it('reads money in the usual spellings', () => {
    assert.deepEqual(parseMoney('40000 EUR'), { amount: 40000, currency: 'EUR' });
    assert.deepEqual(parseMoney('€40,000'), { amount: 40000, currency: 'EUR' });
    assert.deepEqual(parseMoney('40k'), { amount: 40000, currency: undefined });
    assert.deepEqual(parseMoney('$1.5M'), { amount: 1500000, currency: 'USD' });
    assert.deepEqual(parseMoney('EUR 12 500'), { amount: 12500, currency: 'EUR' });
    assert.deepEqual(parseMoney(2500), { amount: 2500 });
    assert.deepEqual(parseMoney('-5 EUR'), { amount: -5, currency: 'EUR' });
    assert.equal(parseMoney('forty thousand'), undefined);
    assert.equal(parseMoney('40,00,0'), undefined);
    assert.equal(parseMoney('€40 USD'), undefined);
  });
  it('reads numbers, percentages and estimates', () => {
    assert.equal(parseNumber('80%'), 0.8);
    assert.equal(parseNumber('3'), 3);
    assert.equal(parseNumber('lots'), undefined);
    assert.ok(isEstimate('2d') && isEstimate('1.5 weeks') && isEstimate(3) && isEstimate('5 pts'));
    assert.ok(!isEstimate('a while'));
  });
});
