// Rewrites the ErrorCode union of types-header.d.ts from the built module's allCodes()
// (run after a core change adds a code, then `npm run build`); tests/errors.test.mjs
// fails while the union and the catalogue differ.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { allCodes } = require('../index.js')
const path = new URL('../types-header.d.ts', import.meta.url)
const header = readFileSync(path, 'utf8')
const union = `export type ErrorCode =\n${allCodes().map((c) => `  | '${c}'`).join('\n')}\n\n`
const start = header.indexOf('export type ErrorCode =')
const end = start < 0 ? -1 : header.indexOf('\n\n', start)
const next = end < 0 ? header.length : end + 2
const out = start < 0 ? `${header.trimEnd()}\n\n/** Every code sparrow-core can raise. */\n${union}` : header.slice(0, start) + union + header.slice(next)
writeFileSync(path, out.trimEnd() + '\n')
