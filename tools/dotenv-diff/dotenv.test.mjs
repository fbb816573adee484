// The recording the Rust tests replay is what the pinned npm dotenv gives today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { recording, recordedPath } from './record.mjs';

test('npm dotenv still reads the corpus as recorded', () => {
  const recorded = readFileSync(recordedPath, 'utf8').split('\n').filter((l) => l !== '');
  const now = recording();
  assert.ok(now.length > 50);
  assert.deepEqual(now, recorded);
});
