// The Node package side by side with npm peers, in one run, on the same inputs and
// parameters: per-call times and the ratio peer ÷ sparrow-core (above 1: sparrow-core
// is faster). Then a load run: 200 concurrent hashPassword calls, with the event-loop
// delay, throughput and peak RSS. Figures for docs/benchmarks.md; nothing is asserted.
//
//   (cd bindings-node && npm ci && npm run build)   # release build of the native module
//   (cd benches/node && npm ci && node bench.mjs)
import 'reflect-metadata'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { cpus } from 'node:os'
import * as sc from 'sparrow-core'
import { createSigner, createVerifier } from 'fast-jwt'
import jwt from 'jsonwebtoken'
import argon2 from '@node-rs/argon2'
import bcrypt from '@node-rs/bcrypt'
import { plainToInstance } from 'class-transformer'
import { IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync, Matches } from 'class-validator'

const SECRET = '3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4'
const NOW = 1767225600
const PASSWORD = 'correct horse battery staple'

/** Median of `rounds` timings of `n` calls, in ns per call. */
function perCall(n, f, rounds = 5) {
  for (let i = 0; i < Math.max(1, n / 5); i++) f()
  const times = []
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint()
    for (let i = 0; i < n; i++) f()
    times.push(Number(process.hrtime.bigint() - t) / n)
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]
}

async function perCallAsync(n, f) {
  await f()
  const t = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await f()
  return Number(process.hrtime.bigint() - t) / n
}

const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`)
const rows = []
const row = (op, ours, peer, theirs, target) => rows.push({ op, ours, peer, theirs, target })

// Tokens: what @nestjs/jwt does today is jsonwebtoken with a string secret.
const ring = new sc.Keyring('2026-12', SECRET)
const subject = { sub: '6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70', email: 'ravi@example.com', role: 'investor' }
const ours = sc.issueToken(subject, ring, { now: NOW, expiresIn: '7d' })
const verifyOurs = () => sc.verifyToken(ours, ring, { now: NOW + 60 })
const fastVerify = createVerifier({ key: SECRET, algorithms: ['HS256'], clockTimestamp: (NOW + 60) * 1000 })
const fastSign = createSigner({ key: SECRET, algorithm: 'HS256', expiresIn: 7 * 24 * 3600 * 1000, clockTimestamp: NOW * 1000 })
const theirs = jwt.sign({ ...subject, iat: NOW }, SECRET, { algorithm: 'HS256', expiresIn: '7d' })
const v = perCall(50000, verifyOurs)
row('verifyToken (HS256)', v, 'fast-jwt verifier', perCall(50000, () => fastVerify(ours)), '≥ 2× fast-jwt')
row('verifyToken (HS256)', v, 'jsonwebtoken verify, string secret', perCall(5000, () => jwt.verify(theirs, SECRET, { algorithms: ['HS256'], clockTimestamp: NOW + 60 })), '≥ 50× jsonwebtoken')
const i = perCall(50000, () => sc.issueToken(subject, ring, { now: NOW }))
row('issueToken (HS256)', i, 'fast-jwt signer', perCall(50000, () => fastSign(subject)), '≥ 2× fast-jwt')
row('issueToken (HS256)', i, 'jsonwebtoken sign', perCall(5000, () => jwt.sign(subject, SECRET, { algorithm: 'HS256', expiresIn: '7d' })), '—')

// Passwords, at the same parameters (argon2id m=19456 t=2 p=1; bcrypt cost 10).
const opts = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: argon2.Algorithm.Argon2id }
row('hashPassword (argon2id)', await perCallAsync(30, () => sc.hashPassword(PASSWORD)), '@node-rs/argon2 hash', await perCallAsync(30, () => argon2.hash(PASSWORD, opts)), '≤ 1.0× @node-rs/argon2')
const bc = bcrypt.hashSync(PASSWORD, 10)
row('verifyPassword (bcrypt 10)', await perCallAsync(10, () => sc.verifyPassword(PASSWORD, bc)), '@node-rs/bcrypt verify', await perCallAsync(10, () => bcrypt.verify(PASSWORD, bc)), '≤ 1.0× @node-rs/bcrypt')

// A profile DTO: class-transformer + class-validator on the same body.
class ProfileDto {}
const d = (dec, key) => dec(ProfileDto.prototype, key)
d(IsInt(), 'age'); d(Min(18), 'age'); d(Max(100), 'age')
d(IsInt(), 'horizon_years'); d(Min(1), 'horizon_years'); d(Max(40), 'horizon_years')
d(IsIn(['Conservative', 'Moderate', 'Aggressive']), 'risk_tolerance')
d(IsIn(['Low', 'Medium', 'High']), 'volatility')
d(IsIn(['Low', 'Medium', 'High']), 'liquidity')
d(IsIn(['Beginner', 'Intermediate', 'Advanced']), 'knowledge')
d(IsOptional(), 'goal'); d(IsString(), 'goal')
d(IsOptional(), 'monthly_sip'); d(Matches(/^\d+(\.\d{1,2})?$/), 'monthly_sip')
const body = { age: 35, horizon_years: 10, risk_tolerance: 'Moderate', volatility: 'Medium', liquidity: 'Medium', knowledge: 'Intermediate', goal: 'Retirement', monthly_sip: '25000.50' }
row('validateProfile', perCall(20000, () => sc.validateProfile(body)), 'class-transformer + class-validator', perCall(20000, () => validateSync(plainToInstance(ProfileDto, body))), '≥ 10×')
row('validatePan', perCall(200000, () => sc.validatePan('ABCPE1234F')), '—', NaN, '≤ 300 ns')
row('classifyBlended', perCall(20000, () => sc.classifyBlended(body)), '—', NaN, '—')

console.log(`node ${process.version}, ${cpus().length} cores, ${cpus()[0].model}`)
console.log('| operation | sparrow-core | peer | peer | peer ÷ sparrow-core | target |')
console.log('|---|---|---|---|---|---|')
for (const r of rows) {
  const ratio = Number.isNaN(r.theirs) ? '—' : `${(r.theirs / r.ours).toFixed(2)}×`
  console.log(`| ${r.op} | ${fmt(r.ours)} | ${r.peer} | ${Number.isNaN(r.theirs) ? '—' : fmt(r.theirs)} | ${ratio} | ${r.target} |`)
}

// Load: 200 concurrent hashPassword calls while the loop's delay is sampled.
const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4)
const h = monitorEventLoopDelay({ resolution: 1 })
let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
h.enable()
const start = process.hrtime.bigint()
await Promise.all(Array.from({ length: 200 }, (_, k) => sc.hashPassword(`${PASSWORD} ${k}`)))
const seconds = Number(process.hrtime.bigint() - start) / 1e9
h.disable()
clearInterval(sampler)
console.log(
  `\nload: 200 concurrent hashPassword, libuv pool ${threads} threads: ${(200 / seconds).toFixed(1)} hashes/s, ` +
    `event-loop delay p99 ${(h.percentile(99) / 1e6).toFixed(2)} ms (max ${(h.max / 1e6).toFixed(2)} ms), ` +
    `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (each hash holds 19 MiB; at most ${threads} run at once)`,
)
