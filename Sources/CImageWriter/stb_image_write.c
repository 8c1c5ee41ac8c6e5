// stb_image_write's implementation, for tests and benchmarks that make their own PNG and JPEG files.
// Its tuning knobs are C globals, which Swift 6 refuses to touch, so Swift sees only the shims below.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#include "CImageWriter.h"

int parley_write_png(const char *path, int width, int height, int channels, const unsigned char *pixels) {
    return stbi_write_png(path, width, height, channels, pixels, width * channels);
}

int parley_write_jpeg(const char *path, int width, int height, const unsigned char *rgb, int quality) {
    return stbi_write_jpg(path, width, height, 3, rgb, quality);
}
