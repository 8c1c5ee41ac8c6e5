// Helpers the FFmpeg shims of the media plugin share; not part of its table.
#ifndef PARLEY_AV_COMMON_H
#define PARLEY_AV_COMMON_H
#include <stddef.h>

/// Once per process: FFmpeg's logging silenced (the terminal UI owns stderr) and its devices registered.
void parley_av_setup(void);

/// Writes FFmpeg's words for `code` into `message` and returns `code`.
int parley_av_message(int code, char *message, size_t message_size);

/// parley_av_message, after closing `object` with `close`.
int parley_av_fail(int code, char *message, size_t message_size, void *object, void (*close)(void *));

#endif
