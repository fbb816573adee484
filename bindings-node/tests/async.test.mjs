// Off the event loop, shown without timing assertions: while hashes run on the libuv
// pool, a setImmediate counter keeps advancing; the sync twins give the same results.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as sc from '../index.js'

test('hashing runs off the event loop', async () => {
  let ticks = 0
  let running = true
  const spin = () => {
    ticks += 1
    if (running) setImmediate(spin)
  }
  setImmediate(spin)
  const started = ticks
  const hashes = await Promise.all(Array.from({ length: 4 }, (_, i) => sc.hashPassword(`pass-${i}-word`)))
  running = false
  // Each hash takes tens of milliseconds of CPU; had it run on the loop, no tick could
  // have happened until all were done.
  assert.ok(ticks - started > 4, `the loop advanced ${ticks - started} times`)
  for (const [i, h] of hashes.entries()) {
    assert.ok(h.startsWith('$argon2id$'))
    assert.deepEqual(await sc.verifyPassword(`pass-${i}-word`, h), { matched: true, needs_rehash: false })
    assert.deepEqual(sc.verifyPasswordSync(`pass-${i}-word`, h), { matched: true, needs_rehash: false })
  }
})

test('Promise and sync twin share one compute path', async () => {
  const h = sc.hashPasswordSync('same words here')
  assert.deepEqual(await sc.verifyPassword('same words here', h), sc.verifyPasswordSync('same words here', h))
  assert.equal(await sc.dummyVerify('x'), undefined)
  assert.equal(sc.dummyVerifySync('x'), undefined)
  // A Uint8Array password is its UTF-8.
  assert.equal(sc.verifyPasswordSync(new TextEncoder().encode('same words here'), h).matched, true)
})

test('rejections carry the same coded shape as throws', async () => {
  let rejected
  try {
    await sc.verifyPassword('x', '$2b$05$short')
  } catch (e) {
    rejected = e
  }
  let thrown
  try {
    sc.verifyPasswordSync('x', '$2b$05$short')
  } catch (e) {
    thrown = e
  }
  for (const e of [rejected, thrown]) {
    assert.ok(e instanceof Error)
    assert.equal(e.name, 'InputError')
    assert.equal(e.code, 'password_hash_malformed')
    assert.equal(e.kind, 'input')
    assert.equal(e.errors[0].code, 'password_hash_malformed')
  }
  assert.equal(rejected.message, thrown.message)
})

test('an aborted signal rejects with a coded AbortError; a late abort lets the hash finish', async () => {
  const ac = new AbortController()
  ac.abort()
  let e
  try {
    await sc.hashPassword('x', { signal: ac.signal })
  } catch (err) {
    e = err
  }
  assert.equal(e.name, 'AbortError')
  assert.equal(e.code, 'aborted')
  const late = new AbortController()
  const p = sc.hashPassword('abc', { signal: late.signal })
  const h = await p
  late.abort()
  assert.ok(h.startsWith('$argon2id$'))
  // Not a signal: refused before any work.
  assert.throws(() => sc.hashPassword('x', { signal: {} }), { code: 'input_type' })
})

test('training runs on the pool and matches the sync twin', async () => {
  const profiles = Array.from({ length: 120 }, (_, i) => ({ age: 18 + (i % 70), horizon_years: 1 + (i % 35) }))
  const a = await sc.trainPersonas(profiles, { k: 3, seed: 11 })
  const b = sc.trainPersonasSync(profiles, { k: 3, seed: 11 })
  assert.deepEqual(a.centroids, b.centroids)
  assert.deepEqual(a.personas, b.personas)
  assert.equal(a.modelVersion, b.modelVersion)
  assert.deepEqual(a.predict(profiles[0]), b.predict(profiles[0]))
})
