// The NestJS example over HTTP on loopback, against the throw-away PostgreSQL that
// scripts/with-postgres.sh starts (SPARROW_PG_URL): register → login → guarded route →
// forbidden role → legacy bcrypt upgraded in the table → expired, tampered and today's
// kid-less tokens.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import bcryptjs from 'bcryptjs'
import { issueToken, Keyring } from 'sparrow-core'
import { createApp, type App } from '../src/app'
import { ConfigRefused } from '../src/config'

const DB = process.env.SPARROW_PG_URL
if (!DB) throw new Error('SPARROW_PG_URL is not set: run through scripts/with-postgres.sh')

const SECRET = '3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4'
const LEGACY = 'QPIHLPwwMA1S5FVfvBxjSPSYXD1LsQwIbhGFMGJtUsU'
const ENV = {
  NODE_ENV: 'test',
  JWT_SECRET: SECRET,
  JWT_KID: '2026-12',
  JWT_LEGACY_SECRET: LEGACY,
  DATABASE_URL: DB,
  CORS_ORIGINS: 'https://app.sparrowinvest.in',
}

let running: App
let base = ''

before(async () => {
  running = await createApp(ENV)
  await running.pool.query('TRUNCATE "users"')
  await running.app.listen(0, '127.0.0.1')
  const { port } = running.app.getHttpServer().address() as AddressInfo
  base = `http://127.0.0.1:${port}`
})

after(async () => {
  await running.app.close()
  await running.pool.end()
})

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: {
      'content-type': 'application/json',
      origin: 'https://app.sparrowinvest.in',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
}

test('production boot is refused on an unsafe environment', async () => {
  await assert.rejects(
    createApp({ NODE_ENV: 'production', JWT_SECRET: 'super-secret', DATABASE_URL: DB, CORS_ORIGINS: '*' }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigRefused)
      const codes = e.problems.map((p) => p.code)
      assert.ok(codes.includes('env_weak_secret') || codes.includes('env_placeholder'), codes.join())
      assert.ok(codes.includes('env_cors_wildcard'), codes.join())
      // The secret itself is never in the message.
      assert.doesNotMatch(e.message, /super-secret/)
      return true
    },
  )
})

test('register, login, a guarded route and a forbidden role', async () => {
  const weak = await call('POST', '/auth/register', { email: 'asha@example.com', password: 'asha12345', name: 'Asha' })
  assert.equal(weak.status, 400)
  assert.equal(weak.body.code, 'password_policy')
  assert.ok(weak.body.errors.includes('password_contains_context'), weak.body.errors)

  const ok = await call('POST', '/auth/register', { email: 'asha@example.com', password: 'Monsoon#Lotus42', name: 'Asha' })
  assert.equal(ok.status, 201)
  const row = await running.pool.query('SELECT "password" FROM "users" WHERE "email" = $1', ['asha@example.com'])
  assert.match(row.rows[0].password, /^\$argon2id\$/)

  const login = await call('POST', '/auth/login', { email: 'asha@example.com', password: 'Monsoon#Lotus42' })
  assert.equal(login.status, 200)
  const me = await call('GET', '/me', undefined, login.body.token)
  assert.equal(me.status, 200)
  assert.deepEqual(me.body, { sub: ok.body.id, email: 'asha@example.com', role: 'user' })
  assert.equal(me.headers.get('access-control-allow-origin'), 'https://app.sparrowinvest.in')

  const admin = await call('GET', '/admin/users', undefined, login.body.token)
  assert.equal(admin.status, 403)
  assert.equal(admin.body.code, 'role_not_allowed')

  const wrong = await call('POST', '/auth/login', { email: 'asha@example.com', password: 'Monsoon#Lotus43' })
  const unknown = await call('POST', '/auth/login', { email: 'nobody@example.com', password: 'Monsoon#Lotus42' })
  assert.equal(wrong.status, 401)
  assert.deepEqual(unknown.body, wrong.body)
})

