// Side-by-side, in one run: sparrow-core (via the peer-timing binary, release build)
// against the npm packages the platform uses or could use, at the same parameters and
// on the same inputs. Prints per-operation times and the ratio peer / sparrow-core
// (above 1 means sparrow-core is faster).
//
//   npm ci && node run.mjs        (from benches/peers)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import argon2 from '@node-rs/argon2';
import nodeRsBcrypt from '@node-rs/bcrypt';
import bcryptjs from 'bcryptjs';
import jwt from 'jsonwebtoken';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const password = 'correct horse battery staple';
const secret = '3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4';
const now = 1767225600;

function perOp(n, f) {
  for (let i = 0; i < Math.max(1, n / 10); i++) f();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  return Number(process.hrtime.bigint() - start) / 1e6 / n; // ms
}

const bcryptHash = nodeRsBcrypt.hashSync(password, { cost: 10, version: '2b' });
const token = jwt.sign(
  { sub: '6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70', email: 'ravi@example.com', role: 'investor', iat: now },
  secret,
  { algorithm: 'HS256', expiresIn: '7d' },
);

execFileSync('cargo', ['build', '--release', '-q', '-p', 'sparrow-benches', '--bin', 'peer-timing'], { cwd: repo, stdio: 'inherit' });
const ours = JSON.parse(
  execFileSync(`${repo}/target/release/peer-timing`, [bcryptHash, token, secret, String(now + 60)], { encoding: 'utf8' }),
);

const opts = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: argon2.Algorithm.Argon2id };
const stored = argon2.hashSync(password, opts);
const peers = {
  argon2_hash_ms: ['@node-rs/argon2 hashSync', perOp(30, () => argon2.hashSync(password, opts))],
  argon2_verify_ms: ['@node-rs/argon2 verifySync', perOp(30, () => argon2.verifySync(stored, password))],
  bcrypt10_verify_ms: ['@node-rs/bcrypt verifySync', perOp(10, () => nodeRsBcrypt.verifySync(password, bcryptHash))],
  bcrypt10_verify_ms_js: ['bcryptjs compareSync', perOp(5, () => bcryptjs.compareSync(password, bcryptHash))],
  verify_token_us: ['jsonwebtoken verify', perOp(20000, () => jwt.verify(token, secret, { algorithms: ['HS256'], clockTimestamp: now + 60 })) * 1000],
  issue_token_us: ['jsonwebtoken sign', perOp(20000, () => jwt.sign({ sub: 'u', email: 'e', role: 'investor', iat: now }, secret, { algorithm: 'HS256', expiresIn: '7d' })) * 1000],
};

console.log('operation                       sparrow-core      peer                               ratio');
for (const [key, [peer, value]] of Object.entries(peers)) {
  const base = key.replace(/_js$/, '');
  const unit = base.endsWith('_us') ? 'µs' : 'ms';
  const mine = ours[base];
  console.log(
    `${base.padEnd(30)} ${mine.toFixed(3).padStart(9)} ${unit}   ${peer.padEnd(28)} ${value.toFixed(3).padStart(9)} ${unit}   ${(value / mine).toFixed(2)}×`,
  );
}
