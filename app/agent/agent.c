/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hallscreen-agent: one screen of the venue's fleet over MQTT
 * (libmosquitto). What comes for the overlay files is checked by the show's
 * own parsers and written whole into the overlay folder; commands go to the
 * show's control socket; the show's status file goes out, retained, when it
 * changes and every FLEET_STATUS_EVERY_MS. One thread: libmosquitto's
 * mosquitto_loop() waits on the connection, a short while at a time. */
#include "fleet.h"
#include "settings.h"

#include "../limits.h"
#include "../util/file_read.h"
#include "../util/file_write.h"
#include "../util/hash.h"
#include "../util/str.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <mosquitto.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#ifndef HALLSCREEN_VERSION
#define HALLSCREEN_VERSION "0.0"
#endif

/* A payload kept for an overlay file. */
struct held {
    char *data;
    size_t size;
    bool confirmed; /* sent (again) since the last connection began */
};

struct agent {
    struct agent_settings set;
    struct mosquitto *mosq;
    char password[512];
    bool connected;          /* the broker accepted us */
    bool linked;             /* a connection is up or being made */
    bool ever_linked;        /* mosquitto_connect() was called once */
    int retry_wait_ms;       /* the last wait before connecting again */
    int64_t retry_at_ms;     /* when to try next */
    int64_t retained_due_ms; /* when unconfirmed retained files count as gone; 0: not waiting */
    bool overlay_synced;     /* the overlay was brought to what the broker holds once */
    struct held own[8], all[8];
    /* the status file as last seen and published */
    struct stat status_seen;
    bool status_seen_ok;
    uint64_t status_hash;
    int64_t status_published_ms; /* 0: never since connecting */
    int64_t screenshot_due_ms;   /* waiting for the show's screenshot until then; 0: not */
};

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

static bool verbose;

static void say(const char *level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One line on stderr (the journal, under the unit). */
static void say(const char *level, const char *fmt, ...)
{
    if (strcmp(level, "debug") == 0 && !verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hallscreen-agent: %s: ", level);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void publish(struct agent *a, const char *what, const void *data, size_t size, bool retain)
{
    char *topic = fleet_topic_name(a->set.prefix, a->set.screen, what);
    int rc = topic && a->connected
                 ? mosquitto_publish(a->mosq, NULL, topic, (int)size, data, 1, retain)
                 : MOSQ_ERR_NO_CONN;
    if (rc != MOSQ_ERR_SUCCESS)
        say("debug", "%s: not published: %s", topic ? topic : what, mosquitto_strerror(rc));
    free(topic);
}

/* A problem with what came: logged, and told on PREFIX/screens/NAME/problem
 * (not retained), where the one who sent it can see it. */
static void report(struct agent *a, const char *line)
{
    say("warning", "%s", line);
    publish(a, "problem", line, strlen(line), false);
}

/* {"online": false, "screen": NAME[, "problem": why]}: the last will, and
 * the status while the show writes none. */
static char *offline_json(const char *screen, const char *problem)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "online", false);
    cJSON_AddStringToObject(o, "screen", screen);
    if (problem)
        cJSON_AddStringToObject(o, "problem", problem);
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return text;
}

/* The overlay file f made to hold what the screen should show: written
 * whole, or removed; left alone when it holds that already. */
static void apply(struct agent *a, size_t i)
{
    const struct overlay_file *f = &overlay_files[i];
    size_t size;
    const char *data =
        fleet_choose(a->own[i].data, a->own[i].size, a->all[i].data, a->all[i].size, &size);
    char *path = str_printf("%s/%s", a->set.overlay_dir, f->name);
    if (!path)
        return;
    size_t old_size = 0;
    char why[256];
    char *old = file_read_all(path, CONTENT_FILE_MAX_BYTES, &old_size, why, sizeof why);
    if (data && !(old && old_size == size && memcmp(old, data, size) == 0)) {
        if (file_write_atomic(path, data, size, why, sizeof why))
            say("info", "%s written (%zu bytes)", path, size);
        else
            say("error", "%s: %s", path, why);
    } else if (!data && unlink(path) == 0) {
        say("info", "%s removed", path);
    } else if (!data && errno != ENOENT) {
        say("error", "%s: cannot be removed: %s", path, strerror(errno));
    }
    free(old);
    free(path);
}

static void hold(struct held *h, const void *data, size_t size)
{
    free(h->data);
    h->data = size ? str_ndup(data, size) : NULL;
    h->size = h->data ? size : 0;
    h->confirmed = true;
}

/* Sends command to the show's control socket; false with why. */
static bool tell_show(struct agent *a, enum remote_command c, char *why, size_t why_size)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    int n = snprintf(addr.sun_path, sizeof addr.sun_path, "%s/%s", a->set.overlay_dir,
                     OVERLAY_CONTROL_NAME);
    if (n < 0 || (size_t)n >= sizeof addr.sun_path) {
        snprintf(why, why_size, "the overlay's path is too long for a socket");
        return false;
    }
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    const char *word = remote_name(c);
    bool sent = fd >= 0 && sendto(fd, word, strlen(word), MSG_DONTWAIT,
                                  (const struct sockaddr *)&addr, sizeof addr) >= 0;
    if (!sent)
        snprintf(why, why_size, "%s: %s (is the show running with --overlay %s?)", addr.sun_path,
                 strerror(errno), a->set.overlay_dir);
    if (fd >= 0)
        close(fd);
    return sent;
}

