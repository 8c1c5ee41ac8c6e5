#ifndef PARLEY_MEDIA_FIXTURES_H
#define PARLEY_MEDIA_FIXTURES_H

// Writes short videos and sounds with FFmpeg's encoders, for tests and benchmarks that make their own media.
// The container follows the file's extension (.mp4, .webm, .mkv, .mp3, .m4a, .opus, ...). 0 on success, or a
// negative FFmpeg code with its words in `message`.

#include <stddef.h>

/// `frames` frames of a moving colour pattern at `rate` a second, encoded with `video_codec` (e.g. "libx264",
/// "libvpx-vp9", "mpeg4"); with `audio_codec` non-NULL, a tone of the same length beside it.
int parley_write_video(const char *path, const char *video_codec, int width, int height, int frames, int rate,
                       const char *audio_codec, char *message, size_t message_size);

/// `seconds` of a tone whose loudness rises from silence to full, encoded with `codec` (e.g. "libmp3lame",
/// "aac", "libopus").
int parley_write_sound(const char *path, const char *codec, int sample_rate, int channels, double seconds,
                       char *message, size_t message_size);

#endif
