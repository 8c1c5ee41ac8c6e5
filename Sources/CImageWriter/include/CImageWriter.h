#ifndef PARLEY_IMAGE_WRITER_H
#define PARLEY_IMAGE_WRITER_H

// Writes pixels (8 bits a channel, rows top to bottom) as a PNG (RGB or RGBA, as `channels` says) or a
// JPEG (RGB); 1 on success, 0 on failure.

int parley_write_png(const char *path, int width, int height, int channels, const unsigned char *pixels);
int parley_write_jpeg(const char *path, int width, int height, const unsigned char *rgb, int quality);

#endif
