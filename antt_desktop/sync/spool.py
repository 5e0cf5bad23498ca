"""A scratch buffer for a bundle's clear payload that never puts personal data on disk in clear.

A payload is written once and then read once from the start (tar → age on export, age → tar
on import). Up to ``threshold`` bytes it stays in memory; beyond that it goes to a temporary
file encrypted with AES-CTR under a key made for this buffer alone and dropped with it, so a
crash or a stolen disk leaves only ciphertext nobody can read.
"""

from __future__ import annotations

import os
import tempfile
from typing import IO

from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes


class SealedSpool:
    """Write, ``seek(0)``, then read: the file-like calls tarfile's stream modes and pyrage use."""

    def __init__(self, threshold: int) -> None:
        self._threshold = threshold
        self._memory = bytearray()
        self._disk: IO[bytes] | None = None
        self._cipher = Cipher(algorithms.AES(os.urandom(32)), modes.CTR(os.urandom(16)))
        self._crypt: CipherContext = self._cipher.encryptor()
        self._reading = False
        self._offset = 0

    @property
    def on_disk(self) -> bool:
        return self._disk is not None

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._reading:
            raise OSError("a sealed spool is written once, then read")
        size = len(data)
        if self._disk is None and len(self._memory) + size <= self._threshold:
            self._memory += data
            return size
        if self._disk is None:
            self._disk = tempfile.TemporaryFile(prefix="antt-spool-")  # noqa: SIM115 - closed by close()
            self._disk.write(self._crypt.update(bytes(self._memory)))
            self._memory = bytearray()
        self._disk.write(self._crypt.update(bytes(data)))
        return size

    def flush(self) -> None:
        if self._disk is not None:
            self._disk.flush()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        """Only back to the start, to read what was written."""
        if offset != 0 or whence != os.SEEK_SET:
            raise OSError("a sealed spool can only go back to its start")
        self._reading = True
        self._offset = 0
        if self._disk is not None:
            self._disk.flush()
            self._disk.seek(0)
            self._crypt = self._cipher.decryptor()
        return 0

    def read(self, size: int | None = -1) -> bytes:
        if not self._reading:
            raise OSError("seek(0) before reading a sealed spool")
        if self._disk is not None:
            raw = self._disk.read() if size is None or size < 0 else self._disk.read(size)
            return self._crypt.update(raw)
        end = len(self._memory) if size is None or size < 0 else self._offset + size
        chunk = bytes(self._memory[self._offset : end])
        self._offset += len(chunk)
        return chunk

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None
        self._memory = bytearray()

    def __enter__(self) -> SealedSpool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
