// JPEG decoding with libjpeg-turbo. Its DCT scaling decodes only the low frequencies a small preview needs,
// which makes a 12-megapixel photo several times cheaper than a full-size decode. libjpeg reports errors by
// calling a function that must not return; here it longjmps back into the function that called libjpeg, so
// neither exit() nor a longjmp ever crosses into Swift.
#include "CMediaCodecs.h"
#include <jerror.h>
#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>
#include <stdlib.h>
#include <string.h>

// A progressive JPEG may hold any number of scans, each a full pass over the coefficients: a tiny file
// with thousands of them costs minutes of CPU. Real encoders write about ten; 500 is what libjpeg-turbo's
// own tools and fuzzers use as a limit.
#define MAX_SCANS 500

static _Thread_local char failure[JMSG_LENGTH_MAX];

typedef struct {
    struct jpeg_error_mgr public_fields;
    jmp_buf escape;
} error_manager;

static void fail(j_common_ptr cinfo) {
    error_manager *manager = (error_manager *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, failure);
    longjmp(manager->escape, 1);
}

static void emit_message(j_common_ptr cinfo, int level) {
    // libjpeg recovers from most corrupt data with a warning and draws on. Running out of file is the
    // exception: it pads the rest with grey, which a preview would show as if it were the picture.
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) fail(cinfo);
}

// libjpeg's default prints to stderr, which the terminal UI owns.
static void output_message(j_common_ptr cinfo) { (void)cinfo; }

static void give_up(j_common_ptr cinfo, const char *reason) {
    snprintf(failure, sizeof failure, "%s", reason);
    longjmp(((error_manager *)cinfo->err)->escape, 1);
}

static void limit_scans(j_common_ptr cinfo) {
    if (((j_decompress_ptr)cinfo)->input_scan_number > MAX_SCANS) give_up(cinfo, "too many progressive scans");
}

static int starts_like_jpeg(FILE *file) {
    unsigned char magic[3] = {0};
    int matches = fread(magic, 1, 3, file) == 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF;
    rewind(file);
    return matches;
}

// The smallest scale leaving at least 8 pixels across and 16 down for each cell of the fitted preview: chafa
// samples 8x8 per cell, and a cell is about twice as tall as wide, so that is a pixel or more per sample.
static void choose_scale(j_decompress_ptr cinfo, int box_columns, int box_rows) {
    int columns = 0, rows = 0;
    parley_fit_box((int)cinfo->image_width, (int)cinfo->image_height, box_columns, box_rows, &columns, &rows);
    cinfo->scale_num = 1;
    for (unsigned int denominator = 8; denominator >= 1; denominator /= 2) {
        cinfo->scale_denom = denominator;
        jpeg_calc_output_dimensions(cinfo);
        if (cinfo->output_width >= (JDIMENSION)columns * 8 && cinfo->output_height >= (JDIMENSION)rows * 16) return;
    }
}

// Adobe's CMYK JPEGs store inverted ink, so each channel times black gives the light that is left.
static void cmyk_to_rgba(unsigned char *pixels, size_t count) {
    for (size_t index = 0; index < count; index++) {
        unsigned char *pixel = pixels + index * 4;
        unsigned int black = pixel[3];
        for (int channel = 0; channel < 3; channel++) pixel[channel] = (unsigned char)(pixel[channel] * black / 255);
        pixel[3] = 255;
    }
}

static void read_pixels(j_decompress_ptr cinfo, unsigned char *pixels) {
    size_t stride = (size_t)cinfo->output_width * 4;
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW rows[16];
        JDIMENSION wanted = cinfo->output_height - cinfo->output_scanline;
        if (wanted > 16) wanted = 16;
        for (JDIMENSION row = 0; row < wanted; row++) rows[row] = pixels + (cinfo->output_scanline + row) * stride;
        jpeg_read_scanlines(cinfo, rows, wanted);
    }
}

// Everything after the header. libjpeg's errors longjmp out of here to parley_jpeg_decode, which frees
// image->pixels: the buffer is put there as soon as it exists so that nothing else has to survive the jump.
static void decode_scaled(j_decompress_ptr cinfo, int box_columns, int box_rows, parley_jpeg_image *image) {
    int cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
    cinfo->out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    choose_scale(cinfo, box_columns, box_rows);
    jpeg_start_decompress(cinfo);
    image->pixels = malloc((size_t)cinfo->output_width * cinfo->output_height * 4);
    if (!image->pixels) give_up((j_common_ptr)cinfo, "out of memory");
    read_pixels(cinfo, image->pixels);
    jpeg_finish_decompress(cinfo);
    if (cmyk) cmyk_to_rgba(image->pixels, (size_t)cinfo->output_width * cinfo->output_height);
    image->width = (int)cinfo->output_width;
    image->height = (int)cinfo->output_height;
}

parley_jpeg_status parley_jpeg_decode(const char *path, size_t max_pixels, int box_columns, int box_rows,
                                      parley_jpeg_image *image) {
    memset(image, 0, sizeof *image);
    FILE *file = fopen(path, "rb");
    if (!file) return PARLEY_JPEG_NOT_JPEG;
    if (!starts_like_jpeg(file)) {
        fclose(file);
        return PARLEY_JPEG_NOT_JPEG;
    }
    struct jpeg_decompress_struct cinfo;
    memset(&cinfo, 0, sizeof cinfo);
    error_manager errors;
    struct jpeg_progress_mgr progress = {.progress_monitor = limit_scans};
    cinfo.err = jpeg_std_error(&errors.public_fields);
    errors.public_fields.error_exit = fail;
    errors.public_fields.emit_message = emit_message;
    errors.public_fields.output_message = output_message;
    // Changed below only where no longjmp can follow, so its value after a longjmp is the one set here.
    parley_jpeg_status status = PARLEY_JPEG_CORRUPT;
    if (setjmp(errors.escape)) goto done;

    jpeg_create_decompress(&cinfo);
    cinfo.progress = &progress;
    jpeg_stdio_src(&cinfo, file);
    jpeg_read_header(&cinfo, TRUE);
    image->source_width = cinfo.image_width;
    image->source_height = cinfo.image_height;
    if ((size_t)cinfo.image_width * cinfo.image_height > max_pixels) {
        status = PARLEY_JPEG_TOO_LARGE;
        goto done;
    }
    // A progressive file's coefficients take 2 bytes per component per pixel (at most 4 components, padded
    // to whole blocks); past this, libjpeg fails instead of allocating more for data the header did not need.
    cinfo.mem->max_memory_to_use = (long)((size_t)cinfo.image_width * cinfo.image_height * 12 + (1 << 20));
    decode_scaled(&cinfo, box_columns, box_rows, image);
    status = PARLEY_JPEG_DECODED;

done:
    // A header whose size libjpeg itself refuses (sides over 65500) or that ends before its first scan
    // still told its size; an absurd one is reported as such, as stb's probe does for PNG and GIF.
    if (status == PARLEY_JPEG_CORRUPT && (size_t)cinfo.image_width * cinfo.image_height > max_pixels) {
        image->source_width = cinfo.image_width;
        image->source_height = cinfo.image_height;
        status = PARLEY_JPEG_TOO_LARGE;
    }
    if (status != PARLEY_JPEG_DECODED) {
        free(image->pixels);
        image->pixels = NULL;
    }
    jpeg_destroy_decompress(&cinfo);
    fclose(file);
    return status;
}

const char *parley_jpeg_failure(void) { return failure; }
