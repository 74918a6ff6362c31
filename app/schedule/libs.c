/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libxml2 and libcsv opened with dlopen() when a schedule is first read.
 * Rather than the readers built as a module of their own to load: they
 * stay in the core, unit-tested and fuzzed as they are, and only the few
 * functions they call go through here. */
#include "libs.h"

#include "../util/library.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <threads.h>

/* The sonames the program is built against (Debian 12: libxml2 and
 * libcsv3, named in the package's Depends, which shlibs cannot see). */
#define XML_LIBRARY "libxml2.so.2"
#define CSV_LIBRARY "libcsv.so.3"

static struct schedule_xml_lib xml;
static struct schedule_csv_lib csv;
static bool xml_ok, csv_ok;
static char xml_why[160], csv_why[160];
static once_flag xml_once = ONCE_FLAG_INIT, csv_once = ONCE_FLAG_INIT;

static void load_xml(void)
{
    void *h = library_open(XML_LIBRARY, "libxml2", xml_why, sizeof xml_why);
    xml_ok = h && LIBRARY_RESOLVE(h, xml, read_memory, "xmlReadMemory") &&
             LIBRARY_RESOLVE(h, xml, last_error, "xmlGetLastError") &&
             LIBRARY_RESOLVE(h, xml, root_element, "xmlDocGetRootElement") &&
             LIBRARY_RESOLVE(h, xml, line_number, "xmlGetLineNo") &&
             LIBRARY_RESOLVE(h, xml, free_doc, "xmlFreeDoc");
    if (h && !xml_ok)
        snprintf(xml_why, sizeof xml_why, "%s lacks a function: %s", XML_LIBRARY, dlerror());
}

static void load_csv(void)
{
    void *h = library_open(CSV_LIBRARY, "libcsv3", csv_why, sizeof csv_why);
    csv_ok = h && LIBRARY_RESOLVE(h, csv, init, "csv_init") &&
             LIBRARY_RESOLVE(h, csv, set_delim, "csv_set_delim") &&
             LIBRARY_RESOLVE(h, csv, parse, "csv_parse") &&
             LIBRARY_RESOLVE(h, csv, fini, "csv_fini") &&
             LIBRARY_RESOLVE(h, csv, error, "csv_error") &&
             LIBRARY_RESOLVE(h, csv, strerror, "csv_strerror") &&
             LIBRARY_RESOLVE(h, csv, free, "csv_free");
    if (h && !csv_ok)
        snprintf(csv_why, sizeof csv_why, "%s lacks a function: %s", CSV_LIBRARY, dlerror());
}

const struct schedule_xml_lib *schedule_libs_xml(char *why, size_t why_size)
{
    call_once(&xml_once, load_xml);
    if (!xml_ok)
        snprintf(why, why_size, "%s", xml_why);
    return xml_ok ? &xml : NULL;
}

const struct schedule_csv_lib *schedule_libs_csv(char *why, size_t why_size)
{
    call_once(&csv_once, load_csv);
    if (!csv_ok)
        snprintf(why, why_size, "%s", csv_why);
    return csv_ok ? &csv : NULL;
}