test("a legacy bcrypt row (today's bcrypt.hash(pw, 10)) is upgraded to argon2id on login", async () => {
  const legacy = bcryptjs.hashSync('Old#Backend1', 10)
  await running.pool.query('INSERT INTO "users" ("email", "password", "name", "role") VALUES ($1, $2, $3, $4)', [
    'ravi@example.com',
    legacy,
    'Ravi',
    'admin',
  ])
  const login = await call('POST', '/auth/login', { email: 'ravi@example.com', password: 'Old#Backend1' })
  assert.equal(login.status, 200)
  const row = await running.pool.query('SELECT "password" FROM "users" WHERE "email" = $1', ['ravi@example.com'])
  assert.match(row.rows[0].password, /^\$argon2id\$/)
  assert.notEqual(row.rows[0].password, legacy)
  // The new hash works; the admin reaches the admin route.
  const again = await call('POST', '/auth/login', { email: 'ravi@example.com', password: 'Old#Backend1' })
  assert.equal(again.status, 200)
  const admin = await call('GET', '/admin/users', undefined, again.body.token)
  assert.equal(admin.status, 200)
  assert.ok(admin.body.some((u: { email: string }) => u.email === 'ravi@example.com'))
})

test('expired, tampered and foreign tokens are refused; kid-less legacy tokens still pass', async () => {
  const ring = running.config.keyring
  const who = { sub: '00000000-0000-4000-8000-000000000001', email: 'a@example.com', role: 'user' }
  const expired = issueToken(who, ring, { expiresIn: '15m', now: Math.floor(Date.now() / 1000) - 3600 })
  const r1 = await call('GET', '/me', undefined, expired)
  assert.equal(r1.status, 401)
  assert.equal(r1.body.code, 'token_expired')

  const good = issueToken(who, ring)
  const [h, p, s] = good.split('.')
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' })).toString('base64url')
  const r2 = await call('GET', '/admin/users', undefined, `${h}.${forged}.${s}`)
  assert.equal(r2.status, 401)
  assert.equal(r2.body.code, 'token_signature')

  const r3 = await call('GET', '/me', undefined, issueToken(who, new Keyring('2026-12', LEGACY)))
  assert.equal(r3.status, 401)

  // As today's backend signs them (kid-less, with the old secret): accepted until expiry.
  const today = issueToken(who, Keyring.legacy(LEGACY))
  const r4 = await call('GET', '/me', undefined, today)
  assert.equal(r4.status, 200)

  const r5 = await call('GET', '/me')
  assert.equal(r5.status, 401)
})

test('staff reach a page only when it is in allowedPages', async () => {
  const ring = running.config.keyring
  const staff = (pages: string[]) =>
    issueToken({ sub: '00000000-0000-4000-8000-000000000002', email: 's@example.com', role: 'fa_staff', ownerId: '00000000-0000-4000-8000-000000000003', allowedPages: pages }, ring)
  assert.equal((await call('GET', '/clients', undefined, staff(['clients']))).status, 200)
  const denied = await call('GET', '/clients', undefined, staff(['transactions']))
  assert.equal(denied.status, 403)
  assert.equal(denied.body.code, 'page_not_allowed')
})

test('DTO decorators and the profile endpoint use sparrow-core', async () => {
  const login = await call('POST', '/auth/login', { email: 'asha@example.com', password: 'Monsoon#Lotus42' })
  const token = login.body.token
  const good = { pan: 'abcpe1234f', ifsc: 'HDFC0001234', mobile: '+91 98765 43210', monthlySip: '5,000', name: 'Asha' }
  assert.equal((await call('POST', '/kyc', good, token)).status, 200)
  const bad = await call('POST', '/kyc', { ...good, pan: 'ABCPE12345', monthlySip: '12.345' }, token)
  assert.equal(bad.status, 400)
  const messages: string[] = bad.body.message
  assert.ok(messages.some((m) => m.startsWith('pan_format:')), messages.join(' | '))
  assert.ok(messages.some((m) => m.startsWith('money_precision:')), messages.join(' | '))
  assert.ok(messages.every((m) => !m.includes('ABCPE12345')))

  const profile = await call('POST', '/profile', { age: 30, horizon_years: 10, monthly_sip: '5000' }, token)
  assert.equal(profile.status, 200)
  assert.equal(profile.body.profile.monthly_sip, '5000.00')
  assert.equal(typeof profile.body.personas.primary_persona.slug, 'string')
  const invalid = await call('POST', '/profile', { age: 12, horizon_years: '8', risk: 'high' }, token)
  assert.equal(invalid.status, 422)
  assert.equal(invalid.body.code, 'profile_invalid')
  assert.deepEqual(
    invalid.body.errors.map((e: { field: string }) => e.field).sort(),
    ['age', 'horizon_years', 'risk'],
  )
})
