// The functions of CMediaCodecs.h, each a call through the media plugin's table. When the plugin cannot be
// loaded, each fails as it fails on a file it cannot handle; the services load it first themselves
// (parley_media_plugin_load) to say why in one sentence.
#include "MediaPluginTable.h"

static const char *const no_plugin = "the media plugin libParleyMediaPlugin.so could not be loaded";

parley_probe_result parley_image_probe(const char *path, unsigned int *width, unsigned int *height) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->image_probe(path, width, height) : PARLEY_PROBE_UNKNOWN;
}

unsigned char *parley_image_decode(const char *path, int channels, size_t max_allocation, int *width, int *height) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->image_decode(path, channels, max_allocation, width, height) : NULL;
}

void parley_image_free(unsigned char *pixels) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    // Pixels come only from the plugin, so with pixels to free it is loaded.
    if (plugin && pixels) plugin->image_free(pixels);
}

const char *parley_image_failure(void) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->image_failure() : no_plugin;
}

parley_jpeg_status parley_jpeg_decode(const char *path, size_t max_pixels, int box_columns, int box_rows,
                                      parley_jpeg_image *image) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->jpeg_decode(path, max_pixels, box_columns, box_rows, image) : PARLEY_JPEG_CORRUPT;
}

const char *parley_jpeg_failure(void) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->jpeg_failure() : no_plugin;
}

int parley_jpeg_encode(const unsigned char *rgb, int width, int height, int quality, unsigned char **jpeg,
                       unsigned long *size) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->jpeg_encode(rgb, width, height, quality, jpeg, size) : 0;
}

void parley_jpeg_free(unsigned char *jpeg) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    if (plugin && jpeg) plugin->jpeg_free(jpeg);
}

void parley_fit_box(int width, int height, int box_columns, int box_rows, int *columns, int *rows) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    if (plugin) {
        plugin->fit_box(width, height, box_columns, box_rows, columns, rows);
    } else {
        *columns = box_columns < 1 ? 1 : box_columns;
        *rows = box_rows < 1 ? 1 : box_rows;
    }
}

int parley_render_cells(const unsigned char *pixels, int channels, int width, int height, int columns, int rows,
                        parley_palette palette, uint32_t *symbols, int32_t *foregrounds, int32_t *backgrounds) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->render_cells(pixels, channels, width, height, columns, rows, palette, symbols,
                                         foregrounds, backgrounds)
                  : 0;
}

parley_sound *parley_sound_open(const char *path, parley_sound_info *info, char *message, size_t message_size) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    if (plugin) return plugin->sound_open(path, info, message, message_size);
    parley_media_plugin_load(NULL, message, message_size);
    return NULL;
}

int64_t parley_sound_read(parley_sound *sound, float *samples, int64_t frames) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    return plugin ? plugin->sound_read(sound, samples, frames) : 0;
}

void parley_sound_close(parley_sound *sound) {
    const parley_media_plugin *plugin = parley_media_plugin_table();
    if (plugin && sound) plugin->sound_close(sound);
}
