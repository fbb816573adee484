// Shape parity: every Node result equals the core's JSON for the same input.
// core/tests/fixtures/contract_examples.jsonl is written and checked by the core
// (core/tests/contract_json.rs): for each input, the contract record (`ok`) or the error
// record (`error`). Node returns the records as plain data with decimals as strings, so
// a result must deep-equal the core's JSON key for key and digit for digit.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as sc from '../index.js'
import { rows } from './helpers.mjs'

const CALLS = {
  validate_profile: (a) => sc.validateProfile(a.input),
  classify: (a) => sc.classify(a.profile),
  classify_blended: (a) => sc.classifyBlended(a.profile),
  assess_risk_request: (a) => sc.assessRiskRequest(a.body),
  strategy_for: (a) => sc.strategyFor(a.persona_slug).toJSON(),
  check_strategy: (a) => sc.checkStrategy(sc.databaseStrategies()[a.database_strategy]),
  blend_allocation: (a) => sc.blendAllocation(a.distribution),
  split_amount: (a) => sc.splitAmount(a.amount, a.funds),
  rebalance: (a) =>
    sc.rebalance(a.holdings, a.target, { driftBand: a.drift_band, buyOnly: a.buy_only, newMoney: a.new_money }),
  check_constraints: (a) => sc.checkConstraints(a.holdings, a.constraints),
}

const TABLE = rows('contract_examples')

test('the table covers every call', () => {
  assert.deepEqual(new Set(TABLE.map((r) => r.fn)), new Set(Object.keys(CALLS)))
})

test('every result and error equals the core record', () => {
  for (const row of TABLE) {
    const call = CALLS[row.fn]
    if ('ok' in row) {
      // Through JSON: a result is plain data, and JSON.stringify drops nothing of it.
      const got = call(row.args)
      assert.deepEqual(JSON.parse(JSON.stringify(got)), row.ok, row.fn)
      continue
    }
    let error
    try {
      call(row.args)
    } catch (e) {
      error = e
    }
    assert.ok(error instanceof Error, `${row.fn} should throw`)
    const want = row.error
    assert.equal(error.name, want.name)
    assert.equal(error.code, want.code)
    assert.equal(error.kind, want.kind)
    assert.equal(error.message, want.message)
    assert.deepEqual(error.errors, want.errors)
  }
})
