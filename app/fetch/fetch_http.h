/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One HTTP(S) download at a time through libcurl: TLS verified, timeouts,
 * a size limit, a few redirects at most, conditional requests, and a stop
 * asked by SIGTERM or SIGINT (pending, as the program blocks them) ending
 * a download at once. */
#ifndef HALLSCREEN_FETCH_HTTP_H
#define HALLSCREEN_FETCH_HTTP_H

#include <stdbool.h>
#include <stddef.h>

struct fetch_http;

struct fetch_http_options {
    const char *cafile; /* the certificates to trust instead of the system's; NULL: those */
    long timeout_s;     /* the whole download */
    long connect_timeout_s;
    size_t max_bytes; /* a larger body is refused */
    int max_redirects;
    const char *user_agent;
};

struct fetch_response {
    long status; /* the HTTP status of the last answer; 0: none came */
    char *body;  /* malloc'd, NUL-terminated; NULL when status is 0 */
    size_t size;
    char *etag, *last_modified; /* as the server sent them; NULL when it did not */
    bool stopped;               /* the download was ended by a stop signal */
    char error[256];            /* why no whole answer came; "" when one did */
};

/* A downloader with its connections (reused from one download to the next);
 * NULL when libcurl cannot be set up. */
struct fetch_http *fetch_http_open(const struct fetch_http_options *options);

/* Frees it; NULL is fine. */
void fetch_http_close(struct fetch_http *http);

/* GETs url, sending If-None-Match and If-Modified-Since when they are not
 * "". Fills *response (free it with fetch_response_free()); returns true
 * when an answer came whole, whatever its status. */
bool fetch_http_get(struct fetch_http *http, const char *url, const char *if_none_match,
                    const char *if_modified_since, struct fetch_response *response);

/* libcurl's version and its TLS library, as "libcurl/7.88.1 OpenSSL/3.0.11 ...". */
const char *fetch_http_version(void);

/* Frees the response's buffers and zeroes it. */
void fetch_response_free(struct fetch_response *response);

#endif
