// The package loads from CommonJS and ESM with the same exports.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'
import * as esm from '../index.js'
import { parseMoney, Keyring } from '../index.js'

const require = createRequire(import.meta.url)

test('ESM named imports and CommonJS require see one module', () => {
  const cjs = require('../index.js')
  assert.equal(parseMoney, cjs.parseMoney)
  assert.equal(Keyring, cjs.Keyring)
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), Object.keys(cjs).sort())
})

test('a CommonJS program uses it by package name (self-reference through "exports")', () => {
  const out = execFileSync(process.execPath, ['-e', "const sc = require('sparrow-core'); process.stdout.write(sc.formatInr('1234567.5'))"], {
    cwd: new URL('..', import.meta.url),
  })
  assert.equal(out.toString(), '₹12,34,567.50')
})

test('the typings use string-literal unions, never enums (isolatedModules, SWC, Babel)', async () => {
  const { readFileSync } = await import('node:fs')
  const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8')
  assert.doesNotMatch(dts, /\benum\b/)
})

test('worker threads each get their own module state, and exit cleanly', async () => {
  const { Worker } = await import('node:worker_threads')
  const source = `
    const { parentPort } = require('node:worker_threads')
    const sc = require(${JSON.stringify(new URL('../index.js', import.meta.url).pathname)})
    const p = sc.validateProfile({ age: 30, horizon_years: 5, monthly_sip: 5000 })
    let code
    try { sc.validateProfile({ age: NaN }) } catch (e) { code = e.code }
    parentPort.postMessage({ sip: p.monthly_sip, code, slug: sc.classifyBlended(p).primary_persona.slug })
  `
  const results = await Promise.all(
    [1, 2].map(
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(source, { eval: true })
          w.once('message', resolve)
          w.once('error', reject)
        }),
    ),
  )
  for (const r of results) assert.deepEqual(r, { sip: '5000.00', code: 'input_not_finite', slug: results[0].slug })
  assert.equal(esm.validateProfile({ age: 30, horizon_years: 5 }).age, 30)
})
