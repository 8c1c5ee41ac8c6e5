// The table the app receives: the shims of the other files here, by the names CMediaCodecs.h and
// CVideoCodecs.h give them (hidden in this library, so they never bind to the app's calls of the same name).
#include "ParleyMediaPlugin.h"
#include "CVideoCodecs.h"
#include "MediaPluginTable.h"

static const parley_media_plugin table = {
    .version = PARLEY_MEDIA_PLUGIN_VERSION,
    .image_probe = parley_image_probe,
    .image_decode = parley_image_decode,
    .image_free = parley_image_free,
    .image_failure = parley_image_failure,
    .jpeg_decode = parley_jpeg_decode,
    .jpeg_failure = parley_jpeg_failure,
    .jpeg_encode = parley_jpeg_encode,
    .jpeg_free = parley_jpeg_free,
    .fit_box = parley_fit_box,
    .render_cells = parley_render_cells,
    .sound_open = parley_sound_open,
    .sound_read = parley_sound_read,
    .sound_close = parley_sound_close,
    .av_errno = parley_av_errno,
    .video_open = parley_video_open,
    .video_describe = parley_video_describe,
    .video_next = parley_video_next,
    .video_frame_size = parley_video_frame_size,
    .video_frame_time_us = parley_video_frame_time_us,
    .video_scale = parley_video_scale,
    .video_interrupt = parley_video_interrupt,
    .video_close = parley_video_close,
    .audio_scan = parley_audio_scan,
    .media_duration_us = parley_media_duration_us,
};

const struct parley_media_plugin *parley_media_plugin_v1(void) { return &table; }
