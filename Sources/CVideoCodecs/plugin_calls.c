// The functions of CVideoCodecs.h, each a call through the media plugin's table (CMediaCodecs'
// plugin_loader.c). When the plugin cannot be loaded, each fails with PARLEY_AV_NO_PLUGIN and the loader's
// reason as its message.
#include "CVideoCodecs.h"
#include "MediaPluginTable.h"
#include <stdio.h>

/// PARLEY_AV_NO_PLUGIN, with why the plugin did not load in `message`.
static int no_plugin(char *message, size_t message_size) {
    parley_media_plugin_load(NULL, message, message_size);
    return PARLEY_AV_NO_PLUGIN;
}

int parley_av_errno(int code) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->av_errno(code) : 0;
}

int parley_video_open(const char *input_format, const char *url, int64_t max_pixels, parley_video **video,
                      char *message, size_t message_size) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    if (!plugin) return no_plugin(message, message_size);
    return plugin->video_open(input_format, url, max_pixels, video, message, message_size);
}

// A video exists only once the plugin opened it, so the functions taking one find the plugin loaded.

void parley_video_describe(const parley_video *video, parley_video_info *info) {
    parley_media_plugin_table()->video_describe(video, info);
}

int parley_video_next(parley_video *video, char *message, size_t message_size) {
    return parley_media_plugin_table()->video_next(video, message, message_size);
}

void parley_video_frame_size(const parley_video *video, int *width, int *height) {
    parley_media_plugin_table()->video_frame_size(video, width, height);
}

int64_t parley_video_frame_time_us(const parley_video *video) {
    return parley_media_plugin_table()->video_frame_time_us(video);
}

int parley_video_scale(parley_video *video, int width, int height, unsigned char *rgb) {
    return parley_media_plugin_table()->video_scale(video, width, height, rgb);
}

void parley_video_interrupt(parley_video *video) { parley_media_plugin_table()->video_interrupt(video); }

void parley_video_close(parley_video *video) { parley_media_plugin_table()->video_close(video); }

int parley_audio_scan(const char *path, int columns, double max_seconds, float *peaks, parley_audio_info *info,
                      char *message, size_t message_size) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    if (!plugin) return no_plugin(message, message_size);
    return plugin->audio_scan(path, columns, max_seconds, peaks, info, message, message_size);
}

int64_t parley_media_duration_us(const char *path) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->media_duration_us(path) : -1;
}
