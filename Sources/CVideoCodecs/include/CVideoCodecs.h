#ifndef PARLEY_VIDEO_CODECS_H
#define PARLEY_VIDEO_CODECS_H

// The only C surface the camera and media services see of FFmpeg: a capture device or a video file opened as
// a stream of decoded frames, each scaled to RGB on request, and a sound file read in one pass for its
// waveform. Every failure is a negative code (FFmpeg's AVERROR, or one of the PARLEY_AV_ codes below) with
// a message written into the caller's buffer; nothing is printed and nothing exits.

#include <stddef.h>
#include <stdint.h>

// Codes of our own, beside FFmpeg's negative AVERROR values.
#define PARLEY_AV_NO_VIDEO (-0x50410001)    // the input holds no video stream
#define PARLEY_AV_TOO_LARGE (-0x50410002)   // the stream claims more pixels than allowed
#define PARLEY_AV_NO_DECODER (-0x50410003)  // no decoder for the stream's codec
#define PARLEY_AV_BAD_FORMAT (-0x50410004)  // frames in a pixel format that cannot be converted to RGB
#define PARLEY_AV_NO_AUDIO (-0x50410005)    // the input holds no audio stream
#define PARLEY_AV_NO_FRAME (-0x50410006)    // no frame was decoded yet
#define PARLEY_AV_TOO_LONG (-0x50410007)    // more samples than allowed were decoded
#define PARLEY_AV_NO_PLUGIN (-0x50410008)   // the media plugin (ParleyMediaPlugin.h) could not be loaded

/// The errno behind an AVERROR code (ENOENT, EBUSY, EACCES, ...), or 0 when it is not one.
int parley_av_errno(int code);

// MARK: - Video: a capture device or a file, frame by frame

typedef struct parley_video parley_video;

typedef struct parley_video_info {
    int width, height;             // of the video stream, as its header says
    double frame_rate;             // frames a second; 0 when unknown
    int64_t duration_us;           // of the whole input; negative when unknown
    char container[64];            // FFmpeg's short name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "v4l2", "lavfi"
    char video_codec[32];          // e.g. "h264", "vp9", "rawvideo"
    char pixel_format[32];         // e.g. "yuv420p", "yuyv422"
    char audio_codec[32];          // empty when there is no sound
    int audio_sample_rate, audio_channels;
} parley_video_info;

/// Opens `url` with the input format named `input_format` ("v4l2", "lavfi"; NULL guesses from the file) and
/// its first video stream's decoder. Refuses a stream claiming more than `max_pixels` before decoding any.
/// 0 and `*video` on success; a negative code and `message` otherwise.
int parley_video_open(const char *input_format, const char *url, int64_t max_pixels, parley_video **video,
                      char *message, size_t message_size);

void parley_video_describe(const parley_video *video, parley_video_info *info);

/// Decodes the next frame: 1 when there is one, 0 at the end of the stream, a negative code on failure.
/// Blocks while a device has no frame ready; parley_video_interrupt from another thread ends the wait.
int parley_video_next(parley_video *video, char *message, size_t message_size);

/// The latest frame's size in pixels (0 before the first) and its time from the start, in microseconds.
void parley_video_frame_size(const parley_video *video, int *width, int *height);
int64_t parley_video_frame_time_us(const parley_video *video);

/// Scales the latest frame to `width` x `height` RGB pixels (3 bytes each, rows top to bottom) into `rgb`.
int parley_video_scale(parley_video *video, int width, int height, unsigned char *rgb);

/// Makes a blocked or future read return at once; safe from any thread.
void parley_video_interrupt(parley_video *video);

/// Closes the input (releasing a device) and frees everything.
void parley_video_close(parley_video *video);

/// 1 when the V4L2 node at `path` can capture video, with the driver's name for it in `name`; 0 when it
/// cannot (or is no V4L2 device); -1 when it cannot be opened.
int parley_v4l2_capture_name(const char *path, char *name, size_t name_size);

// MARK: - Sound: format and peaks in one streaming pass

typedef struct parley_audio_info {
    char container[64];
    char codec[32];
    int sample_rate, channels;
    int64_t samples;               // decoded, per channel
} parley_audio_info;

/// Decodes the first audio stream of `path` and writes the loudest sample (0 to 1, any channel) of each of
/// `columns` equal stretches into `peaks`. Stops with PARLEY_AV_TOO_LONG once more than `max_seconds` of
/// sound were decoded, whatever the header claims.
int parley_audio_scan(const char *path, int columns, double max_seconds, float *peaks, parley_audio_info *info,
                      char *message, size_t message_size);

/// The duration the container's header gives, in microseconds; negative when unknown or unreadable.
int64_t parley_media_duration_us(const char *path);

#endif