static void take_command(struct agent *a, const struct mosquitto_message *m)
{
    char why[512];
    enum remote_command c = fleet_command(m->payload, (size_t)m->payloadlen, why, sizeof why);
    if (c == REMOTE_NONE) {
        char line[600];
        snprintf(line, sizeof line, "%s: %s", m->topic, why);
        report(a, line);
        return;
    }
    char *shot = str_printf("%s/%s", a->set.overlay_dir, OVERLAY_SCREENSHOT_NAME);
    if (c == REMOTE_SCREENSHOT && shot)
        unlink(shot); /* the show writes it afresh: its appearing says it is done */
    free(shot);
    if (!tell_show(a, c, why, sizeof why)) {
        char line[600];
        snprintf(line, sizeof line, "%s: %s: %s", m->topic, remote_name(c), why);
        report(a, line);
        return;
    }
    say("info", "command %s passed to the show", remote_name(c));
    if (c == REMOTE_SCREENSHOT)
        a->screenshot_due_ms = now_ms() + FLEET_SCREENSHOT_WAIT_MS;
}

static void on_message(struct mosquitto *mosq, void *obj, const struct mosquitto_message *m)
{
    (void)mosq;
    struct agent *a = obj;
    struct fleet_topic t = fleet_topic_parse(a->set.prefix, a->set.screen, m->topic);
    say("debug", "%s: %d bytes%s", m->topic, m->payloadlen, m->retain ? ", retained" : "");
    if (t.kind == FLEET_COMMAND) {
        take_command(a, m);
        return;
    }
    if (t.kind == FLEET_OTHER)
        return;
    size_t i = (size_t)(t.file - overlay_files);
    struct held *h = t.kind == FLEET_FILE_SCREEN ? &a->own[i] : &a->all[i];
    char why[700];
    if (!fleet_payload_ok(t.file, m->topic, m->payload, (size_t)m->payloadlen, why, sizeof why)) {
        h->confirmed = true; /* the last good one stays */
        report(a, why);
        return;
    }
    hold(h, m->payload, (size_t)m->payloadlen);
    apply(a, i);
}

