/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Test helpers shared by the tests that write files. */
#ifndef HALLSCREEN_TEST_TEMP_H
#define HALLSCREEN_TEST_TEMP_H

/* The six characters mkdtemp() replaces, at the end of a template. */
#define TEMP_SUFFIX                                                                                \
    "XX"                                                                                           \
    "XX"                                                                                           \
    "XX"

#endif
