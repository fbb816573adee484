// Hostile input to every entry point: each call throws a coded Error (never a crash, a
// hang, or a value made up from the garbage).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as sc from '../index.js'
import { SECRET } from './helpers.mjs'

const ring = new sc.Keyring('k1', SECRET)
const token = sc.issueToken({ sub: 'u', email: 'e@x.in', role: 'user' }, ring, { now: 1000 })
const strategy = sc.strategyFor('capital-guardian')
const model = sc.trainPersonasSync(
  Array.from({ length: 30 }, (_, i) => ({ age: 20 + i, horizon_years: 1 + (i % 20) })),
  { k: 3, seed: 1 },
)

const throwing = {
  get age() {
    throw new Error('getter')
  },
}
const trap = new Proxy(
  {},
  {
    ownKeys() {
      throw new Error('ownKeys trap')
    },
    get() {
      throw new Error('get trap')
    },
  },
)
const BIG = 'x'.repeat(10 * 1024 * 1024)
const HOSTILE = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -0,
  1.5,
  2 ** 60,
  10n,
  true,
  Symbol('s'),
  () => 1,
  BIG,
  '\ud800',
  'a\udc00b',
  throwing,
  trap,
  Object.freeze({ a: 1 }),
  new Proxy({ age: 30 }, {}),
  JSON.parse('{"__proto__": {"age": 30}}'),
  Object.create({ age: 30, horizon_years: 5 }),
  [],
  [throwing],
  new Uint8Array([0xff, 0xfe]),
  new Date(NaN),
  new Map(),
]

// Each entry point with slots for the value under test.
const CALLS = {
  parseMoney: (v) => sc.parseMoney(v),
  parseMoneyOptions: (v) => sc.parseMoney('1', v),
  formatInr: (v) => sc.formatInr(v),
  formatCompact: (v) => sc.formatCompact(v),
  allocate: (v) => sc.allocate(v, ['1']),
  allocateWeights: (v) => sc.allocate('1', v),
  unitsFor: (v) => sc.unitsFor('100', v),
  valueOf: (v) => sc.valueOf(v, '10'),
  validatePan: (v) => sc.validatePan(v),
  validateIfsc: (v) => sc.validateIfsc(v),
  validateMobile: (v) => sc.validateMobile(v),
  validateEmail: (v) => sc.validateEmail(v),
  validatePincode: (v) => sc.validatePincode(v),
  validateAadhaar: (v) => sc.validateAadhaar(v),
  validateProfile: (v) => sc.validateProfile(v),
  validateProfileOptions: (v) => sc.validateProfile({ age: 30, horizon_years: 5 }, v),
  checkPassword: (v) => sc.checkPassword(v, { policy: 'nist' }).length === 0 && assert.fail('accepted'),
  checkPasswordContext: (v) => sc.checkPassword('Sunrise#Kumar9', { context: v }),
  requirePassword: (v) => sc.requirePassword(v),
  hashPasswordSync: (v) => sc.hashPasswordSync(v),
  verifyPasswordSync: (v) => sc.verifyPasswordSync('x', v),
  needsRehash: (v) => sc.needsRehash(v),
  dummyVerifySync: (v) => sc.dummyVerifySync(v),
  keyring: (v) => new sc.Keyring('k', v),
  keyringKid: (v) => new sc.Keyring(v, SECRET),
  legacy: (v) => sc.Keyring.legacy(v),
  rotateTo: (v) => ring.rotateTo(v),
  issueToken: (v) => sc.issueToken(v, ring),
  issueTokenOptions: (v) => sc.issueToken({ sub: 'u', email: 'e@x.in', role: 'user' }, ring, { now: v }),
  verifyToken: (v) => sc.verifyToken(v, ring, { now: 1000 }),
  verifyTokenNow: (v) => sc.verifyToken(token, ring, { now: v, leeway: 0, tokenUse: 'refresh' }),
  shouldRefresh: (v) => sc.shouldRefresh(v),
  parseDuration: (v) => sc.parseDuration(v),
  bearerToken: (v) => sc.bearerToken(v),
  authorize: (v) => sc.authorize(v, ['admin']).allowed && assert.fail('allowed'),
  authorizeRoles: (v) => sc.authorize('admin', v),
  checkEnv: (v) => sc.checkEnv(v, { nodeEnv: 'production' }),
  blendAllocation: (v) => sc.blendAllocation(v),
  splitAmount: (v) => sc.splitAmount('100', v),
  rebalance: (v) => sc.rebalance(v, { a: '100' }),
  rebalanceTarget: (v) => sc.rebalance([{ id: 'a', value: '1' }], v),
  checkConstraints: (v) => sc.checkConstraints(v, []),
  strategyFromDb: (v) => sc.Strategy.fromDb(v),
  strategyFor: (v) => sc.strategyFor(v),
  checkStrategy: (v) => sc.checkStrategy(v),
  assessRisk: (v) => sc.assessRisk(v),
  assessRiskRequest: (v) => sc.assessRiskRequest(v),
  classify: (v) => sc.classify(v),
  classifyBlended: (v) => sc.classifyBlended(v),
  classifyMany: (v) => sc.classifyMany(v),
  classifyBlendedMany: (v) => sc.classifyBlendedMany([v]),
  predict: (v) => model.predict(v),
  trainPersonasSync: (v) => sc.trainPersonasSync(v, { k: 3 }),
  trainOptions: (v) => sc.trainPersonasSync([{ age: 30, horizon_years: 5 }], { k: v }),
  modelLoad: (v) => sc.PersonaModel.load(v, 'm'),
  keyringOfAnotherClass: (v) => sc.verifyToken(token, v ?? strategy),
  strategyOfAnotherClass: (v) => sc.checkStrategy(v ?? ring),
}

