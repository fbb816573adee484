// portfolio-analyzer-v1 through Node: every recorded answer of today's service
// (core/tests/fixtures/portfolio_v1_examples.jsonl), by the fixtures' README rules —
// money within 0.01, fractions within 1e-9, texts and nulls exactly — leaving out what a
// row's exact_diff.half_even names (core/tests/portfolio_parity.rs pins those). The
// recorded answers are binary floats, so the tolerance check reads both sides as
// Numbers: the test's arithmetic, never the library's.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { rows } from './helpers.mjs'

const sc = createRequire(import.meta.url)('../index.js')
const TABLES = JSON.parse(readFileSync(new URL('../../core/tests/fixtures/portfolio_funds.json', import.meta.url), 'utf8')).tables
const FUNDS = Object.fromEntries(
  Object.entries(TABLES).map(([name, t]) => [name, t.wire === null ? sc.FundTable.fallback() : sc.FundTable.fromFunds(t.wire)]),
)
const REFUSED = { 'edge-041': 'holdings[0].amount', 'error-007': 'holdings[0].amount' }
const MONEY = new Set(['current_value', 'value', 'purchase_amount', 'unrealized_gain', 'target_value', 'transaction_amount', 'estimated_gain', 'total_value'])
const TOTALS = new Set(['total_sell_amount', 'total_buy_amount', 'net_transaction'])

function requestOf(row) {
  const { today, fund_table_ref, ...request } = row.input
  return request
}

function run(row) {
  return sc.analyzePortfolio(requestOf(row), FUNDS[row.input.fund_table_ref], { today: row.input.today, mode: 'compat' })
}

function skipper(row) {
  const diffs = row.exact_diff?.half_even ?? []
  return (path) =>
    diffs.some((d) => {
      const actions = path.startsWith('$.rebalancing_actions')
      if ((d === 'action-set' || d === 'action-order') && actions) return true
      for (const part of ['reason', 'priority', 'tax_note']) if (d === `action-${part}` && actions && path.endsWith(`.${part}`)) return true
      if (d === 'summary-alignment_score') return path === '$.summary.alignment_score'
      if (d === 'summary-primary_issues') return path.startsWith('$.summary.primary_issues')
      if (d === 'metrics-weighted_volatility') return path === '$.current_metrics.weighted_volatility'
      if (d.startsWith('summary-') && d.endsWith('-num')) return path === `$.summary.${d.slice(8, -4)}`
      return false
    })
}

function differences(got, want, skip) {
  const total = Math.max(Number(got.current_metrics.total_value), 1e-9)
  const out = []
  const tol = (key) =>
    MONEY.has(key) ? 0.01 + 1e-9 : TOTALS.has(key) ? 0.035 : key === 'target_weight' ? 0.01 / total + 1e-9 : key === 'units' || key === 'transaction_units' ? 0.011 : 1e-9
  const walk = (path, key, g, w) => {
    if (skip(path)) return
    if (typeof w === 'number') {
      // Decimals arrive as decimal text (counts and codes as numbers).
      if (!(typeof g === 'string' || typeof g === 'number') || Math.abs(Number(g) - w) > tol(key)) out.push(`${path}: got ${g} want ${w}`)
    } else if (Array.isArray(w)) {
      if (!Array.isArray(g) || g.length !== w.length) return out.push(`${path}: length`)
      w.forEach((x, i) => walk(`${path}[${i}]`, key, g[i], x))
    } else if (w !== null && typeof w === 'object') {
      if (g === null || typeof g !== 'object' || JSON.stringify(Object.keys(g)) !== JSON.stringify(Object.keys(w))) return out.push(`${path}: keys`)
      for (const k of Object.keys(w)) walk(`${path}.${k}`, k, g[k], w[k])
    } else if (g !== w) out.push(`${path}: got ${g} want ${w}`)
  }
  walk('$', '', got, want)
  return out
}

test('every recorded answer of today\'s service', () => {
  let compared = 0
  for (const row of rows('portfolio_v1_examples')) {
    if (row.error !== null || row.id in REFUSED) continue
    assert.deepEqual(differences(run(row), row.output, skipper(row)), [], row.id)
    compared += 1
  }
  assert.equal(compared, 145)
})

