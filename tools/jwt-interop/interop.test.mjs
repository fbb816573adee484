// Both directions of token interchange with node's jsonwebtoken 9.
import test from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { record, recorded, SECRET } from './record.mjs';

test('jsonwebtoken still signs the tokens sparrow-core verifies (jwt_jsonwebtoken.jsonl)', () => {
  assert.equal(record(), recorded('jwt_jsonwebtoken.jsonl'));
});

test('jsonwebtoken verifies the tokens sparrow-core issues (jwt_sparrow.jsonl)', () => {
  const rows = recorded('jwt_sparrow.jsonl').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(rows.length >= 4);
  for (const row of rows) {
    const payload = jwt.verify(row.token, SECRET, { algorithms: ['HS256'], clockTimestamp: row.now });
    assert.deepEqual(payload, row.claims);
    const { header } = jwt.decode(row.token, { complete: true });
    assert.equal(header.alg, 'HS256');
    assert.equal(header.kid ?? null, row.kid);
    // And jsonwebtoken agrees that it expires when sparrow-core says so.
    assert.throws(
      () => jwt.verify(row.token, SECRET, { algorithms: ['HS256'], clockTimestamp: row.claims.exp }),
      /jwt expired/,
    );
  }
});
