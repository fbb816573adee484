// Every error code reachable from Node, asserted by `.code` — and the rest named, each
// with the reason Node cannot reach it. The two lists together must be exactly the
// core's catalogue (allCodes()), and the ErrorCode union of index.d.ts must be too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as sc from '../index.js'
import { codeOf, rejectionCode, SECRET, SECOND_SECRET } from './helpers.mjs'

/** Codes no Node call can produce, with why. */
const UNREACHABLE = {
  row_errors_unknown: 'the Arrow batch functions are Python only',
  column_missing: 'the Arrow batch functions are Python only',
  column_duplicate: 'the Arrow batch functions are Python only',
  password_random: 'the OS random source failing (environmental)',
  password_backend: 'the hashing backend failing (environmental)',
  token_signing: 'the signer failing (environmental)',
  password_params_weak: 'argon2 parameters are not configurable from Node',
  env_file_too_large: 'no .env reader in the Node package (the backend loads .env with dotenv)',
  env_file_syntax: 'no .env reader in the Node package',
  env_file_hash: 'no .env reader in the Node package',
  env_file_line_break: 'no .env reader in the Node package',
  env_file_duplicate: 'no .env reader in the Node package',
  env_file_disagree: 'no .env reader in the Node package',
  persona_rules: 'scoring tables as data are not exposed in Node',
  time_zone_missing: 'a JS Date always has a time zone',
  trade_side_unknown: 'trades are outputs only in Node',
  risk_level_unknown: 'risk levels are outputs only in Node',
  money_negative: 'only through Money arithmetic that Node does not expose',
  input_number: "a JS number's text is always a JSON number of at most ~25 characters",
}

const ring = new sc.Keyring('k1', SECRET)
const who = { sub: 'u', email: 'e@x.in', role: 'user' }
const at = (r, options = {}) => sc.issueToken(who, r, { expiresIn: '1h', now: 1000, ...options })
const verify = (token, r = ring, options = {}) => () => sc.verifyToken(token, r, { now: 1000, ...options })
const profile = (p) => () => sc.validateProfile(p)
const fieldCodes = (fn) => {
  try {
    fn()
  } catch (e) {
    return e.errors.map((x) => x.code)
  }
  assert.fail('expected a throw')
}
const dbStrategy = (parts) =>
  sc.Strategy.fromDb({
    name: 'x',
    components: parts.map(([assetClass, allocationPercent]) => ({ label: assetClass, assetClass, allocationPercent })),
    constraints: [],
  })
const slot = (id, min, multiple) => ({ id, weight: '1', min_amount: min, multiple })
const long = '9'.repeat(300)

