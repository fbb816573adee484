"""Interchange with peers nobody here wrote: PyJWT, argon2-cffi, pyca/bcrypt."""

from __future__ import annotations

import time

import argon2
import bcrypt
import jwt
import pytest

import sparrow_core as sc

SECRET = "Zq3v9LkT2xWm8RbN4cYp7HdJ1fGs6VeA0uKoQiXt"


@pytest.mark.filterwarnings("ignore:The HMAC key is 40 bytes long")
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
