// Records what validator.js `isEmail` (default options, as class-validator's @IsEmail()
// runs it in the backend) says about a few hundred tricky addresses.
//
//   node record.mjs --write   rewrites core/tests/fixtures/email_validatorjs.jsonl
//   node --test               (parity.test.mjs) fails when the pinned package no longer
//                             gives the verdicts recorded in that file
//
// Each line: {"input": s, "valid": isEmail(s), "valid_trimmed": isEmail(s.trim())}.
// sparrow-core trims surrounding whitespace first (a documented difference), so the
// Rust test compares its verdict with `valid_trimmed`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import isEmail from 'validator/lib/isEmail.js';

const fixture = fileURLToPath(
  new URL('../../core/tests/fixtures/email_validatorjs.jsonl', import.meta.url),
);

const special = [
  'foo@bar.com', 'x@x.au', 'foo@bar.com.au', 'foo+bar@bar.com', 'hans.m端ller@test.com',
  'hans@m端ller.com', 'test|123@m端ller.com', 'test123+ext@gmail.com',
  'some.name.midd.leNa.me.and.locality+extension@GoogleMail.com',
  '"foobar"@example.com', '"  foo  m端ller "@example.com', '"foo\\@bar"@example.com',
  'test@gmail.com', 'test.1@gmail.com', 'test@1337.com', 'invalidemail@', 'invalid.com',
  '@invalid.com', 'foo@bar.com.', 'foo@_bar.com', 'somename@ｇｍａｉｌ.com', 'foo@bar.co.uk.',
  'z@co.c', 'ｇｍａｉｌｇｍａｉｌｇｍａｉｌｇｍａｉｌｇｍａｉｌ@gmail.com', 'test1@invalid.co m',
  'test12@invalid.co\u3000m', 'multiple..dots@stillinvalid.com',
  'test123+invalid! sub_address@gmail.com', 'gmail...ignores...dots...@gmail.com',
  'ends.with.dot.@gmail.com', 'wrong()[]",:;<>@@gmail.com', '"wrong()[]",:;<>@@gmail.com',
  'username@domain.com\ufffd', 'username@domain.com\u00a9', 'nbsp\u00a0test@test.com',
  'nbsp_test@te\u00a0st.com', 'nbsp_test@test.co\u00a0m', '"@example.com', '""@example.com',
  '"a"b"@example.com', '"a\\"b"@example.com', '"a\nb"@example.com', '"a\\\nb"@example.com',
  '"a\u0000b"@example.com', '"a\u0001b"@example.com', '"a\\\u0001b"@example.com',
  '"a b"@example.com', '"a\tb"@example.com', '"a\u2028b"@example.com', '"\u00a0"@example.com',
  '"\\\u00a0"@example.com', '"😀"@example.com', '😀@example.com', 'a@😀.com', 'a@b.😀',
  'a@example.xn--p1ai', 'a@example.XN--P1AI', 'a@example.xn-', 'a@example.xn--', 'a@example.x1',
  'a@example.c0m', 'a@example.123', 'a@123.123.123.123', 'a@[123.123.123.123]', 'a@[::1]',
  'a@localhost', 'a@-example.com', 'a@example-.com', 'a@ex-ample.com', 'a@ex--ample.com',
  'a@example..com', 'a@.example.com', 'a@example.com.', 'a@ex_ample.com', 'a@example.co_m',
  'a@EXAMPLE.COM', 'A@example.com', 'a@ünïcödé.de', 'a@例え.テスト', 'a@例え.jp', 'δοκιμή@παράδειγμα.δοκιμή',
  'user@example.ελ', 'user@example.ё', 'user@example.ǅǅ', 'user@example.\u00a1\u00a1',
  'user@example.\u00a9\u00a9', 'user@example.\uf900\uf900', 'user@example.\ufdd0\ufdd0',
  'user@example.\ufff0\ufff0', 'user@exa\ufeffmple.com', 'user@example.co\ufeff',
  'user@example.c\u1680m', 'user@ex\u3000ample.com', 'user@ex\uff01ample.com',
  'user@ex\uff5eample.com', 'user@ex\uff5fample.com', 'user@ex\u00a0ample.com',
  'us\u00a0er@example.com', 'us\u00a1er@example.com', 'us\ud7ffer@example.com',
  'us\uf8ffer@example.com', 'us\ufdcfer@example.com', 'us\ufdd0er@example.com',
  'us\uffefer@example.com', 'us\ufff0er@example.com', 'ab@cd@example.com', '"ab@cd"@example.com',
  'a"b@example.com', 'a\\b@example.com', 'a(b)@example.com', 'a,b@example.com',
  'a;b@example.com', 'a:b@example.com', 'a<b>@example.com', 'a[b]@example.com',
  "!#$%&'*+-/=?^_`{|}~@example.com", '.a@example.com', 'a.@example.com', 'a..b@example.com',
  '@', '@@', 'a@', '@a', 'a@b', 'a@b.', 'a@.b', 'a@b.c', 'a@b.cd', 'a@b.c-d', 'a@b.-cd',
  ' a@example.com', 'a@example.com ', ' a@example.com ', '\ta@example.com\n', '\u3000a@example.com',
  '\ufeffa@example.com', '\u0085a@example.com', 'a@example.com\u2028', 'a @example.com',
  'a@ example.com', 'a\n@example.com', '', ' ', 'ravi.kumar@sparrowinvest.com',
  'Ravi.Kumar@SparrowInvest.COM', 'ravi+sip@sparrowinvest.in', 'ravi_kumar@sparrow-invest.co.in',
  'r@s.in', 'a'.repeat(64) + '@example.com', 'a'.repeat(65) + '@example.com',
  'é'.repeat(32) + '@example.com', 'é'.repeat(33) + '@example.com',
  'a@' + 'b'.repeat(63) + '.com', 'a@' + 'b'.repeat(64) + '.com',
  'a@' + 'é'.repeat(63) + '.com', 'a@' + 'é'.repeat(64) + '.com',
  'a@' + '😀'.repeat(31) + '.com', 'a@' + '😀'.repeat(32) + '.com',
  'a@' + ('b'.repeat(60) + '.').repeat(4) + 'com', 'a@' + ('b'.repeat(61) + '.').repeat(4) + 'com',
  'a'.repeat(64) + '@' + ('b'.repeat(60) + '.').repeat(3) + 'com',
  'a@' + ('é'.repeat(60) + '.').repeat(3) + 'com', 'a@' + ('é'.repeat(40) + '.').repeat(3) + 'com',
  '"' + 'a'.repeat(62) + '"@example.com', '"' + 'a'.repeat(63) + '"@example.com',
];

