# SPDX-License-Identifier: GPL-2.0-or-later
# A fleet on this machine, for agent_test.sh and the fleet benchmark:
# Debian's mosquitto on 127.0.0.1 with its own configuration (a password
# file, the README's ACL, persistence, and a TLS listener with a CA made
# here), and screens: hallscreen headless with --status and --overlay, and
# a hallscreen-agent each. Sourced, not run; needs $bin, $agent, $tmp.
prefix=hs/ev
password=secret-word
broker_pid=

# free_port: a TCP port free on 127.0.0.1 now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# make_ca: a CA and the broker's certificate for 127.0.0.1, in $tmp/tls.
make_ca() {
    d="$tmp/tls"
    mkdir -p "$d"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=fleet test CA" \
        -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
        -keyout "$d/broker.key" -out "$d/broker.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1\n' >"$d/ext"
    openssl x509 -req -in "$d/broker.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
        -days 2 -extfile "$d/ext" -out "$d/broker.crt" 2>/dev/null
    chmod 644 "$d/broker.key"
}

# make_broker USERS...: the configuration, the users (each with $password,
# and "staff") and the ACL; ports in $port and $tls_port.
make_broker() {
    port=$(free_port)
    tls_port=$(free_port)
    mkdir -p "$tmp/broker"
    : >"$tmp/broker/passwd"
    for user in staff "$@"; do
        mosquitto_passwd -b "$tmp/broker/passwd" "$user" "$password"
    done
    printf '%s\n' "$password" >"$tmp/password"
    printf 'not-the-password\n' >"$tmp/wrong-password"
    # The ACL of the README's fleet section.
    cat >"$tmp/broker/acl" <<ACL
user staff
topic readwrite $prefix/#

pattern read $prefix/alert
pattern read $prefix/rooms
pattern read $prefix/screens/%u/alert
pattern read $prefix/screens/%u/rooms
pattern read $prefix/screens/%u/command
pattern write $prefix/screens/%u/status
pattern write $prefix/screens/%u/screenshot
pattern write $prefix/screens/%u/problem
ACL
    make_ca
    cat >"$tmp/broker/mosquitto.conf" <<CONF
per_listener_settings false
user $(id -un)
allow_anonymous false
password_file $tmp/broker/passwd
acl_file $tmp/broker/acl
persistence true
persistence_location $tmp/broker/
log_dest file $tmp/broker/log
listener $port 127.0.0.1
listener $tls_port 127.0.0.1
cafile $tmp/tls/ca.crt
certfile $tmp/tls/broker.crt
keyfile $tmp/tls/broker.key
CONF
}

# start_broker: mosquitto started, and listening.
start_broker() {
    /usr/sbin/mosquitto -c "$tmp/broker/mosquitto.conf" >>"$tmp/broker/out" 2>&1 &
    broker_pid=$!
    eventually mosquitto_sub -h 127.0.0.1 -p "$port" -u staff -P "$password" -t probe -W 1 -E \
        2>/dev/null
}

# stop_broker: mosquitto ended (it writes its retained messages to disk).
stop_broker() {
    [ -n "$broker_pid" ] && kill "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null
    broker_pid=
}

# staff_pub ARGS...: mosquitto_pub as the staff user.
staff_pub() {
    mosquitto_pub -h 127.0.0.1 -p "$port" -u staff -P "$password" -q 1 "$@"
}

# content_folder DIR TITLE: a small show: two headline slides.
content_folder() {
    mkdir -p "$1/slides"
    printf 'name: Fleet test\n' >"$1/event.yaml"
    printf 'kind: headline\ntitle: %s\n' "$2" >"$1/slides/01-first.yaml"
    printf 'kind: headline\ntitle: Second slide\n' >"$1/slides/02-second.yaml"
}

# start_show NAME: the show of screen NAME, headless, in $tmp/NAME.
start_show() {
    d="$tmp/$1"
    mkdir -p "$d"
    [ -d "$d/content" ] || content_folder "$d/content" "Welcome to $1"
    SDL_VIDEODRIVER=offscreen "$bin" --windowed --size 320x180 --now 2025-02-12T10:00 \
        --status "$d/status.json" --overlay "$d/overlay" "$d/content" >"$d/show.log" 2>&1 &
    echo $! >"$d/show.pid"
}

# start_agent NAME [OPTIONS...]: the agent of screen NAME, logging in as
# NAME, plain on $port unless OPTIONS say otherwise.
start_agent() {
    name_=$1
    shift
    d="$tmp/$name_"
    "$agent" --broker "127.0.0.1:$port" --prefix "$prefix" --screen "$name_" \
        --overlay "$d/overlay" --status "$d/status.json" --username "$name_" \
        --password-file "$tmp/password" "$@" >>"$d/agent.log" 2>&1 &
    echo $! >"$d/agent.pid"
}

# stop_screens: every show and agent started, ended.
stop_screens() {
    for f in "$tmp"/*/show.pid "$tmp"/*/agent.pid; do
        [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
    done
    for f in "$tmp"/*/show.pid "$tmp"/*/agent.pid; do
        [ -f "$f" ] && wait "$(cat "$f")" 2>/dev/null
        rm -f "$f"
    done
}