static void subscribe(struct agent *a)
{
    char *topics[2 * 8 + 1];
    int count = 0;
    for (size_t i = 0; i < overlay_file_count; i++) {
        topics[count++] = fleet_topic_name(a->set.prefix, NULL, overlay_files[i].topic);
        topics[count++] = fleet_topic_name(a->set.prefix, a->set.screen, overlay_files[i].topic);
    }
    topics[count++] = fleet_topic_name(a->set.prefix, a->set.screen, "command");
    bool complete = true;
    for (int i = 0; i < count; i++)
        complete &= topics[i] != NULL;
    int rc = complete ? mosquitto_subscribe_multiple(a->mosq, NULL, count, topics, 1, 0, NULL)
                      : MOSQ_ERR_NOMEM;
    if (rc != MOSQ_ERR_SUCCESS)
        say("error", "cannot subscribe: %s", mosquitto_strerror(rc));
    for (int i = 0; i < count; i++)
        free(topics[i]);
}

static void on_connect(struct mosquitto *mosq, void *obj, int rc)
{
    (void)mosq;
    struct agent *a = obj;
    if (rc != 0) {
        say("error", "%s:%d refused the connection: %s%s", a->set.host, a->set.port,
            mosquitto_connack_string(rc),
            rc == 4 || rc == 5 ? " (check --username and --password-file)" : "");
        return;
    }
    say("info", "connected to %s:%d as screen %s", a->set.host, a->set.port, a->set.screen);
    a->connected = true;
    a->retry_wait_ms = 0;
    a->status_published_ms = 0; /* publish at once */
    for (size_t i = 0; i < overlay_file_count; i++)
        a->own[i].confirmed = a->all[i].confirmed = false;
    subscribe(a);
}

static void on_subscribe(struct mosquitto *mosq, void *obj, int mid, int count, const int *qos)
{
    (void)mosq;
    (void)mid;
    struct agent *a = obj;
    for (int i = 0; i < count; i++)
        if (qos[i] > 2)
            say("warning", "the broker refused a subscription: does its ACL let this screen "
                           "read the alert, rooms and command topics?");
    a->retained_due_ms = now_ms() + FLEET_RETAINED_WAIT_MS;
}

static void on_disconnect(struct mosquitto *mosq, void *obj, int rc)
{
    (void)mosq;
    struct agent *a = obj;
    if (a->connected && !stopping)
        say("warning", "lost the broker (%s): the screen keeps what it shows",
            mosquitto_strerror(rc));
    a->connected = false;
}

/* Retained files the broker no longer holds (cleared while we were away)
 * are cleared here too, once it has had time to send them. */
static void forget_unconfirmed(struct agent *a, int64_t now)
{
    if (!a->retained_due_ms || now < a->retained_due_ms)
        return;
    a->retained_due_ms = 0;
    for (size_t i = 0; i < overlay_file_count; i++) {
        bool gone = !a->overlay_synced; /* files left from before the agent started */
        struct held *both[] = {&a->own[i], &a->all[i]};
        for (size_t k = 0; k < 2; k++)
            if (!both[k]->confirmed && both[k]->data) {
                hold(both[k], NULL, 0);
                gone = true;
            }
        if (gone)
            apply(a, i);
    }
    a->overlay_synced = true;
}

/* The show's status file, published when it changed, and every
 * FLEET_STATUS_EVERY_MS anyway. */
static void follow_status(struct agent *a, int64_t now)
{
    if (!a->connected)
        return;
    struct stat st;
    bool there = stat(a->set.status_path, &st) == 0;
    bool same =
        there == a->status_seen_ok &&
        (!there || (st.st_ino == a->status_seen.st_ino && st.st_size == a->status_seen.st_size &&
                    st.st_mtim.tv_sec == a->status_seen.st_mtim.tv_sec &&
                    st.st_mtim.tv_nsec == a->status_seen.st_mtim.tv_nsec));
    bool due = !a->status_published_ms || now - a->status_published_ms >= FLEET_STATUS_EVERY_MS;
    if (same && !due)
        return;
    a->status_seen_ok = there;
    if (there)
        a->status_seen = st;
    char why[256] = "";
    size_t size = 0;
    char *text =
        there ? file_read_all(a->set.status_path, CONTENT_FILE_MAX_BYTES, &size, why, sizeof why)
              : NULL;
    if (!text) {
        char problem[600];
        snprintf(problem, sizeof problem, "no status file at %s%s%s", a->set.status_path,
                 why[0] ? ": " : "", why);
        text = offline_json(a->set.screen, problem);
        size = text ? strlen(text) : 0;
    }
    uint64_t h = hash_bytes(HASH_START, text ? text : "", size);
    if (text && (due || h != a->status_hash)) {
        publish(a, "status", text, size, true);
        a->status_hash = h;
        a->status_published_ms = now;
    }
    free(text);
}

