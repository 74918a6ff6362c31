/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Calendar dates and clock times in the event's own local time, with no time
 * zone attached: parsing, validation and formatting for the screen. */
#ifndef HALLSCREEN_CIVIL_TIME_H
#define HALLSCREEN_CIVIL_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SECONDS_PER_DAY 86400

/* Days since 1970-01-01 of a proleptic Gregorian date (no validation). */
int64_t civil_days(int year, int month, int day);

/* Splits days since 1970-01-01 into year, month (1-12) and day (1-31). */
void civil_from_days(int64_t days, int *year, int *month, int *day);

/* Day of the week, 0 = Monday .. 6 = Sunday. */
int civil_weekday(int64_t days);

/* Parses "YYYY-MM-DD" into days since 1970; false for a malformed or
 * impossible date such as 2025-02-30. */
bool civil_parse_date(const char *s, int64_t *days);

/* Parses "HH:MM" (00:00 to 23:59) into minutes after midnight. */
bool civil_parse_clock(const char *s, int *minutes);

/* Parses "YYYY-MM-DDTHH:MM" (a space may stand for the T; ":SS" may follow)
 * into seconds since 1970-01-01 00:00. */
bool civil_parse_datetime(const char *s, int64_t *seconds);

/* "Wednesday 12 February 2025", in lang (see tr(); NULL: English). */
void civil_format_date(int64_t days, const char *lang, char *buf, size_t size);

/* "10–12 February 2025", "28 February – 2 March 2025", "12 February 2025"
 * for a single day, in lang. */
void civil_format_date_range(int64_t first, int64_t last, const char *lang, char *buf, size_t size);

/* "09:30" */
void civil_format_clock(int minutes, char *buf, size_t size);

/* The footer clock: "Wed 12 Feb 2025  10:00", in lang. */
void civil_format_moment(int64_t seconds, const char *lang, char *buf, size_t size);

#endif
