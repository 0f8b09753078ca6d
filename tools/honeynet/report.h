/* Error and progress messages, all prefixed with the program's name. */
#ifndef REPORT_H
#define REPORT_H

void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void report_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
