// Tokens signed by node's jsonwebtoken (what the NestJS backend uses today), recorded
// for core/tests/jwt.rs to verify with sparrow-core.
//
//   node record.mjs --write   rewrites core/tests/fixtures/jwt_jsonwebtoken.jsonl
//   node --test               (interop.test.mjs) re-signs and compares, and verifies the
//                             tokens sparrow-core recorded in jwt_sparrow.jsonl
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';

export const fixture = (name) =>
  fileURLToPath(new URL(`../../core/tests/fixtures/${name}`, import.meta.url));

export const SECRET = '3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4';
const IAT = 1767225600; // 2026-01-01T00:00:00Z

const staff = {
  sub: '0b7e2c9d-4f1a-4e3b-8c6d-5a9f0e1d2c3b',
  email: 'priya@sparrowinvest.com',
  role: 'fa_staff',
  ownerId: '6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70',
  allowedPages: ['clients', 'transactions'],
};
const investor = { sub: '6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70', email: 'ravi@example.com', role: 'investor' };

export const cases = [
  { payload: investor, options: { expiresIn: '7d' } },
  { payload: staff, options: { expiresIn: '15m' } },
  { payload: investor, options: { expiresIn: 3600 } },
  { payload: { ...investor, role: 'admin' }, options: { expiresIn: '12h', keyid: 'k2026' } },
  { payload: investor, options: { expiresIn: '2h', issuer: 'sparrow-invest', audience: 'sparrow-api' } },
  { payload: { ...investor, token_use: 'refresh' }, options: { expiresIn: '30d' } },
  { payload: investor, options: { expiresIn: '1.5 hours', notBefore: 60 } },
];

export function record() {
  return cases
    .map(({ payload, options }) => {
      const token = jwt.sign({ ...payload, iat: IAT }, SECRET, { algorithm: 'HS256', ...options });
      const claims = jwt.decode(token);
      return JSON.stringify({ token, kid: options.keyid ?? null, now: IAT + 30 + (options.notBefore ?? 0), claims });
    })
    .join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    writeFileSync(fixture('jwt_jsonwebtoken.jsonl'), record());
    console.log('recorded', cases.length, 'tokens');
  } else {
    console.error('usage: node record.mjs --write   (the check is: node --test)');
    process.exit(2);
  }
}

export const recorded = (name) => readFileSync(fixture(name), 'utf8');
