#ifndef CLINIC_COPENSSL_SHIM_H
#define CLINIC_COPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>

/// PBKDF2-HMAC-SHA256; returns 1 on success.
static inline int clinic_pbkdf2_sha256(const char *password, int password_len,
                                       const unsigned char *salt, int salt_len,
                                       int iterations, unsigned char *out, int out_len) {
    return PKCS5_PBKDF2_HMAC(password, password_len, salt, salt_len, iterations,
                             EVP_sha256(), out_len, out);
}

/// HMAC-SHA1 (Twilio signatures); writes 20 bytes, returns 1 on success.
static inline int clinic_hmac_sha1(const unsigned char *key, int key_len,
                                   const unsigned char *data, size_t data_len,
                                   unsigned char *out) {
    unsigned int len = 0;
    return HMAC(EVP_sha1(), key, key_len, data, data_len, out, &len) != NULL && len == 20;
}

/// HMAC-SHA256 (API access tokens); writes 32 bytes, returns 1 on success.
static inline int clinic_hmac_sha256(const unsigned char *key, int key_len,
                                     const unsigned char *data, size_t data_len,
                                     unsigned char *out) {
    unsigned int len = 0;
    return HMAC(EVP_sha256(), key, key_len, data, data_len, out, &len) != NULL && len == 32;
}

/// SHA-256 (refresh tokens are stored as their digest); writes 32 bytes, returns 1 on success.
static inline int clinic_sha256(const unsigned char *data, size_t data_len, unsigned char *out) {
    unsigned int len = 0;
    return EVP_Digest(data, data_len, out, &len, EVP_sha256(), NULL) == 1 && len == 32;
}

/// Cryptographically random bytes; returns 1 on success.
static inline int clinic_random_bytes(unsigned char *out, int len) {
    return RAND_bytes(out, len);
}

/// Constant-time comparison; returns 0 when equal.
static inline int clinic_memcmp_const(const void *a, const void *b, size_t len) {
    return CRYPTO_memcmp(a, b, len);
}

#endif