function label(v) {
  if (typeof v === 'string') return v.length > 20 ? `string(${v.length})` : JSON.stringify(v)
  if (typeof v === 'bigint') return `${v}n`
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v
  try {
    return Object.prototype.toString.call(v)
  } catch {
    return 'proxy'
  }
}

test('every entry point refuses hostile values with a coded Error', () => {
  const uncoded = []
  let refused = 0
  for (const [name, call] of Object.entries(CALLS)) {
    for (const v of HOSTILE) {
      try {
        call(v)
      } catch (e) {
        if (!(e instanceof Error) || typeof e.code !== 'string' || !sc.allCodes().includes(e.code)) {
          uncoded.push(`${name}(${label(v)}): ${e?.name} ${e?.code} ${e?.message}`)
        }
        refused += 1
      }
    }
  }
  assert.deepEqual(uncoded, [])
  assert.ok(refused > Object.keys(CALLS).length * 10)
})

test('a polluted Object.prototype adds nothing to a record or an option', () => {
  Object.prototype.age = 30
  Object.prototype.horizon_years = 5
  Object.prototype.mode = 'compat'
  try {
    const e = (() => {
      try {
        sc.validateProfile({})
      } catch (err) {
        return err
      }
    })()
    assert.equal(e.code, 'profile_invalid')
    assert.deepEqual(e.errors.map((x) => x.field).sort(), ['age', 'horizon_years'])
    // The option `mode` was not read from the prototype: strict refuses "30".
    assert.equal(
      (() => {
        try {
          sc.validateProfile({ age: '30', horizon_years: 5 }, {})
        } catch (err) {
          return err.code
        }
      })(),
      'profile_invalid',
    )
  } finally {
    delete Object.prototype.age
    delete Object.prototype.horizon_years
    delete Object.prototype.mode
  }
})

test('values are never coerced', () => {
  for (const [call, code] of [
    [() => sc.formatInr(1.5), 'input_type'],
    [() => sc.formatInr(true), 'input_type'],
    [() => sc.formatInr(10n), 'input_type'],
    [() => sc.formatInr(2 ** 53), 'input_type'],
    [() => sc.formatInr(NaN), 'input_type'],
    [() => sc.parseMoney(100), 'input_type'],
    [() => sc.verifyToken(token, ring, { now: NaN }), 'time_invalid'],
    [() => sc.verifyToken(token, ring, { now: 1.5 }), 'time_invalid'],
    [() => sc.verifyToken(token, ring, { now: 2n ** 64n }), 'time_invalid'],
    [() => sc.verifyToken(token, ring, { now: new Date(NaN) }), 'time_invalid'],
    [() => sc.verifyToken(token, ring, { now: '1000' }), 'input_type'],
    [() => sc.verifyToken(token, ring, { leeway: 1.5 }), 'input_type'],
    [() => sc.rebalance([{ id: 'a', value: '1' }], { a: '100' }, { buyOnly: 1 }), 'input_type'],
    [() => sc.parseMoney('1', { lenient: 'yes' }), 'input_type'],
  ]) {
    let got
    try {
      call()
    } catch (e) {
      got = e
    }
    assert.equal(got?.code, code, String(call))
    if (code === 'input_type') assert.ok(got instanceof TypeError)
  }
  // The accepted spellings: safe integers, -0, BigInt and Date instants.
  assert.equal(sc.formatInr(-0), '₹0.00')
  assert.equal(sc.formatInr(2 ** 53 - 1 > 0 ? 1234 : 0), '₹1,234.00')
  const at = sc.verifyToken(token, ring, { now: 1000n })
  assert.deepEqual(sc.verifyToken(token, ring, { now: new Date(1000_999) }), at)
})

test('a lone surrogate is refused, a real U+FFFD is kept', () => {
  let e
  try {
    sc.checkPassword('pass\ud83dword')
  } catch (err) {
    e = err
  }
  assert.equal(e.code, 'input_not_unicode')
  // A real U+FFFD is text like any other: read, not mistaken for a lone surrogate.
  assert.ok(Array.isArray(sc.checkPassword('Sunrise\ufffdKumar#9x', { policy: 'seed' })))
  assert.equal(sc.validateProfile({ age: 30, horizon_years: 5, goal: 'a\ufffdb' }).goal, 'a\ufffdb')
})

test('lists are read whole, or refused — never cut short', () => {
  const context = [...Array.from({ length: 100 }, (_, i) => `word${i}`), 'kumar']
  assert.ok(sc.checkPassword('Kumar#Sunrise92x', { context }).includes('password_contains_context'))
  let e
  try {
    sc.checkPassword('Kumar#Sunrise92x', { context: Array(70000).fill('a') })
  } catch (err) {
    e = err
  }
  assert.equal(e?.code, 'input_too_large')
})