const locals = [
  'a', 'ravi', 'Ravi.Kumar', 'ravi.kumar+sip', 'r_k', 'r-k', 'r..k', '.rk', 'rk.', 'r k',
  '"r k"', '"r\\"k"', '"r"k"', 'rå', 'रवि', '😀', 'r@k', 'r,k', "o'neil", 'r%k', 'r!k', '"', '""',
  'x'.repeat(64), 'x'.repeat(65), '',
];
const domains = [
  'example.com', 'EXAMPLE.COM', 'sub.example.co.in', 'example', 'example.c', 'example.c0',
  'example.123', '127.0.0.1', '[127.0.0.1]', 'ex_ample.com', '-example.com', 'example-.com',
  'exa mple.com', 'exämple.com', 'example.भारत', 'xn--h2brj9c.xn--h2brj9c', 'example..com',
  '.example.com', 'example.com.', 'localhost', 'a.b', 'ab.cd', 'x'.repeat(63) + '.com',
  'x'.repeat(64) + '.com', '',
];

const inputs = [...special];
for (const l of locals) for (const d of domains) inputs.push(`${l}@${d}`);
const seen = new Set();
const rows = [];
for (const input of inputs) {
  if (seen.has(input)) continue;
  seen.add(input);
  rows.push(JSON.stringify({ input, valid: isEmail(input), valid_trimmed: isEmail(input.trim()) }));
}
export const verdicts = rows.join('\n') + '\n';
export const count = rows.length;
export const fixturePath = fixture;
export const recorded = () => readFileSync(fixture, 'utf8');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    writeFileSync(fixture, verdicts);
    console.log(`wrote ${count} verdicts to ${fixture}`);
  } else {
    console.error('usage: node record.mjs --write   (the check is: node --test)');
    process.exit(2);
  }
}