/** [code, call] for each reachable code (one call each; `fieldCodes` for lists). */
function reachable() {
  const pairs = [
    ['money_empty', () => sc.parseMoney('')],
    ['money_too_long', () => sc.parseMoney('1'.repeat(70))],
    ['money_syntax', () => sc.parseMoney('1e5')],
    ['money_grouping', () => sc.parseMoney('1,2,3')],
    ['money_precision', () => sc.parseMoney('1.234')],
    ['money_not_positive', () => sc.unitsFor('100', '0')],
    ['money_overflow', () => sc.formatInr('9'.repeat(40))],
    ['money_out_of_range', () => sc.valueOf('99999999999', '99999')],
    ['allocate_no_weights', () => sc.allocate('1', [])],
    ['allocate_too_many_weights', () => sc.allocate('1', Array(10001).fill('1'))],
    ['allocate_negative_weight', () => sc.allocate('1', ['-1'])],
    ['allocate_zero_weights', () => sc.allocate('1', ['0'])],
    ['allocate_weight_precision', () => sc.allocate('1', ['0.0000000000001'])],
    ['pan_format', () => sc.validatePan('ABCPE12345')],
    ['pan_length', () => sc.validatePan('ABC')],
    ['pan_holder_type', () => sc.validatePan('ABCXE1234F')],
    ['ifsc_length', () => sc.validateIfsc('HDFC')],
    ['ifsc_format', () => sc.validateIfsc('HDFC1001234')],
    ['mobile_length', () => sc.validateMobile('98765')],
    ['mobile_format', () => sc.validateMobile('98765x43210')],
    ['mobile_country', () => sc.validateMobile('+1 415 555 0100')],
    ['mobile_start_digit', () => sc.validateMobile('5876543210')],
    ['email_missing_at', () => sc.validateEmail('nobody')],
    ['email_local_part', () => sc.validateEmail('a..b@example.com')],
    ['email_domain', () => sc.validateEmail('a@example')],
    ['pincode_length', () => sc.validatePincode('5600')],
    ['pincode_format', () => sc.validatePincode('56000a')],
    ['pincode_start_digit', () => sc.validatePincode('060001')],
    ['aadhaar_length', () => sc.validateAadhaar('2345')],
    ['aadhaar_format', () => sc.validateAadhaar('23456789012x')],
    ['aadhaar_start_digit', () => sc.validateAadhaar('134567890124')],
    ['aadhaar_checksum', () => sc.validateAadhaar('234567890123')],
    ['profile_invalid', profile({})],
    ['password_policy', () => sc.requirePassword('x', { policy: 'nist' })],
    ['password_input_too_long', () => sc.verifyPasswordSync('x'.repeat(5000), '')],
    ['password_hash_malformed', () => sc.verifyPasswordSync('x', '$2b$05$short')],
    ['password_hash_unsupported', () => sc.verifyPasswordSync('x', '$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e')],
    ['password_hash_too_costly', () => sc.verifyPasswordSync('x', '$2b$20$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e')],
    ['key_too_short', () => new sc.Keyring('k', 'too short')],
    ['key_too_long', () => new sc.Keyring('k', 'x'.repeat(10 * 1024 * 1024))],
    ['key_known_default', () => new sc.Keyring('k', 'your-super-secret-jwt-key-change-in-production')],
    ['key_structured', () => new sc.Keyring('k', '-----BEGIN KEY----- 0123456789abcdefghijklmnop')],
    ['key_low_entropy', () => new sc.Keyring('k', 'a'.repeat(64))],
    ['key_not_random', () => new sc.Keyring('k', 'Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3')],
    ['key_password_like', () => new sc.Keyring('k', 'correcthorsebatterystaplecorrecthorse123456')],
    ['key_bad_kid', () => new sc.Keyring('', SECRET)],
    ['duration_invalid', () => sc.parseDuration('7 fortnights')],
    ['duration_too_short', () => sc.parseDuration('60')],
    ['duration_too_long', () => sc.parseDuration('11y')],
    ['token_too_long', verify('a'.repeat(9000))],
    ['token_malformed', verify('a.b')],
    ['token_algorithm', verify('eyJhbGciOiJub25lIn0.e30.')],
    ['token_critical', verify('eyJhbGciOiJIUzI1NiIsImNyaXQiOlsieCJdfQ.e30.')],
    ['token_signature', verify(at(ring), new sc.Keyring('k1', SECOND_SECRET))],
    ['token_expired', verify(at(ring), ring, { now: 99999 })],
    ['token_not_yet_valid', verify(at(ring), ring, { now: 900 })],
    ['token_unknown_kid', verify(at(ring), new sc.Keyring('k2', SECRET))],
    ['token_missing_kid', verify(at(sc.Keyring.legacy(SECRET)))],
    ['token_claim_missing', verify(at(ring), ring, { issuer: 'b' })],
    ['token_claim_invalid', verify(at(ring, { issuer: 'a' }), ring, { issuer: 'b' })],
    ['token_wrong_use', verify(at(ring, { tokenUse: 'refresh' }))],
    ['allocation_empty', () => dbStrategy([]).allocation()],
    ['allocation_sum', () => dbStrategy([['equity', '99']]).allocation()],
    ['allocation_duplicate', () => dbStrategy([['equity', '50'], ['equity', '50']]).allocation()],
    ['allocation_invalid', () => sc.blendAllocation([{ persona: 'capital-guardian', weight: '-1' }])],
    ['allocation_too_many', () => sc.splitAmount('1', Array.from({ length: 1001 }, (_, i) => slot(String(i), '0', '1')))],
    ['allocation_unknown_class', () => sc.Strategy.fromMl({ allocation: { cash: 1 } })],
    ['allocation_unknown_persona', () => sc.strategyFor('bold')],
    ['allocation_not_positive', () => sc.splitAmount('0', [slot('a', '0', '1')])],
    ['allocation_zero_weights', () => sc.blendAllocation([{ persona: 'capital-guardian', weight: '0' }])],
    ['strategy_format', () => sc.Strategy.fromDb('[]')],
    ['split_below_minimum', () => sc.splitAmount('100', [slot('a', '500', '100')])],
    ['split_not_multiple', () => sc.splitAmount('150', [slot('a', '0', '100')])],
    ['split_unreachable', () => sc.splitAmount('900', [slot('a', '300', '300'), slot('b', '500', '500')])],
    ['rebalance_empty', () => sc.rebalance([], { a: '100' })],
    ['allocation_overflow', () => sc.rebalance([{ id: 'a', value: '999999999999.99' }, { id: 'b', value: '999999999999.99' }], { a: '100' })],
    ['constraint_unknown_type', () => sc.checkConstraints([{ id: 'a', category: 'Equity', value: '1' }], [{ constraintType: 'max_cash', constraintValue: 1 }])],
    ['constraint_value', () => sc.checkConstraints([{ id: 'a', category: 'Equity', value: '1' }], [{ constraintType: 'max_equity', constraintValue: 101 }])],
    ['constraint_format', () => sc.checkConstraints([{ id: 'a', category: 'Equity', value: '1' }], [[]])],
    ['portfolio_empty', () => sc.checkConstraints([], [])],
    ['risk_input', () => sc.assessRiskRequest('{}')],
    ['returns_too_few_flows', () => sc.xirr([{ date: '2025-01-01', amount: '-1' }])],
    ['returns_too_many_flows', () => sc.xirr(Array.from({ length: 1_000_001 }, () => ({ date: '2025-01-01', amount: 1 })))],
    ['returns_no_sign_change', () => sc.xirr([{ date: '2025-01-01', amount: -1 }, { date: '2025-02-01', amount: -1 }])],
    ['returns_flow_before_start', () => sc.xirr([{ date: '2025-01-01', amount: -1 }, { date: '2024-01-01', amount: 2 }])],
    ['returns_no_root', () => sc.xirr([{ date: '2025-01-01', amount: -100 }, { date: '2025-01-01', amount: 110 }])],
    ['returns_input', () => sc.cagr('0', '1', '1')],
    ['portfolio_input', () => sc.analyzePortfolio({ holdings: [] }, sc.FundTable.fallback(), { today: '2026-01-01' })],
    ['portfolio_fund_table', () => sc.FundTable.fromFunds([{ scheme_code: 'x' }])],
    ['portfolio_tax_table', () => sc.TaxTable.fromJson('{}')],
    ...apiKeyCases(),
    ['date_invalid', () => sc.monthsUntil('2025-02-30', '2025-03-01')],
    ['transaction_kind_unknown', () => sc.portfolioXirr([{ date: '2025-01-01', kind: 'buy', amount: 1 }], 1, '2026-01-01')],
    ['persona_k', () => sc.trainPersonasSync([profileRow], { k: 0 })],
    ['persona_training', () => sc.trainPersonasSync([], { k: 3 })],
    ['mode_unknown', () => sc.validateProfile({}, { mode: 'lax' })],
    ['policy_unknown', () => sc.checkPassword('x', { policy: 'strong' })],
    ['token_use_unknown', verify('a.b.c', ring, { tokenUse: 'id' })],
    ['role_unknown', () => sc.authorize('user', ['root'])],
    ['algorithm_unknown', () => sc.trainPersonasSync([profileRow], { algorithm: 'kmeans' })],
    ['input_too_deep', () => sc.assessRiskRequest(deep(100))],
    ['input_not_finite', () => sc.validateProfile({ age: NaN })],
    ['input_not_unicode', () => sc.validatePan('\ud800')],
    ['input_too_large', () => sc.checkConstraints([{ id: 'a', category: 'Equity', value: '1' }], [{ constraintType: 'x'.repeat(70000) }])],
    ['time_invalid', () => sc.issueToken(who, ring, { now: 1.5 })],
    ['input_type', () => sc.formatInr(0.1)],
    ['input_unreadable', () => sc.validateProfile({ get age() { throw new Error('x') } })],
    ['option_unknown', () => sc.validateProfile({}, { mdoe: 'strict' })],
  ]
  const lists = [
    [profile([]), ['profile_not_object']],
    [profile({ horizon_years: '5', x: 1, risk_tolerance: 'high', goal: 'g'.repeat(501) }), ['profile_required', 'profile_unknown_field', 'profile_type', 'profile_not_one_of', 'profile_too_long']],
    [profile({ age: 5, horizon_years: 5 }), ['profile_out_of_range']],
    [profile({ age: 30, horizon_years: 5, target_amount: true }), ['money_not_exact']],
    [() => sc.validateProfile('{'), ['profile_json']],
    [() => sc.validateProfile('{"age": 30, "age": 31}'), ['profile_duplicate_key']],
    [() => sc.validateProfile(' '.repeat(70000)), ['profile_too_large']],
    [() => sc.requirePassword('', { policy: 'seed' }), ['password_too_short']],
    [() => sc.requirePassword('Pässw0rd!', { policy: 'seed' }), ['password_invalid_character']],
    [() => sc.requirePassword('x'.repeat(200)), ['password_too_long', 'password_no_uppercase', 'password_no_digit', 'password_no_special']],
    [() => sc.requirePassword('Kumar\u0007Sunrise#9', { context: ['kumar'] }), ['password_control_character', 'password_contains_context']],
    [() => sc.requirePassword('password123'), ['password_common']],
    [() => sc.requirePassword('PASSWORD-123-XYZ'), ['password_no_lowercase']],
  ]
  return { pairs, lists }
}