/* The show's screenshot, once it is there, published. */
static void follow_screenshot(struct agent *a, int64_t now)
{
    if (!a->screenshot_due_ms)
        return;
    char *path = str_printf("%s/%s", a->set.overlay_dir, OVERLAY_SCREENSHOT_NAME);
    size_t size = 0;
    char why[256];
    char *png = path && access(path, F_OK) == 0
                    ? file_read_all(path, FLEET_SCREENSHOT_MAX_BYTES, &size, why, sizeof why)
                    : NULL;
    if (png) {
        publish(a, "screenshot", png, size, false);
        say("info", "screenshot published (%zu bytes)", size);
        a->screenshot_due_ms = 0;
    } else if (now >= a->screenshot_due_ms) {
        char line[400];
        snprintf(line, sizeof line, "screenshot: the show wrote none to %s within %d s",
                 path ? path : OVERLAY_SCREENSHOT_NAME, FLEET_SCREENSHOT_WAIT_MS / 1000);
        report(a, line);
        a->screenshot_due_ms = 0;
    }
    free(png);
    free(path);
}

/* Connects, or connects again once the backoff has passed. */
static void follow_connection(struct agent *a, int64_t now)
{
    if (a->linked || now < a->retry_at_ms)
        return;
    int rc = a->ever_linked
                 ? mosquitto_reconnect(a->mosq)
                 : mosquitto_connect(a->mosq, a->set.host, a->set.port, FLEET_KEEPALIVE_S);
    a->ever_linked = true;
    if (rc == MOSQ_ERR_SUCCESS) {
        a->linked = true;
        return;
    }
    a->retry_wait_ms = fleet_backoff_ms(a->retry_wait_ms);
    a->retry_at_ms = now + a->retry_wait_ms;
    say("warning", "cannot reach %s:%d: %s: trying again in %d s", a->set.host, a->set.port,
        rc == MOSQ_ERR_ERRNO ? strerror(errno) : mosquitto_strerror(rc), a->retry_wait_ms / 1000);
}

/* One turn: the connection served for up to FLEET_STATUS_LOOK_MS. */
static void serve(struct agent *a)
{
    follow_connection(a, now_ms());
    if (!a->linked) {
        poll(NULL, 0, FLEET_STATUS_LOOK_MS);
        return;
    }
    int rc = mosquitto_loop(a->mosq, FLEET_STATUS_LOOK_MS, 1);
    if (rc != MOSQ_ERR_SUCCESS && !stopping) {
        a->linked = a->connected = false;
        a->retry_wait_ms = fleet_backoff_ms(a->retry_wait_ms);
        a->retry_at_ms = now_ms() + a->retry_wait_ms;
        say("warning", "connection to %s:%d ended (%s): trying again in %d s", a->set.host,
            a->set.port, rc == MOSQ_ERR_ERRNO ? strerror(errno) : mosquitto_strerror(rc),
            a->retry_wait_ms / 1000);
    }
}

/* The password file's first line; false after saying why. */
static bool read_password(struct agent *a)
{
    if (!a->set.password_file)
        return true;
    char why[256];
    size_t size;
    char *text =
        file_read_all(a->set.password_file, sizeof a->password - 1, &size, why, sizeof why);
    if (!text) {
        say("error", "--password-file %s: %s", a->set.password_file, why);
        return false;
    }
    text[strcspn(text, "\r\n")] = '\0';
    snprintf(a->password, sizeof a->password, "%s", text);
    free(text);
    return true;
}

