/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Downloads with libcurl's easy interface. */
#include "fetch_http.h"

#include "../util/str.h"

#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fetch_http {
    CURL *curl;
    struct fetch_http_options options;
};

/* The body being received, and why it was refused when it was. */
struct body {
    char *data;
    size_t size, capacity, max;
    bool too_large;
};

static size_t receive(char *data, size_t size, size_t count, void *context)
{
    struct body *b = context;
    size_t n = size * count;
    if (n > b->max - b->size) {
        b->too_large = true;
        return 0; /* ends the download */
    }
    if (b->size + n + 1 > b->capacity) {
        size_t capacity = (b->size + n + 1) * 2;
        capacity = capacity > b->max + 1 ? b->max + 1 : capacity;
        char *grown = realloc(b->data, capacity);
        if (!grown)
            return 0;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->size, data, n);
    b->size += n;
    b->data[b->size] = '\0';
    return n;
}

/* True when SIGTERM or SIGINT waits to be taken: the download ends. */
static bool stop_pending(void)
{
    sigset_t pending;
    return sigpending(&pending) == 0 &&
           (sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1);
}

static int progress(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                    curl_off_t ulnow)
{
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    bool *stopped = context;
    *stopped = stop_pending();
    return *stopped; /* non-zero ends the download */
}

struct fetch_http *fetch_http_open(const struct fetch_http_options *options)
{
    static bool initialised;
    if (!initialised && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return NULL;
    initialised = true;
    struct fetch_http *http = calloc(1, sizeof *http);
    if (!http)
        return NULL;
    http->options = *options;
    http->curl = curl_easy_init();
    if (!http->curl) {
        free(http);
        return NULL;
    }
    return http;
}

void fetch_http_close(struct fetch_http *http)
{
    if (!http)
        return;
    curl_easy_cleanup(http->curl);
    free(http);
}

const char *fetch_http_version(void)
{
    return curl_version();
}

void fetch_response_free(struct fetch_response *r)
{
    free(r->body);
    free(r->etag);
    free(r->last_modified);
    memset(r, 0, sizeof *r);
}

/* A header of the last answer (after redirects), copied; NULL when absent. */
static char *answer_header(CURL *curl, const char *name)
{
    struct curl_header *h = NULL;
    if (curl_easy_header(curl, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h || !h->value)
        return NULL;
    return str_dup(h->value);
}

/* Why the download failed, in words an operator can act on. */
static void explain(const struct fetch_http *http, CURLcode code, const struct body *body,
                    const char *detail, char *why, size_t size)
{
    const struct fetch_http_options *o = &http->options;
    if (body->too_large)
        snprintf(why, size, "larger than %zu MB: refused (a schedule is a few MB)",
                 o->max_bytes >> 20);
    else if (code == CURLE_FILESIZE_EXCEEDED)
        snprintf(why, size,
                 "the server announces more than %zu MB: refused (a schedule is a "
                 "few MB)",
                 o->max_bytes >> 20);
    else if (code == CURLE_OPERATION_TIMEDOUT)
        snprintf(why, size, "no whole answer within %ld s (%s)", o->timeout_s,
                 detail[0] ? detail : curl_easy_strerror(code));
    else if (code == CURLE_TOO_MANY_REDIRECTS)
        snprintf(why, size, "more than %d redirects: the address leads around in circles",
                 o->max_redirects);
    else if (code == CURLE_BAD_CONTENT_ENCODING)
        snprintf(why, size,
                 "the server says it is compressed (Content-Encoding), but it is not: a "
                 "fault of the server or of a proxy (%s)",
                 detail[0] ? detail : curl_easy_strerror(code));
    else if (code == CURLE_PARTIAL_FILE)
        snprintf(why, size, "the download was cut short (%s)",
                 detail[0] ? detail : curl_easy_strerror(code));
    else
        snprintf(why, size, "%s", detail[0] ? detail : curl_easy_strerror(code));
}

bool fetch_http_get(struct fetch_http *http, const char *url, const char *if_none_match,
                    const char *if_modified_since, struct fetch_response *r)
{
    memset(r, 0, sizeof *r);
    const struct fetch_http_options *o = &http->options;
    CURL *curl = http->curl;
    struct body body = {.max = o->max_bytes};
    char detail[CURL_ERROR_SIZE] = "";
    struct curl_slist *headers = NULL;
    char *line = NULL;
    if (if_none_match[0] && (line = str_printf("If-None-Match: %s", if_none_match)))
        headers = curl_slist_append(headers, line);
    free(line);
    line = NULL;
    if (if_modified_since[0] && (line = str_printf("If-Modified-Since: %s", if_modified_since)))
        headers = curl_slist_append(headers, line);
    free(line);
    bool https = strncmp(url, "https://", 8) == 0;

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    /* a redirect never leads from https to plain http */
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, (long)o->max_redirects);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, o->connect_timeout_s);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o->timeout_s);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, o->user_agent);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); /* gzip and the like, as libcurl has */
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (o->cafile)
        curl_easy_setopt(curl, CURLOPT_CAINFO, o->cafile);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &r->stopped);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);

    CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, NULL);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, NULL);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        if (r->stopped)
            snprintf(r->error, sizeof r->error, "stopped");
        else
            explain(http, code, &body, detail, r->error, sizeof r->error);
        free(body.data);
        return false;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
    r->body = body.data ? body.data : str_dup("");
    r->size = body.size;
    r->etag = answer_header(curl, "ETag");
    r->last_modified = answer_header(curl, "Last-Modified");
    return true;
}
