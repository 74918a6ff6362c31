#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Legibility from the back of the hall, a figure rather than a test: renders
# a show at 1920x1080, shrinks each slide to a half and a quarter (the
# screen seen from two and four times as far) and reports the share of the
# words tesseract reads at full size that it still reads.
# Usage: legibility.sh path/to/hallscreen CONTENT_DIR [--now YYYY-MM-DDTHH:MM]
# Needs tesseract-ocr (with tesseract-ocr-rus, -kaz and -ara for shows in
# those languages) and imagemagick.
set -eu
bin=$1
content=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --render "$tmp/full" --size 1920x1080 "$@" "$content" >/dev/null

# The languages of the show that tesseract has models for (tesseract-ocr-rus,
# -kaz, -ara): English alone reads no Cyrillic or Arabic word.
langs=$(tesseract --list-langs 2>/dev/null | grep -xE 'eng|rus|kaz|ara' | paste -sd+)
export LC_ALL=C.UTF-8

# words FILE: the words of three letters or more tesseract reads, one per line.
words() {
    tesseract "$1" - -l "${langs:-eng}" 2>/dev/null | grep -oE '[[:alnum:]]{3,}' |
        sed 's/.*/\L&/' | sort -u
}

total_full=0 total_half=0 total_quarter=0
for slide in "$tmp"/full/*.png; do
    name=$(basename "$slide" .png)
    words "$slide" >"$tmp/full.txt"
    convert "$slide" -resize 50% "$tmp/half.png"
    convert "$slide" -resize 25% "$tmp/quarter.png"
    words "$tmp/half.png" >"$tmp/half.txt"
    words "$tmp/quarter.png" >"$tmp/quarter.txt"
    full=$(wc -l <"$tmp/full.txt")
    half=$(comm -12 "$tmp/full.txt" "$tmp/half.txt" | wc -l)
    quarter=$(comm -12 "$tmp/full.txt" "$tmp/quarter.txt" | wc -l)
    total_full=$((total_full + full))
    total_half=$((total_half + half))
    total_quarter=$((total_quarter + quarter))
    [ "$full" -gt 0 ] || full=1
    echo "$name: $full words; at half size $((100 * half / full)) %, at a quarter $((100 * quarter / full)) %"
done
[ "$total_full" -gt 0 ] || total_full=1
echo "all slides: $total_full words; at half size $((100 * total_half / total_full)) %, at a quarter $((100 * total_quarter / total_full)) %"
