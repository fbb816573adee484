// Interop with peers nobody here wrote: npm jsonwebtoken (as @nestjs/jwt signs today:
// a string secret, HS256, no kid) and fast-jwt; bcryptjs and @node-rs/bcrypt; argon2
// (node-argon2) and @node-rs/argon2.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import jwt from 'jsonwebtoken'
import { createSigner, createVerifier } from 'fast-jwt'
import bcryptjs from 'bcryptjs'
import * as nodeRsBcrypt from '@node-rs/bcrypt'
import argon2 from 'argon2'
import * as nodeRsArgon2 from '@node-rs/argon2'
import * as sc from '../index.js'
import { SECRET, SECOND_SECRET } from './helpers.mjs'

const SUBJECT = { sub: '6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70', email: 'ravi@example.com', role: 'investor' }
const NOW = Math.floor(Date.now() / 1000)

test("today's kid-less jsonwebtoken tokens verify through the legacy key, after rotation too", () => {
  const today = jwt.sign({ ...SUBJECT, ownerId: 'adv-1', allowedPages: ['clients'] }, SECRET, { expiresIn: '7d' })
  assert.equal(jwt.decode(today, { complete: true }).header.kid, undefined)
  const rotated = new sc.Keyring('2026-12', SECOND_SECRET).withLegacyKey(SECRET)
  const claims = sc.verifyToken(today, rotated)
  assert.equal(claims.sub, SUBJECT.sub)
  assert.deepEqual(claims.allowedPages, ['clients'])
  assert.equal(claims.exp - claims.iat, 7 * 24 * 3600)
  // Without the legacy key the same token is refused, as it should be.
  assert.throws(() => sc.verifyToken(today, new sc.Keyring('2026-12', SECOND_SECRET)), { code: 'token_missing_kid' })
  // A fast-jwt kid-less token too.
  const fast = createSigner({ key: SECRET, algorithm: 'HS256', expiresIn: 60_000 })(SUBJECT)
  assert.equal(sc.verifyToken(fast, rotated).email, SUBJECT.email)
  // A token signed with another secret, or with alg none, is refused.
  assert.throws(() => sc.verifyToken(jwt.sign(SUBJECT, SECOND_SECRET), sc.Keyring.legacy(SECRET)), { code: 'token_signature' })
  const none = jwt.sign(SUBJECT, null, { algorithm: 'none' })
  assert.throws(() => sc.verifyToken(none, sc.Keyring.legacy(SECRET)), { code: 'token_algorithm' })
})

test('our tokens verify in jsonwebtoken and fast-jwt', () => {
  const ring = new sc.Keyring('2026-12', SECRET)
  const token = sc.issueToken(SUBJECT, ring, { expiresIn: '15m', now: NOW, issuer: 'sparrow', audience: 'app' })
  const a = jwt.verify(token, SECRET, { algorithms: ['HS256'], issuer: 'sparrow', audience: 'app' })
  assert.equal(a.sub, SUBJECT.sub)
  assert.equal(a.exp - a.iat, 900)
  assert.equal(jwt.decode(token, { complete: true }).header.kid, '2026-12')
  const b = createVerifier({ key: SECRET, algorithms: ['HS256'], allowedIss: 'sparrow', allowedAud: 'app' })(token)
  assert.deepEqual(b, a)
  assert.deepEqual(sc.verifyToken(token, ring, { issuer: 'sparrow', audience: 'app' }), a)
})

test('bcrypt $2a$/$2b$/$2y$ from bcryptjs and @node-rs/bcrypt verify and ask for a rehash', async () => {
  const pw = 'Sunrise#Kumar9'
  const hashes = [
    bcryptjs.hashSync(pw, bcryptjs.genSaltSync(10, 'a')),
    bcryptjs.hashSync(pw, bcryptjs.genSaltSync(10, 'b')),
    nodeRsBcrypt.hashSync(pw, 10), // $2y$, as @node-rs/bcrypt 1.10 writes
    // $2y$ (PHP's label), $2a$ and $2b$ name the same algorithm for these passwords.
    nodeRsBcrypt.hashSync(pw, 10).replace(/^\$2y\$/, '$2b$'),
    nodeRsBcrypt.hashSync(pw, 10).replace(/^\$2y\$/, '$2a$'),
  ]
  const prefixes = new Set(hashes.map((h) => h.slice(0, 4)))
  assert.deepEqual([...prefixes].sort(), ['$2a$', '$2b$', '$2y$'])
  for (const h of hashes) {
    assert.deepEqual(await sc.verifyPassword(pw, h), { matched: true, needs_rehash: true }, h)
    assert.deepEqual(sc.verifyPasswordSync(`${pw}x`, h), { matched: false, needs_rehash: true }, h)
    assert.equal(sc.needsRehash(h), true)
  }
})

test('argon2 hashes from node-argon2 and @node-rs/argon2 verify, and ours verify in them', async () => {
  const pw = 'correct horse battery staple'
  const theirs = [
    await argon2.hash(pw),
    await argon2.hash(pw, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    await nodeRsArgon2.hash(pw),
  ]
  // node-argon2 writes its parameters as m,p,t (not libargon2's m,t,p): read, and
  // flagged for a rehash so that every runtime (argon2-cffi too) can read the new one.
  assert.match(theirs[0], /\$m=65536,p=4,t=3\$/)
  assert.equal(sc.needsRehash(theirs[0]), true)
  assert.equal(sc.needsRehash(theirs[2]), false)
  for (const h of theirs) {
    const v = await sc.verifyPassword(pw, h)
    assert.equal(v.matched, true, h)
    assert.equal((await sc.verifyPassword('wrong', h)).matched, false)
  }
  const ours = await sc.hashPassword(pw)
  assert.equal(await argon2.verify(ours, pw), true)
  assert.equal(await argon2.verify(ours, 'wrong'), false)
  assert.equal(await nodeRsArgon2.verify(ours, pw), true)
  assert.equal(await nodeRsArgon2.verify(ours, 'wrong'), false)
})
