// How npm dotenv (the NestJS backend's loader, pinned in package.json) reads each .env
// text of core/tests/fixtures/dotenv_corpus.jsonl. `node record.mjs --write` writes
// core/tests/fixtures/dotenv_npm.jsonl; without --write it prints the recording.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';

const fixtures = fileURLToPath(new URL('../../core/tests/fixtures/', import.meta.url));

export function corpus() {
  return readFileSync(fixtures + 'dotenv_corpus.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

export function recording() {
  return corpus().map(({ name, text }) => JSON.stringify({ name, vars: dotenv.parse(text) }));
}

export const recordedPath = fixtures + 'dotenv_npm.jsonl';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = recording().join('\n') + '\n';
  if (process.argv.includes('--write')) {
    writeFileSync(recordedPath, lines);
  } else {
    process.stdout.write(lines);
  }
}
