/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Where the program's own files are: the folder holding assets/ and
 * content/, found from the program's location so that a build, an install
 * under any prefix and a package all find their theme. */
#ifndef HALLSCREEN_DATA_DIR_H
#define HALLSCREEN_DATA_DIR_H

/* The folder beside the program's build or bin/ folder that has assets/,
 * else the data folder it was installed with. The caller frees it; NULL
 * when memory runs out. */
char *data_dir_find(void);

/* The folder of the compiled catalogs (LANG/LC_MESSAGES/hallscreen.mo):
 * locale/ beside the program in a build tree, else under data_dir. The
 * caller frees it. */
char *data_dir_locale(const char *data_dir);

#endif
