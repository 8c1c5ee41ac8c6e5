// JPEG encoding with libjpeg-turbo, for the camera's stills. As in jpeg_decode.c, libjpeg's fatal errors
// longjmp back here, so neither exit() nor a longjmp ever crosses into Swift.
#include "CMediaCodecs.h"
#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>
#include <stdlib.h>

typedef struct {
    struct jpeg_error_mgr public_fields;
    jmp_buf escape;
} encode_error_manager;

static void encode_fail(j_common_ptr cinfo) { longjmp(((encode_error_manager *)cinfo->err)->escape, 1); }

// libjpeg's default prints to stderr, which the terminal UI owns.
static void encode_output_message(j_common_ptr cinfo) { (void)cinfo; }

int parley_jpeg_encode(const unsigned char *rgb, int width, int height, int quality, unsigned char **jpeg,
                       unsigned long *size) {
    struct jpeg_compress_struct cinfo;
    encode_error_manager errors;
    // volatile: read after the longjmp, which may have left registers stale.
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_size = 0;
    *jpeg = NULL;
    *size = 0;
    cinfo.err = jpeg_std_error(&errors.public_fields);
    errors.public_fields.error_exit = encode_fail;
    errors.public_fields.output_message = encode_output_message;
    if (setjmp(errors.escape)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return 0;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &buffer_size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(rgb + (size_t)cinfo.next_scanline * (size_t)width * 3);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *jpeg = buffer;
    *size = buffer_size;
    return 1;
}

void parley_jpeg_free(unsigned char *jpeg) { free(jpeg); }
