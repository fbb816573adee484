// Shared by the tests: the fixture tables of core/tests/fixtures and exact decimal
// comparison (BigInt arithmetic on the decimal text; never a binary float).
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'

const FIXTURES = new URL('../../core/tests/fixtures/', import.meta.url)

export const SECRET = '3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4'
export const SECOND_SECRET = 'QPIHLPwwMA1S5FVfvBxjSPSYXD1LsQwIbhGFMGJtUsU'

export function rows(name) {
  return readFileSync(new URL(`${name}.jsonl`, FIXTURES), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
}

/** The thrown error of `fn` (fails when nothing is thrown). */
export function thrown(fn) {
  try {
    fn()
  } catch (e) {
    return e
  }
  assert.fail('expected a throw')
}

/** The code of the error `fn` throws, after checking the error's shape. */
export function codeOf(fn) {
  const e = thrown(fn)
  assert.ok(e instanceof Error, `not an Error: ${e}`)
  assert.equal(typeof e.code, 'string')
  assert.ok(Array.isArray(e.errors) && e.errors.length >= 1)
  return e.code
}

/** The code of the rejection of `promise`. */
export async function rejectionCode(promise) {
  try {
    await promise
  } catch (e) {
    assert.ok(e instanceof Error)
    return e.code
  }
  assert.fail('expected a rejection')
}

/** A decimal text (or a number's shortest repr) as [BigInt digits, scale]. */
function parts(text) {
  const s = String(text)
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(s)
  assert.ok(m, `not a decimal: ${s}`)
  const frac = m[3] ?? ''
  let digits = BigInt(m[2] + frac)
  let scale = frac.length - Number(m[4] ?? 0)
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale)
    scale = 0
  }
  return [m[1] === '-' ? -digits : digits, scale]
}

/** |a − b| as [digits, scale], exactly. */
export function absDiff(a, b) {
  const [da, sa] = parts(a)
  const [db, sb] = parts(b)
  const s = Math.max(sa, sb)
  const d = da * 10n ** BigInt(s - sa) - db * 10n ** BigInt(s - sb)
  return [d < 0n ? -d : d, s]
}

/** Whether |a − b| ≤ tolerance, compared exactly. */
export function within(a, b, tolerance) {
  const [d, s] = absDiff(a, b)
  const [t, ts] = parts(tolerance)
  const scale = Math.max(s, ts)
  return d * 10n ** BigInt(scale - s) <= t * 10n ** BigInt(scale - ts)
}

/** Whether two decimals are equal in value (scale aside). */
export function sameValue(a, b) {
  return absDiff(a, b)[0] === 0n
}
