#ifndef PARLEY_MEDIA_CODECS_H
#define PARLEY_MEDIA_CODECS_H

// The only C surface the media service sees: decoding with stb_image (PNG, GIF) and libjpeg-turbo (JPEG),
// rendering with chafa and reading sounds with libsndfile, behind functions that hold no state Swift could
// observe. The functions live in the media plugin (libParleyMediaPlugin.so), loaded the first time one is
// called, so that none of those libraries is loaded at start (parley_media_plugin_load says why it failed).

#include <stddef.h>
#include <stdint.h>

// MARK: - Decoding (PNG, JPEG and GIF's first frame)

typedef enum {
    PARLEY_PROBE_UNKNOWN = 0,  // not a PNG, JPEG or GIF (or unreadable)
    PARLEY_PROBE_IMAGE = 1,    // an image whose size is in width and height
    PARLEY_PROBE_TOO_LARGE = 2 // a header claiming a size stb refuses outright; width and height say what
} parley_probe_result;

/// Reads only the header, and gives the pixel size it claims.
parley_probe_result parley_image_probe(const char *path, unsigned int *width, unsigned int *height);

/// Decodes to RGB (`channels` 3) or RGBA (4), 8 bits a channel, or NULL (see parley_image_failure). Free
/// with parley_image_free. No single allocation made while decoding may exceed `max_allocation` bytes.
unsigned char *parley_image_decode(const char *path, int channels, size_t max_allocation, int *width, int *height);

/// Frees pixels from parley_image_decode or parley_jpeg_decode.
void parley_image_free(unsigned char *pixels);

/// Why the last probe or decode on this thread failed, in stb's words.
const char *parley_image_failure(void);

// MARK: - Decoding JPEG with libjpeg-turbo, scaled down for a box

typedef enum {
    PARLEY_JPEG_DECODED = 0,   // pixels holds width x height RGBA pixels
    PARLEY_JPEG_NOT_JPEG = 1,  // the file does not start like a JPEG; nothing was decoded
    PARLEY_JPEG_TOO_LARGE = 2, // the header claims more than max_pixels; source_width and source_height say what
    PARLEY_JPEG_CORRUPT = 3,   // the header or data is damaged or truncated; see parley_jpeg_failure
} parley_jpeg_status;

typedef struct {
    unsigned char *pixels; // RGBA, 8 bits a channel, rows top to bottom; free with parley_image_free
    int width, height;     // of pixels: the source size scaled down by 1, 2, 4 or 8
    unsigned int source_width, source_height; // as the header says
} parley_jpeg_image;

/// Decodes a JPEG to RGBA at the smallest DCT scale (1/8, 1/4, 1/2 or 1/1) that still gives chafa enough
/// pixels for `box_columns` x `box_rows` cells. Refuses a header claiming more than `max_pixels` before
/// allocating any pixel buffer. Never exits the process and never prints.
parley_jpeg_status parley_jpeg_decode(const char *path, size_t max_pixels, int box_columns, int box_rows,
                                      parley_jpeg_image *image);

/// Why the last parley_jpeg_decode on this thread was PARLEY_JPEG_CORRUPT, in libjpeg's words.
const char *parley_jpeg_failure(void);

// MARK: - Encoding JPEG with libjpeg-turbo

/// Encodes `width` x `height` RGB pixels (3 bytes each, rows top to bottom) as a baseline JPEG of `quality`
/// (1 to 100) into a buffer that `*jpeg` points to afterwards, `*size` bytes; free it with parley_jpeg_free.
/// 1 on success; 0 when libjpeg fails (a size it cannot encode, or no memory).
int parley_jpeg_encode(const unsigned char *rgb, int width, int height, int quality, unsigned char **jpeg,
                       unsigned long *size);

/// Frees the buffer of parley_jpeg_encode.
void parley_jpeg_free(unsigned char *jpeg);

// MARK: - Rendering to cells

typedef enum {
    PARLEY_PALETTE_TRUECOLOR = 0,
    PARLEY_PALETTE_256 = 1,
    PARLEY_PALETTE_8 = 2,
} parley_palette;

/// The largest cell size within the box that keeps the image's aspect ratio.
void parley_fit_box(int width, int height, int box_columns, int box_rows, int *columns, int *rows);

/// Renders `columns` x `rows` cells into the three arrays (each holding columns * rows): the symbol as a
/// Unicode scalar, and the foreground and background colours (0xRRGGBB, a palette index, or -1). 1 on success.
/// `pixels` are RGB or RGBA as `channels` says.
int parley_render_cells(const unsigned char *pixels, int channels, int width, int height, int columns, int rows,
                        parley_palette palette, uint32_t *symbols, int32_t *foregrounds, int32_t *backgrounds);

// MARK: - Reading sound files with libsndfile (WAV, FLAC, Ogg, MP3)

typedef struct parley_sound parley_sound;

typedef struct parley_sound_info {
    int64_t frames;          // per channel, as the header says
    int sample_rate, channels;
    const char *container;   // "WAV", "FLAC", ...: NULL for a type without a name here
    const char *encoding;    // "16-bit PCM", "Vorbis", ...: NULL for an encoding without a name here
} parley_sound_info;

/// Opens a sound libsndfile can read and fills `info` from its header; NULL, with libsndfile's words in
/// `message`, when it cannot.
parley_sound *parley_sound_open(const char *path, parley_sound_info *info, char *message, size_t message_size);

/// Reads up to `frames` frames of interleaved samples (-1 to 1) into `samples`; the count read, 0 at the end.
int64_t parley_sound_read(parley_sound *sound, float *samples, int64_t frames);

void parley_sound_close(parley_sound *sound);

// MARK: - The plugin behind every function here and in CVideoCodecs.h

/// Loads the media plugin from `path`, or with NULL from beside the executable (else the library path) unless
/// it is loaded already. 0 on success; -1 with the dynamic loader's reason in `message` otherwise. Every
/// other function loads it on first use too, and fails as its own failure when it cannot.
int parley_media_plugin_load(const char *path, char *message, size_t message_size);

#endif