/* The client, its login, TLS and last will; false after saying why. */
static bool make_client(struct agent *a)
{
    char *id = str_printf("hallscreen-agent:%s:%s", a->set.prefix, a->set.screen);
    a->mosq = id ? mosquitto_new(id, true, a) : NULL;
    free(id);
    if (!a->mosq) {
        say("error", "cannot make an MQTT client: %s", strerror(errno));
        return false;
    }
    mosquitto_int_option(a->mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    mosquitto_connect_callback_set(a->mosq, on_connect);
    mosquitto_disconnect_callback_set(a->mosq, on_disconnect);
    mosquitto_message_callback_set(a->mosq, on_message);
    mosquitto_subscribe_callback_set(a->mosq, on_subscribe);
    int rc = MOSQ_ERR_SUCCESS;
    if (a->set.username)
        rc = mosquitto_username_pw_set(a->mosq, a->set.username,
                                       a->set.password_file ? a->password : NULL);
    if (rc == MOSQ_ERR_SUCCESS && a->set.cafile)
        rc = mosquitto_tls_set(a->mosq, a->set.cafile, NULL, NULL, NULL, NULL);
    if (rc != MOSQ_ERR_SUCCESS) {
        say("error", "%s: %s", a->set.cafile ? "--cafile" : "--username",
            rc == MOSQ_ERR_ERRNO ? strerror(errno) : mosquitto_strerror(rc));
        return false;
    }
    char *will_topic = fleet_topic_name(a->set.prefix, a->set.screen, "status");
    char *will = offline_json(a->set.screen, NULL);
    rc = will_topic && will
             ? mosquitto_will_set(a->mosq, will_topic, (int)strlen(will), will, 1, true)
             : MOSQ_ERR_NOMEM;
    free(will_topic);
    free(will);
    if (rc != MOSQ_ERR_SUCCESS)
        say("warning", "no last will: %s", mosquitto_strerror(rc));
    return true;
}

/* Says goodbye as the last will would have: the screen is offline. */
static void leave(struct agent *a)
{
    if (a->connected) {
        char *text = offline_json(a->set.screen, "the agent stopped");
        if (text)
            publish(a, "status", text, strlen(text), true);
        free(text);
        for (int i = 0; i < 5; i++)
            mosquitto_loop(a->mosq, 50, 1);
        mosquitto_disconnect(a->mosq);
    }
    for (size_t i = 0; i < overlay_file_count; i++) {
        hold(&a->own[i], NULL, 0);
        hold(&a->all[i], NULL, 0);
    }
    mosquitto_destroy(a->mosq);
}

static const char *get_env(const char *name)
{
    return getenv(name);
}

int main(int argc, char **argv)
{
    static struct agent a;
    char err[512];
    if (!agent_settings_parse(argc, argv, get_env, &a.set, err, sizeof err)) {
        fprintf(stderr, "hallscreen-agent: %s\n", err);
        return 2;
    }
    if (a.set.help || a.set.version) {
        fputs(a.set.help ? agent_settings_usage : "hallscreen-agent " HALLSCREEN_VERSION "\n",
              stdout);
        return 0;
    }
    verbose = a.set.verbose;
    struct sigaction sa = {.sa_handler = on_stop};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    if (overlay_file_count > sizeof a.own / sizeof *a.own) {
        say("error", "more overlay files than the agent keeps");
        return 1;
    }
    if (mkdir(a.set.overlay_dir, 0750) != 0 && errno != EEXIST) {
        say("error", "--overlay %s: %s", a.set.overlay_dir, strerror(errno));
        return 1;
    }
    mosquitto_lib_init();
    int status = 1;
    if (read_password(&a) && make_client(&a)) {
        status = 0;
        while (!stopping) {
            serve(&a);
            int64_t now = now_ms();
            forget_unconfirmed(&a, now);
            follow_status(&a, now);
            follow_screenshot(&a, now);
        }
        leave(&a);
    } else if (a.mosq) {
        mosquitto_destroy(a.mosq);
    }
    mosquitto_lib_cleanup();
    return status;
}