const profileRow = { age: 30, horizon_years: 5 }
function deep(n) {
  let v = {}
  for (let i = 0; i < n; i++) v = { a: v }
  return v
}

test('every reachable code is thrown with that .code', async () => {
  const { pairs, lists } = reachable()
  const seen = new Set()
  const wrong = []
  for (const [code, call] of pairs) {
    let got
    try {
      got = codeOf(call)
    } catch (e) {
      got = `no throw / ${e.message}`
    }
    if (got !== code) wrong.push(`${code}: got ${got}`)
    seen.add(code)
  }
  assert.deepEqual(wrong, [])
  for (const [call, codes] of lists) {
    const got = fieldCodes(call)
    for (const c of codes) {
      assert.ok(got.includes(c), `${c} in ${got}`)
      seen.add(c)
    }
  }
  // Model store codes, on a real directory.
  const dir = mkdtempSync(join(tmpdir(), 'sparrow-node-codes-'))
  try {
    const model = sc.trainPersonasSync(Array.from({ length: 60 }, (_, i) => ({ age: 20 + i, horizon_years: 1 + (i % 30) })), { k: 3, seed: 1 })
    const m = (code, call) => {
      assert.equal(codeOf(call), code)
      seen.add(code)
    }
    m('model_name', () => model.save(dir, 'bad name', { version: '1' }))
    m('model_not_found', () => sc.PersonaModel.load(dir, 'missing'))
    model.save(dir, 'm', { version: '1' })
    m('model_exists', () => model.save(dir, 'm', { version: '1' }))
    mkdirSync(join(dir, 'm_v2.json'))
    m('model_not_regular', () => sc.PersonaModel.load(dir, 'm', { version: '2' }))
    m('model_io', () => sc.PersonaModel.load(join(dir, 'm_v1.json'), 'm'))
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, 'c_v1.json'), '{}')
    m('model_corrupt', () => sc.PersonaModel.load(dir, 'c', { version: '1' }))
    writeFileSync(join(dir, 'f_v1.json'), '{"format": "sparrow-core/persona-model", "format_version": 99}')
    m('model_format_version', () => sc.PersonaModel.load(dir, 'f', { version: '1' }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  // Env problems are returned, not thrown.
  const problems = sc.checkEnv(
    { JWT_SECRET: 'super-secret', PORT: '0', CORS_ORIGINS: '*,http://a.in', POSTGRES_PASSWORD: '<x>', MINIO_ENDPOINT: 'm', MINIO_ACCESS_KEY: 'minioadmin' },
    { nodeEnv: 'production' },
  )
  for (const p of problems) seen.add(p.code)
  // Empty and too-long values for each identifier.
  for (const [kind, fn] of Object.entries({ pan: sc.validatePan, ifsc: sc.validateIfsc, mobile: sc.validateMobile, email: sc.validateEmail, pincode: sc.validatePincode, aadhaar: sc.validateAadhaar })) {
    assert.equal(codeOf(() => fn('')), `${kind}_empty`)
    assert.equal(codeOf(() => fn(long)), `${kind}_too_long`)
    seen.add(`${kind}_empty`).add(`${kind}_too_long`)
  }
  assert.equal(codeOf(() => sc.checkConstraints([{ id: 'a', category: 'Equity', value: '1' }], [{ constraintType: 'max_equity', constraintValue: 1n }])), 'input_type')
  // Training cancelled through the core's hook: the signal fires after training starts.
  const ac = new AbortController()
  // Mini-batch with a vanishing tolerance runs for minutes unless stopped.
  const big = Array.from({ length: 20000 }, (_, i) => ({ age: 18 + (i % 80), horizon_years: 1 + (i % 40) }))
  const training = sc.trainPersonas(big, {
    k: 3, seed: 7, maxIterations: 100000, tolerance: 1e-300, algorithm: 'minibatch', batchSize: 256, signal: ac.signal,
  })
  setTimeout(() => ac.abort(), 200)
  let cancelled
  try {
    await training
  } catch (e) {
    cancelled = e
  }
  assert.equal(cancelled?.code, 'persona_cancelled')
  assert.equal(cancelled.name, 'AbortError')
  seen.add('persona_cancelled')
  const pre = new AbortController()
  pre.abort()
  assert.equal(await rejectionCode(sc.hashPassword('x', { signal: pre.signal })), 'aborted')
  seen.add('aborted')

  const all = new Set(sc.allCodes())
  const unreachable = new Set(Object.keys(UNREACHABLE))
  for (const c of seen) assert.ok(all.has(c), `${c} is not a core code`)
  for (const c of unreachable) assert.ok(all.has(c), `${c} is not a core code`)
  for (const c of seen) assert.ok(!unreachable.has(c), `${c} is reached, so it is not unreachable`)
  const missing = [...all].filter((c) => !seen.has(c) && !unreachable.has(c))
  assert.deepEqual(missing, [])
})

test('the ErrorCode union of index.d.ts is the core catalogue', () => {
  const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8')
  const m = /export type ErrorCode =([^;]*?)\n\n/s.exec(dts)
  assert.ok(m, 'ErrorCode union missing')
  const union = [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1])
  assert.deepEqual(union, sc.allCodes())
})

function apiKeyCases() {
  const pepper = new sc.ApiKeyPepper('p'.repeat(32))
  const { key, record } = sc.issueApiKey('c', ['ml:risk'], { pepper, now: 10, expiresAt: 100 })
  const verify = (k, r, o = {}) => () => sc.verifyApiKey(k, r, { pepper, requiredScope: 'ml:risk', now: 20, ...o })
  const typo = key.slice(0, 40) + (key[40] === 'A' ? 'B' : 'A') + key.slice(41)
  return [
    ['api_key_format', () => sc.parseApiKey('spk_live_short')],
    ['api_key_checksum', () => sc.parseApiKey(typo)],
    ['api_key_environment', verify(key, record, { environment: 'test' })],
    ['api_key_unknown', verify(key, null)],
    ['api_key_revoked', verify(key, { ...record, revoked: true })],
    ['api_key_expired', verify(key, record, { now: 100 })],
    ['api_key_scope', verify(key, record, { requiredScope: 'ml:classify' })],
    ['api_key_input', () => sc.issueApiKey('', ['ml:risk'], { pepper })],
    ['api_key_record', verify(key, { ...record, digest: 'x' })],
    ['api_key_pepper', () => new sc.ApiKeyPepper('short')],
  ]
}
