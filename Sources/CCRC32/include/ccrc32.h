#ifndef CCRC32_H
#define CCRC32_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has carry-less multiply (PCLMULQDQ with SSE4.1); when it does not, or on another
/// architecture, ccrc32_fold must not be called.
int ccrc32_has_clmul(void);

/// Advances the *unfinished* CRC-32 state `crc` (the zlib/IEEE polynomial, reflected; the state is the
/// complement of a finished CRC) over `length` bytes at `bytes`, with carry-less multiplication.
/// `length` must be a multiple of 16 and at least 64.
uint32_t ccrc32_fold(const uint8_t *bytes, size_t length, uint32_t crc);

#endif
