#include "av_common.h"
#include "CVideoCodecs.h"
#include <libavdevice/avdevice.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <pthread.h>
#include <stdio.h>

static pthread_once_t setup_once = PTHREAD_ONCE_INIT;

static void setup(void) {
    av_log_set_level(AV_LOG_QUIET);
    avdevice_register_all();
}

void parley_av_setup(void) { pthread_once(&setup_once, setup); }

int parley_av_message(int code, char *message, size_t message_size) {
    if (message && message_size > 0 && av_strerror(code, message, message_size) < 0)
        snprintf(message, message_size, "error %d", code);
    return code;
}

int parley_av_fail(int code, char *message, size_t message_size, void *object, void (*close)(void *)) {
    parley_av_message(code, message, message_size);
    close(object);
    return code;
}

int parley_av_errno(int code) {
    // AVERROR(e) is -e for the POSIX codes; FFmpeg's own codes are tags far outside errno's range.
    return code < 0 && code > -4096 ? -code : 0;
}
