#ifndef CLINIC_CCURL_SHIM_H
#define CLINIC_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt / curl_easy_getinfo are variadic and CURLAUTH_* are macros
   with casts: Swift imports neither. One typed wrapper per argument kind. */

static const long clinic_CURLAUTH_BASIC = (long)CURLAUTH_BASIC;
static const long clinic_CURL_GLOBAL_DEFAULT = (long)CURL_GLOBAL_DEFAULT;

typedef size_t (*clinic_curl_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode clinic_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode clinic_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode clinic_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode clinic_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode clinic_curl_setopt_write_function(CURL *handle, clinic_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode clinic_curl_response_code(CURL *handle, long *code) {
    return curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, code);
}

#endif
