"""Interchange with peers nobody here wrote: PyJWT, argon2-cffi, pyca/bcrypt."""

from __future__ import annotations

import time

import argon2
import bcrypt
import jwt
import pytest

import sparrow_core as sc

SECRET = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"


@pytest.mark.filterwarnings("ignore:The HMAC key is 43 bytes long")
def test_pyjwt_tokens_verify_with_sparrow() -> None:
    now = int(time.time())
    claims = {"sub": "u-1", "email": "ravi@example.com", "role": "investor", "iat": now, "exp": now + 3600}
    legacy = jwt.encode(claims, SECRET, algorithm="HS256")
    assert sc.verify_token(legacy, sc.Keyring.legacy(SECRET)) == claims
    with_kid = jwt.encode(claims, SECRET, algorithm="HS256", headers={"kid": "2026-11"})
    assert sc.verify_token(with_kid, sc.Keyring("2026-11", SECRET)) == claims
    # PyJWT with another algorithm, or another key: refused with the right code.
    other = jwt.encode(claims, SECRET, algorithm="HS512")
    with pytest.raises(sc.TokenError) as info:
        sc.verify_token(other, sc.Keyring.legacy(SECRET))
    assert info.value.code == "token_algorithm"
    forged = jwt.encode(claims, SECRET[::-1], algorithm="HS256")
    with pytest.raises(sc.TokenError) as info:
        sc.verify_token(forged, sc.Keyring.legacy(SECRET))
    assert info.value.code == "token_signature"
    expired = jwt.encode({**claims, "iat": now - 7200, "exp": now - 3600}, SECRET, algorithm="HS256")
    with pytest.raises(sc.TokenError) as info:
        sc.verify_token(expired, sc.Keyring.legacy(SECRET))
    assert info.value.code == "token_expired"
    # RFC 7515 §4.1.11: an unknown critical extension is refused, by PyJWT and by us.
    critical = jwt.encode(claims, SECRET, algorithm="HS256", headers={"crit": ["exp"]})
    with pytest.raises(jwt.InvalidTokenError):
        jwt.decode(critical, SECRET, algorithms=["HS256"])
    with pytest.raises(sc.TokenError) as info:
        sc.verify_token(critical, sc.Keyring.legacy(SECRET))
    assert info.value.code == "token_critical"


def test_sparrow_tokens_verify_with_pyjwt() -> None:
    ring = sc.Keyring("2026-11", SECRET)
    token = sc.issue_token(
        {"sub": "u-2", "email": "priya@example.com", "role": "fa_staff", "owner_id": "adv-1", "allowed_pages": ["clients"]},
        ring,
        "15m",
        issuer="sparrow",
        audience="web",
    )
    assert jwt.get_unverified_header(token)["kid"] == "2026-11"
    decoded = jwt.decode(token, SECRET, algorithms=["HS256"], issuer="sparrow", audience="web")
    assert decoded["sub"] == "u-2"
    assert decoded["ownerId"] == "adv-1" and decoded["allowedPages"] == ["clients"]
    assert decoded["exp"] - decoded["iat"] == 900
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, SECRET[::-1], algorithms=["HS256"], audience="web")


def test_argon2_cffi_hashes_verify_with_sparrow_and_back() -> None:
    peer = argon2.PasswordHasher()
    theirs = peer.hash("Monsoon#Kerala 2019")
    v = sc.verify_password("Monsoon#Kerala 2019", theirs)
    assert v.matched
    assert not sc.verify_password("monsoon#kerala 2019", theirs).matched
    ours = sc.hash_password("Monsoon#Kerala 2019")
    assert ours.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert peer.verify(ours, "Monsoon#Kerala 2019")
    with pytest.raises(argon2.exceptions.VerifyMismatchError):
        peer.verify(ours, "Monsoon#Kerala 2018")


def test_pyca_bcrypt_hashes_verify_with_sparrow() -> None:
    for password in [b"hunter2", "पासवर्ड-2019".encode(), b"a" * 72]:
        hashed = bcrypt.hashpw(password, bcrypt.gensalt(rounds=4)).decode()
        v = sc.verify_password(password.decode(), hashed)
        assert v.matched and v.needs_rehash
        assert not sc.verify_password(password.decode() + "x" if len(password) < 72 else "b" * 72, hashed).matched


