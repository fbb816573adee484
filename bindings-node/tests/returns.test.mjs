// XIRR, XNPV, CAGR and goals: the core's answers through Node (the rules are tested in
// Rust and against pyxirr in Python; here, the conversion).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const sc = createRequire(import.meta.url)('../index.js')

const EXCEL = [
  { date: '2008-01-01', amount: -10000 },
  { date: '2008-03-01', amount: '2750' },
  { date: '2008-10-30', amount: '4250.00' },
  { date: '2009-02-15', amount: 3250 },
  { date: '2009-04-01', amount: 2750 },
]

test("Excel's examples, as exact decimal text", () => {
  assert.equal(sc.xirr(EXCEL), '0.373362534')
  assert.equal(sc.xnpv('0.09', EXCEL), '2086.65')
  assert.equal(sc.cagr(10000, '16105.10', 5), '0.100000000')
})

test('goals', () => {
  assert.deepEqual(sc.goalProgress(25000, '100000'), { progress: '0.2500', remaining: '75000.00', reached: false })
  assert.equal(sc.futureValue(10000, '0.1', 12), '11000.00')
  assert.equal(sc.sipFutureValue(10000, '0.12', 12), '127664.97')
  assert.equal(sc.sipNeeded(1000000, 0, '0.12', 120), '4463.58')
  assert.equal(sc.monthsUntil('2025-01-15', '2025-03-14'), 1)
})

test('mistakes are refused with codes, never guessed at', () => {
  const code = (fn) => {
    try {
      fn()
    } catch (e) {
      return [e.code, e.message]
    }
    return null
  }
  assert.deepEqual(code(() => sc.xirr([{ date: '2025-1-1', amount: -1 }, { date: '2026-01-01', amount: 2 }])), ['date_invalid', 'flows.date: must be a calendar date written YYYY-MM-DD'])
  assert.equal(code(() => sc.xirr([{ date: '2025-01-01', amount: 1.5 }, { date: '2026-01-01', amount: 2 }]))[0], 'input_type')
  assert.equal(code(() => sc.xirr([{ date: new Date(), amount: -1 }]))[0], 'input_type')
  assert.equal(code(() => sc.xirr([['2025-01-01', -1]]))[0], 'input_type')
  assert.equal(code(() => sc.xirr([{ date: '2025-01-01' }]))[0], 'input_type')
  assert.equal(code(() => sc.sipNeeded(1, 0, '0.1', -1))[0], 'input_type')
  assert.equal(code(() => sc.sipNeeded(1, 0, '0.1', 2 ** 40))[0], 'input_type')
  assert.equal(code(() => sc.sipNeeded(1, 0, '0.1', 0))[0], 'returns_input')
  assert.equal(code(() => sc.goalProgress('0.001', 1))[0], 'money_precision')
})

test('portfolio XIRR from the real transactions', () => {
  const ts = [{ date: '2025-01-01', kind: 'purchase', amount: '10000' }]
  assert.equal(sc.portfolioXirr(ts, 11000, '2026-01-01'), '0.100000000')
  const sips = Array.from({ length: 12 }, (_, i) => ({ date: `2024-${String(12 - i).padStart(2, '0')}-05`, kind: 'sip', amount: 10000 }))
  const flows = [...sips].reverse().map((t) => ({ date: t.date, amount: -t.amount }))
  assert.equal(sc.portfolioXirr(sips, '125000', '2025-12-01'), sc.xirr([...flows, { date: '2025-12-01', amount: '125000' }]))
  let e
  try {
    sc.portfolioXirr([{ date: '2025-01-01', kind: 'buy', amount: 1 }], 1, '2026-01-01')
  } catch (err) {
    e = err
  }
  assert.equal(e?.code, 'transaction_kind_unknown')
})
