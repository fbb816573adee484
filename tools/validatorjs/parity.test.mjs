// The verdicts committed in core/tests/fixtures/email_validatorjs.jsonl are exactly what
// the pinned npm `validator` package says today; core/tests/email_parity.rs then checks
// sparrow-core against the same file. Together: sparrow-core agrees with validator.js.
import test from 'node:test';
import assert from 'node:assert/strict';
import { verdicts, recorded, count } from './record.mjs';

test(`validator.js isEmail gives the ${count} recorded verdicts`, () => {
  assert.ok(count >= 300, `only ${count} cases`);
  const want = recorded().split('\n');
  const got = verdicts.split('\n');
  const differing = got.filter((line, i) => line !== want[i]).slice(0, 5);
  assert.deepEqual(differing, [], 'validator.js now disagrees with the recorded verdicts');
  assert.equal(got.length, want.length);
});