test('refusals name the field; 500s on valid portfolios are answered', () => {
  for (const row of rows('portfolio_v1_examples')) {
    if (row.error === null && !(row.id in REFUSED)) continue
    if (row.id === 'edge-038') {
      assert.equal(run(row).current_allocation.equity, '1.000000000000')
      continue
    }
    const e = (() => {
      try {
        run(row)
      } catch (e) {
        return e
      }
      assert.fail(row.id)
    })()
    assert.equal(e.code, 'portfolio_input', row.id)
    const loc = REFUSED[row.id] ?? row.error.body.detail[0].loc.slice(1).map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
    assert.equal(e.errors[0].field, loc, row.id)
  }
})

test('tax tables as data; JSON text with exact numbers', () => {
  const request = {
    holdings: [{ scheme_code: 138081, amount: 500000, purchase_date: '2024-05-26', purchase_amount: 200000 }],
    target_allocation: { debt: 1 },
    profile: {},
  }
  const eq = sc.analyzePortfolio(request, FUNDS.funds60, { today: '2025-06-30', tax: sc.TaxTable.equity2024() })
  assert.equal(eq.rebalancing_actions[0].tax_note, 'LTCG: 12.5% tax on gains above INR 1.25 lakh')
  assert.equal(eq.summary.tax_impact_summary, 'Estimated INR 21,875 LTCG tax (gains: INR 300,000 above INR 1.25L exemption)')
  const parity = sc.analyzePortfolio(JSON.stringify(request), FUNDS.funds60, { today: '2025-06-30' })
  assert.equal(parity.summary.tax_impact_summary, 'Estimated INR 20,000 LTCG tax (gains: INR 300,000 above INR 1L exemption)')
  assert.equal(sc.TaxTable.fromJson(sc.TaxTable.parity().toJsonText()).id, 'portfolio-analyzer-v1')
  const text = sc.analyzePortfolioJson(request, FUNDS.funds60, { today: '2025-06-30' })
  assert.match(text, /"total_value":500000\.00,/)
  assert.equal(FUNDS.fallback.size, 5)
  assert.deepEqual(FUNDS.fallback.schemeCodes().slice(0, 1), [119598])
})

test('arguments: today is a day, the tables are instances, options are checked', () => {
  const request = { holdings: [{ scheme_code: 1, amount: 1 }], target_allocation: {}, profile: {} }
  const codeOf = (fn) => {
    try {
      fn()
    } catch (e) {
      return e.code
    }
    assert.fail('expected a throw')
  }
  assert.equal(codeOf(() => sc.analyzePortfolio(request, FUNDS.funds60, {})), 'input_type')
  assert.equal(codeOf(() => sc.analyzePortfolio(request, FUNDS.funds60, { today: '2025-02-30' })), 'date_invalid')
  assert.equal(codeOf(() => sc.analyzePortfolio(request, {}, { today: '2025-01-01' })), 'input_type')
  assert.equal(codeOf(() => sc.analyzePortfolio(request, FUNDS.funds60, { today: '2025-01-01', tax: {} })), 'input_type')
  assert.equal(codeOf(() => sc.analyzePortfolio(request, FUNDS.funds60, { today: '2025-01-01', clock: 1 })), 'option_unknown')
  assert.equal(codeOf(() => sc.analyzePortfolio({ ...request, extra: 1 }, FUNDS.funds60, { today: '2025-01-01' })), 'portfolio_input')
  assert.equal(sc.analyzePortfolio({ ...request, extra: 1 }, FUNDS.funds60, { today: '2025-01-01', mode: 'compat' }).holdings.length, 1)
})

test('the separate target-sum check', () => {
  assert.equal(sc.checkTargetAllocation({ equity: '0.1', debt: 0.2, liquid: '0.7' }).liquid, '0.7')
  try {
    sc.checkTargetAllocation({ equity: '0.4', debt: '0.35' })
    assert.fail('expected a throw')
  } catch (e) {
    assert.equal(e.code, 'portfolio_input')
    assert.equal(e.errors[0].field, 'target_allocation')
  }
})
