#ifndef PARLEY_MEDIA_PLUGIN_TABLE_H
#define PARLEY_MEDIA_PLUGIN_TABLE_H

// What the media plugin (libParleyMediaPlugin.so, Sources/ParleyMediaPlugin) hands the app: one pointer to
// each function of CMediaCodecs.h and CVideoCodecs.h. The app links none of FFmpeg, chafa, glib, libjpeg or
// libsndfile (with what they pull in, about two hundred shared libraries); it loads the plugin, and with it
// those, the first time a preview, a sound, a video or the camera is asked for.

#include "CMediaCodecs.h"

// Only pointers to these cross the table, so CVideoCodecs.h need not be seen here.
struct parley_video;
struct parley_video_info;
struct parley_audio_info;

/// Raised whenever a function is added, removed or changes its signature; the app refuses another version.
#define PARLEY_MEDIA_PLUGIN_VERSION 1
/// The one symbol the plugin exports: `const parley_media_plugin *parley_media_plugin_v1(void)`.
#define PARLEY_MEDIA_PLUGIN_ENTRY "parley_media_plugin_v1"

typedef struct parley_media_plugin {
    int version;

    // Images (CMediaCodecs.h)
    parley_probe_result (*image_probe)(const char *path, unsigned int *width, unsigned int *height);
    unsigned char *(*image_decode)(const char *path, int channels, size_t max_allocation, int *width, int *height);
    void (*image_free)(unsigned char *pixels);
    const char *(*image_failure)(void);
    parley_jpeg_status (*jpeg_decode)(const char *path, size_t max_pixels, int box_columns, int box_rows,
                                      parley_jpeg_image *image);
    const char *(*jpeg_failure)(void);
    int (*jpeg_encode)(const unsigned char *rgb, int width, int height, int quality, unsigned char **jpeg,
                       unsigned long *size);
    void (*jpeg_free)(unsigned char *jpeg);
    void (*fit_box)(int width, int height, int box_columns, int box_rows, int *columns, int *rows);
    int (*render_cells)(const unsigned char *pixels, int channels, int width, int height, int columns, int rows,
                        parley_palette palette, uint32_t *symbols, int32_t *foregrounds, int32_t *backgrounds);

    // Sounds with libsndfile (CMediaCodecs.h)
    parley_sound *(*sound_open)(const char *path, parley_sound_info *info, char *message, size_t message_size);
    int64_t (*sound_read)(parley_sound *sound, float *samples, int64_t frames);
    void (*sound_close)(parley_sound *sound);

    // Video and sound through FFmpeg (CVideoCodecs.h)
    int (*av_errno)(int code);
    int (*video_open)(const char *input_format, const char *url, int64_t max_pixels, struct parley_video **video,
                      char *message, size_t message_size);
    void (*video_describe)(const struct parley_video *video, struct parley_video_info *info);
    int (*video_next)(struct parley_video *video, char *message, size_t message_size);
    void (*video_frame_size)(const struct parley_video *video, int *width, int *height);
    int64_t (*video_frame_time_us)(const struct parley_video *video);
    int (*video_scale)(struct parley_video *video, int width, int height, unsigned char *rgb);
    void (*video_interrupt)(struct parley_video *video);
    void (*video_close)(struct parley_video *video);
    int (*audio_scan)(const char *path, int columns, double max_seconds, float *peaks,
                      struct parley_audio_info *info, char *message, size_t message_size);
    int64_t (*media_duration_us)(const char *path);
} parley_media_plugin;

/// The loaded plugin's table, loading it from beside the executable on first use; NULL when it cannot be.
const parley_media_plugin *parley_media_plugin_table(void);

#endif
