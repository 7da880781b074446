"""Field encryption: ID numbers and phones are stored as self-describing tokens, never in the
clear, and found again through a keyed hash.

A token reads ``f1:<key id>:<algorithm>:<nonce>:<ciphertext>`` (nonce and ciphertext in
unpadded URL-safe base64, the ciphertext carrying its 16-byte GCM tag). It names the key and the
algorithm that wrote it, so a row written before a key rotation or a change of ``FIELD_CIPHER``
still decrypts as long as its key is among ``FIELD_KEYS``.

Keys come from the settings (``FIELD_KEYS``: ``id:base64key,id2:base64key``; the first
encrypts, all decrypt). Each key is 32 random bytes: AES-256-GCM uses it as it is; SM4-GCM
(128-bit keys) uses 16 bytes derived from it with HKDF over SM3, so one key list serves both.

The hash beside an encrypted number (``hash_of``) is HMAC-SHA256 under ``FIELD_HASH_KEY``, a key
of its own that does not rotate with the encryption keys: the uniqueness rule and every exact
search compare hashes, and rotating their key would mean rehashing every row in one go while
the rule is off. Rotating the encryption keys changes no hash.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

VERSION = "f1"
PREFIX = VERSION + ":"
KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
# The setting's names and the short names written into tokens.
CIPHERS = {"aes-gcm": "a256gcm", "sm4": "sm4gcm"}
DEV_KEY_ID = "dev"


class DecryptionError(ValueError):
    """A stored value that is no token, names a key no longer configured, or fails its tag."""


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def dev_key(secret: str, purpose: str) -> str:
    """A development key derived from the development SECRET_KEY: never used with DEBUG off."""
    digest = hashlib.sha256(f"shuangyong {purpose} development key:{secret}".encode()).digest()
    return base64.b64encode(digest).decode("ascii")


def parse_keys(text: str) -> list[tuple[str, bytes]]:
    """``id:base64key,...`` as [(id, key)], in order; refuses anything malformed."""
    keys, seen = [], set()
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        key_id, sep, encoded = part.partition(":")
        if not sep or not KEY_ID.fullmatch(key_id):
            raise ImproperlyConfigured(
                "FIELD_KEYS: each key is written id:base64key, the id 1–16 letters, digits, - or _."
            )
        if key_id in seen:
            raise ImproperlyConfigured(f"FIELD_KEYS: the key id {key_id!r} appears twice.")
        try:
            key = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise ImproperlyConfigured(f"FIELD_KEYS: key {key_id!r} is not base64.") from None
        if len(key) != KEY_BYTES:
            raise ImproperlyConfigured(
                f"FIELD_KEYS: key {key_id!r} has {len(key)} bytes; a key is {KEY_BYTES} random "
                "bytes in base64."
            )
        seen.add(key_id)
        keys.append((key_id, key))
    return keys


def parse_hash_key(text: str) -> bytes:
    try:
        key = base64.b64decode((text or "").strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ImproperlyConfigured("FIELD_HASH_KEY is not base64.") from None
    if len(key) < KEY_BYTES:
        raise ImproperlyConfigured(f"FIELD_HASH_KEY must hold at least {KEY_BYTES} random bytes.")
    return key


@lru_cache(maxsize=64)
def _sm4_key(key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SM3(), length=16, salt=None, info=b"shuangyong field sm4").derive(
        key
    )


@lru_cache(maxsize=64)
def _aes(key: bytes) -> AESGCM:
    return AESGCM(key)


def _seal(algorithm: str, key: bytes, nonce: bytes, data: bytes) -> bytes:
    if algorithm == "a256gcm":
        return _aes(key).encrypt(nonce, data, None)
    encryptor = Cipher(algorithms.SM4(_sm4_key(key)), modes.GCM(nonce)).encryptor()
    return encryptor.update(data) + encryptor.finalize() + encryptor.tag


def _open(algorithm: str, key: bytes, nonce: bytes, sealed: bytes) -> bytes:
    if algorithm == "a256gcm":
        return _aes(key).decrypt(nonce, sealed, None)
    body, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    decryptor = Cipher(algorithms.SM4(_sm4_key(key)), modes.GCM(nonce, tag)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


@dataclass(frozen=True)
class Keyring:
    keys: tuple[tuple[str, bytes], ...]
    algorithm: str
    hash_key: bytes

    @property
    def current_id(self) -> str:
        return self.keys[0][0]

    def key(self, key_id: str) -> bytes:
        for known, key in self.keys:
            if known == key_id:
                return key
        raise DecryptionError(f"key {key_id!r} is not in FIELD_KEYS")


@lru_cache(maxsize=8)
def _keyring(keys: str, cipher: str, hash_key: str) -> Keyring:
    if cipher not in CIPHERS:
        raise ImproperlyConfigured(
            f"FIELD_CIPHER is {cipher!r}; it is one of {', '.join(sorted(CIPHERS))}."
        )
    parsed = parse_keys(keys)
    if not parsed:
        raise ImproperlyConfigured("FIELD_KEYS holds no key.")
    return Keyring(tuple(parsed), CIPHERS[cipher], parse_hash_key(hash_key))


def keyring() -> Keyring:
    return _keyring(settings.FIELD_KEYS, settings.FIELD_CIPHER, settings.FIELD_HASH_KEY)


def is_token(value) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def token_key(value: str) -> tuple[str, str]:
    """(key id, algorithm) of a token."""
    parts = value.split(":")
    if len(parts) != 5 or parts[0] != VERSION:
        raise DecryptionError("not a field token")
    return parts[1], parts[2]


def encrypt(value: str) -> str:
    """The token of value under the first key and the configured algorithm; "" stays ""."""
    if value is None or value == "":
        return value
    ring = keyring()
    key_id, key = ring.keys[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = _seal(ring.algorithm, key, nonce, str(value).encode("utf-8"))
    return f"{PREFIX}{key_id}:{ring.algorithm}:{_b64e(nonce)}:{_b64e(sealed)}"


def decrypt(value: str) -> str:
    """The clear text of a token; "" and None are returned as they are."""
    if value is None or value == "":
        return value
    key_id, algorithm = token_key(value)
    if algorithm not in CIPHERS.values():
        raise DecryptionError(f"unknown algorithm {algorithm!r}")
    _version, _key_id, _alg, nonce, sealed = value.split(":")
    try:
        data = _open(algorithm, keyring().key(key_id), _b64d(nonce), _b64d(sealed))
    except (InvalidTag, binascii.Error, ValueError) as exc:
        if isinstance(exc, DecryptionError):
            raise
        raise DecryptionError(f"a value under key {key_id!r} does not decrypt") from None
    return data.decode("utf-8")


def is_current(value: str) -> bool:
    """Whether a stored value is already under the first key and the configured algorithm."""
    if not value:
        return True
    ring = keyring()
    return token_key(value) == (ring.current_id, ring.algorithm)


def normalise(value: str) -> str:
    """What the hash is taken of: the value without surrounding space, letters upper-case (an
    ID number's final X)."""
    return (value or "").strip().upper()


def hash_of(value: str) -> str:
    """The keyed hash (HMAC-SHA256, hex) stored beside an encrypted number; "" for no number.
    Exact searches and the one-active-person-per-ID rule compare these."""
    text = normalise(value)
    if not text:
        return ""
    return hmac.new(keyring().hash_key, text.encode("utf-8"), hashlib.sha256).hexdigest()
