// API keys through Node: the known-answer vectors (digests re-checked with node:crypto's
// HMAC, a peer nobody here wrote), issuing, and each refusal with its HTTP status.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const sc = createRequire(import.meta.url)('../index.js')
const VECTORS = readFileSync(new URL('../../core/tests/fixtures/api_keys.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l))

test('known-answer vectors', () => {
  assert.ok(VECTORS.length >= 10)
  for (const v of VECTORS) {
    const pepper = new sc.ApiKeyPepper(Buffer.from(v.pepper_hex, 'hex'))
    const { key, record } = sc.issueApiKey('c', ['ml:risk'], { pepper, environment: v.environment, now: 0, random: Buffer.from(v.random_hex, 'hex') })
    assert.equal(key, v.key)
    assert.equal(record.digest, v.digest)
    assert.equal(createHmac('sha256', Buffer.from(v.pepper_hex, 'hex')).update(key).digest('hex'), v.digest)
    assert.deepEqual(sc.parseApiKey(key), { environment: v.environment, key_id: v.key_id })
  }
})

test('verify, and each refusal with its status', () => {
  const pepper = new sc.ApiKeyPepper('p'.repeat(32))
  const { key, record } = sc.issueApiKey('ml-gateway', ['ml:risk'], { pepper, now: 1000, expiresAt: 5000 })
  assert.deepEqual(sc.verifyApiKey(key, record, { pepper, requiredScope: 'ml:risk', now: 2000 }), { key_id: record.key_id, client_id: 'ml-gateway', scopes: ['ml:risk'] })
  const refusal = (k, r, o = {}) => {
    try {
      sc.verifyApiKey(k, r, { pepper, requiredScope: 'ml:risk', now: 2000, ...o })
    } catch (e) {
      assert.ok(!e.message.includes(key.slice(20)))
      return [e.code, e.httpStatus]
    }
    assert.fail('expected a refusal')
  }
  assert.deepEqual(refusal(key.slice(0, -1), record), ['api_key_format', 401])
  assert.deepEqual(refusal('x'.repeat(10 * 1024 * 1024), record), ['api_key_format', 401])
  assert.deepEqual(refusal(key, null), ['api_key_unknown', 401])
  assert.deepEqual(refusal(key, record, { requiredScope: 'ml:classify' }), ['api_key_scope', 403])
  assert.deepEqual(refusal(key, { ...record, revoked: true }), ['api_key_revoked', 401])
  assert.deepEqual(refusal(key, record, { now: 5000 }), ['api_key_expired', 401])
  const other = sc.issueApiKey('ml-gateway', ['ml:risk'], { pepper, now: 1000 })
  assert.notEqual(other.key, key)
  assert.deepEqual(refusal(other.key, record), ['api_key_unknown', 401])
})