def _phc_corpus() -> list[str]:
    """Encoded hashes around one valid string: every way a parser could be looser."""
    from argon2 import low_level

    good = low_level.hash_secret(
        b"correct horse", b"saltsaltsaltsalt", time_cost=2, memory_cost=8192,
        parallelism=1, hash_len=32, type=low_level.Type.ID,
    ).decode()
    _, alg, v, params, s64, h64 = good.split("$")

    def mk(v: str | None = v, params: str = params, s: str = s64, h: str = h64,
           alg: str = alg) -> str:
        return "$".join(["", alg] + ([v] if v is not None else []) + [params, s, h])

    return [
        good, good + " ", " " + good, good + "\n", good + "$",
        mk(params=params + ",x=1"), mk(params=params + ",keyid=AAAA"),
        mk(params=params + ",data=AAAA"), mk(params=params + ","),
        mk(params="m=4294967295,t=2,p=1,m=8192"), mk(params="m=8192,t=2,p=1,p=1"),
        mk(params="p=1,t=2,m=8192"), mk(params="t=2,m=8192,p=1"),
        mk(params="m=8192,p=1,t=2"), mk(params="m=08192,t=2,p=1"),
        mk(params="m=8192,t=02,p=1"), mk(params="m=8192,t=2"),
        mk(params="m= 8192,t=2,p=1"), mk(params="m=+8192,t=2,p=1"),
        mk(params="m=8192,t=2,p=4294967296"), mk(params="m=8192;t=2;p=1"),
        mk(v=None), mk(v="v=16"), mk(v="v=019"), mk(v="v=19$v=19"), mk(v="v="),
        mk(s=s64 + "="), mk(h=h64 + "="), mk(h=h64 + "=="), mk(h=h64[:-1]),
        mk(h=h64[:-2]), mk(h=h64[:-1] + "B"), mk(h=h64 + "$x"),
        mk(h=h64.replace("+", "-")), mk(h=h64[:8]), mk(h=h64[:6]), mk(s=s64[:11]),
        mk(s=""), mk(h=""), mk(alg="argon2ID"), mk(alg="Argon2id"),
        mk(alg="argon2i"), mk(alg="argon2d"),
    ]


def _reads(h: str) -> bool:
    try:
        sc.needs_rehash(h)
        return True
    except sc.InputError:
        return False


def test_argon2_phc_strings_are_read_as_strictly_as_libargon2() -> None:
    """argon2-cffi (libargon2's decoder) refuses a string ⇔ sparrow-core refuses it.

    Two deliberate differences: a version other than 16 or 19 (`v=20`), which libargon2
    computes as 19, is refused here; and node-argon2's parameter order `m=…,p=…,t=…`
    (which libargon2 refuses) is read here as the same hash in libargon2's order, and
    asks for a rehash.
    """
    import re

    node_order = re.compile(r"\$m=(\d+),p=(\d+),t=(\d+)\$")
    from argon2 import low_level
    from argon2.exceptions import VerificationError, VerifyMismatchError

    types = {"argon2id": low_level.Type.ID, "argon2i": low_level.Type.I,
             "argon2d": low_level.Type.D}
    corpus = _phc_corpus()
    assert len(corpus) > 40
    for h in corpus:
        kind = types.get(h.split("$")[1], low_level.Type.ID)
        # libargon2's verdict on the string it would read: node-argon2's order rewritten.
        canonical = node_order.sub(lambda m: f"$m={m[1]},t={m[3]},p={m[2]}$", h)
        if canonical != h and _reads(h):
            assert sc.needs_rehash(h), h
        try:
            low_level.verify_secret(canonical.encode(), b"correct horse", kind)
            theirs = "match"
        except VerifyMismatchError:
            theirs = "mismatch"
        except VerificationError:
            theirs = "refused"
        try:
            ours = "match" if sc.verify_password("correct horse", h).matched else "mismatch"
        except sc.InputError as e:
            assert e.code in ("password_hash_malformed", "password_hash_unsupported"), h
            ours = "refused"
        assert ours == theirs, (h, theirs, ours)
    strict = sc.verify_password
    with pytest.raises(sc.InputError):
        strict("correct horse", corpus[0].replace("v=19", "v=20"))


def test_a_short_tag_or_salt_asks_for_a_rehash() -> None:
    from argon2 import low_level

    for salt, tag_len in [(b"saltsalt", 32), (b"saltsaltsaltsalt", 16)]:
        h = low_level.hash_secret(
            b"pw", salt, time_cost=3, memory_cost=65536, parallelism=4,
            hash_len=tag_len, type=low_level.Type.ID,
        ).decode()
        v = sc.verify_password("pw", h)
        assert v.matched and v.needs_rehash, h
    full = low_level.hash_secret(
        b"pw", b"saltsaltsaltsalt", time_cost=3, memory_cost=65536, parallelism=4,
        hash_len=32, type=low_level.Type.ID,
    ).decode()
    assert not sc.verify_password("pw", full).needs_rehash
