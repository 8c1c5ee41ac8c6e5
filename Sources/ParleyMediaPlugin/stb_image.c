// The one translation unit that holds stb_image's implementation, and the shims Swift calls: Swift 6 refuses
// C global mutable state, and stb keeps some (flip flags, the failure reason), so Swift sees only functions.
#include "CMediaCodecs.h"
#include <stdlib.h>
#include <string.h>

// While a decode runs, no single allocation may exceed this. The pixel count is checked before decoding,
// but a PNG's deflate stream can still claim to expand far beyond its header's size (a "zip bomb"): with
// this bound, stb fails with "outofmem" instead of growing a buffer to gigabytes.
static _Thread_local size_t allocation_limit = 0;

static void *bounded_malloc(size_t size) {
    return (allocation_limit && size > allocation_limit) ? NULL : malloc(size);
}

static void *bounded_realloc(void *pointer, size_t size) {
    return (allocation_limit && size > allocation_limit) ? NULL : realloc(pointer, size);
}

#define STBI_MALLOC(size) bounded_malloc(size)
#define STBI_REALLOC(pointer, size) bounded_realloc(pointer, size)
#define STBI_FREE(pointer) free(pointer)
#define STB_IMAGE_IMPLEMENTATION
// Only the formats previews support are compiled in: fewer decoders, less surface for hostile files. The
// service hands every file that starts like a JPEG to libjpeg-turbo (jpeg_decode.c) before stb sees it;
// stb's JPEG decoder stays only as the full-size reference the media benchmark compares against.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#include <stb/stb_image.h>

parley_probe_result parley_image_probe(const char *path, unsigned int *width, unsigned int *height) {
    // stbi_info would do, but when a header claims an absurd size stb refuses it ("too large") without
    // saying what size, and then reports "unknown image type" once every format has been tried. Asking each
    // of the three decoders in turn, on a context of our own, keeps what the refusing header said.
    typedef int (*info_function)(stbi__context *, int *, int *, int *);
    static const info_function decoders[] = {stbi__png_info, stbi__jpeg_info, stbi__gif_info};
    FILE *file = stbi__fopen(path, "rb");
    if (!file) return PARLEY_PROBE_UNKNOWN;
    stbi__context context;
    stbi__start_file(&context, file);
    parley_probe_result result = PARLEY_PROBE_UNKNOWN;
    for (size_t index = 0; index < sizeof decoders / sizeof decoders[0]; index++) {
        int probed_width = 0, probed_height = 0, channels = 0;
        context.img_x = context.img_y = 0;
        if (decoders[index](&context, &probed_width, &probed_height, &channels)) {
            *width = (unsigned int)probed_width;
            *height = (unsigned int)probed_height;
            result = PARLEY_PROBE_IMAGE;
            break;
        }
        const char *reason = stbi_failure_reason();
        if (reason && strcmp(reason, "too large") == 0 && context.img_x && context.img_y) {
            *width = context.img_x;
            *height = context.img_y;
            result = PARLEY_PROBE_TOO_LARGE;
            break;
        }
        stbi__rewind(&context);
    }
    fclose(file);
    return result;
}

unsigned char *parley_image_decode(const char *path, int channels, size_t max_allocation, int *width, int *height) {
    int file_channels = 0;
    allocation_limit = max_allocation;
    unsigned char *pixels = stbi_load(path, width, height, &file_channels, channels);
    allocation_limit = 0;
    return pixels;
}

void parley_image_free(unsigned char *pixels) { stbi_image_free(pixels); }

const char *parley_image_failure(void) {
    const char *reason = stbi_failure_reason();
    return reason ? reason : "unknown failure";
}
