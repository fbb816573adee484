// One API-key scheme across two runtimes: an admin issues a key through this NestJS
// backend (Node, sparrow-core's npm package) into PostgreSQL, and the FastAPI ML service
// of examples/python (Python, sparrow-core's wheel) admits it over HTTP on loopback by
// scope, then refuses it once revoked. Needs the throw-away PostgreSQL of
// scripts/with-postgres.sh (SPARROW_PG_URL) and a Python with sparrow-core, FastAPI,
// uvicorn and psycopg installed (SPARROW_PYTHON); scripts/test-all.sh provides both.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import path from 'node:path'
import { issueToken, Keyring } from 'sparrow-core'
import { createApp, type App } from '../src/app'

const DB = process.env.SPARROW_PG_URL
const PYTHON = process.env.SPARROW_PYTHON
if (!DB) throw new Error('SPARROW_PG_URL is not set: run through scripts/with-postgres.sh')
if (!PYTHON) throw new Error('SPARROW_PYTHON is not set: the Python with sparrow-core and FastAPI (scripts/test-all.sh sets it)')

const SECRET = '3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4'
const PEPPER = 'the ML service pepper, thirty-two bytes or more'
let backend: App
let backendUrl = ''
let ml: ChildProcess
let mlUrl = ''

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

before(async () => {
  backend = await createApp({ NODE_ENV: 'test', JWT_SECRET: SECRET, DATABASE_URL: DB, CORS_ORIGINS: 'https://app.sparrowinvest.in', SPARROW_API_KEY_PEPPER: PEPPER })
  await backend.pool.query('TRUNCATE api_keys')
  await backend.app.listen(0, '127.0.0.1')
  backendUrl = `http://127.0.0.1:${(backend.app.getHttpServer().address() as AddressInfo).port}`
  const port = await freePort()
  ml = spawn(PYTHON, ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning'], {
    cwd: path.resolve(__dirname, '../../../python'),
    env: { ...process.env, DATABASE_URL: DB, SPARROW_API_KEY_PEPPER: PEPPER },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  mlUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      await fetch(mlUrl + '/docs')
      break
    } catch {
      if (Date.now() > deadline) throw new Error('the FastAPI app did not start')
      await new Promise((r) => setTimeout(r, 200))
    }
  }
})

after(async () => {
  ml?.kill()
  await backend.app.close()
  await backend.pool.end()
})

const admin = () =>
  issueToken({ sub: '00000000-0000-4000-8000-0000000000aa', email: 'admin@sparrowinvest.in', role: 'admin' }, new Keyring('current', SECRET))

async function issue(scopes: string[]) {
  const res = await fetch(backendUrl + '/admin/api-keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin()}` },
    body: JSON.stringify({ clientId: 'ml-gateway', scopes }),
  })
  assert.equal(res.status, 201)
  return (await res.json()) as { key: string; key_id: string }
}

async function classify(key: string) {
  const res = await fetch(mlUrl + '/api/v1/classify', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ profile: { age: 34, horizon_years: 12, risk_tolerance: 'Aggressive' } }),
  })
  const text = await res.text()
  assert.ok(!text.includes(key.slice(24)), 'the presented key is never echoed')
  return { status: res.status, body: JSON.parse(text) }
}

test('a key issued by the Node backend is admitted by the Python ML service, by scope, until revoked', async () => {
  const { key, key_id } = await issue(['ml:classify'])
  assert.match(key, /^spk_live_[0-9A-Za-z]{14}_[0-9A-Za-z]{49}$/)
  const stored = await backend.pool.query('SELECT digest FROM api_keys WHERE key_id = $1', [key_id])
  assert.equal(stored.rowCount, 1)
  assert.notEqual(stored.rows[0].digest, key) // only the digest is stored

  const ok = await classify(key)
  assert.equal(ok.status, 200)
  assert.equal(ok.body.persona.id, 'accelerated-builder')

  const riskOnly = await issue(['ml:risk'])
  assert.deepEqual([(await classify(riskOnly.key)).status, (await classify(riskOnly.key)).body.code], [403, 'api_key_scope'])

  const revoke = await fetch(`${backendUrl}/admin/api-keys/${key_id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin()}` } })
  assert.equal(revoke.status, 204)
  const after = await classify(key)
  assert.deepEqual([after.status, after.body.code], [401, 'api_key_revoked'])

  // Issuing is for admins only.
  const user = issueToken({ sub: '00000000-0000-4000-8000-0000000000bb', email: 'u@x.in', role: 'user' }, new Keyring('current', SECRET))
  const denied = await fetch(backendUrl + '/admin/api-keys', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` }, body: '{}' })
  assert.equal(denied.status, 403)
})
