// Turns decoded pixels into terminal cells with chafa. Kept in C so that Swift never imports glib, and so
// that the canvas and its configuration are created and released in one place.
#include "CMediaCodecs.h"
#include <chafa.h>

static ChafaCanvasMode canvas_mode(parley_palette palette) {
    switch (palette) {
    case PARLEY_PALETTE_256: return CHAFA_CANVAS_MODE_INDEXED_256;
    case PARLEY_PALETTE_8: return CHAFA_CANVAS_MODE_INDEXED_8;
    default: return CHAFA_CANVAS_MODE_TRUECOLOR;
    }
}

void parley_fit_box(int width, int height, int box_columns, int box_rows, int *columns, int *rows) {
    gint fitted_columns = box_columns, fitted_rows = box_rows;
    // A terminal cell is about twice as tall as it is wide; zoom lets small images fill the box too.
    chafa_calc_canvas_geometry(width, height, &fitted_columns, &fitted_rows, 0.5f, TRUE, FALSE);
    *columns = fitted_columns < 1 ? 1 : fitted_columns;
    *rows = fitted_rows < 1 ? 1 : fitted_rows;
}

int parley_render_cells(const unsigned char *pixels, int channels, int width, int height, int columns, int rows,
                        parley_palette palette, uint32_t *symbols, int32_t *foregrounds, int32_t *backgrounds) {
    ChafaSymbolMap *symbol_map = chafa_symbol_map_new();
    if (!symbol_map) return 0;
    // Block, border and space symbols draw well in any monospace font; wide and ambiguous-width ones would
    // break the one-symbol-per-cell layout the views rely on.
    chafa_symbol_map_add_by_tags(symbol_map, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_BORDER | CHAFA_SYMBOL_TAG_SPACE);
    chafa_symbol_map_remove_by_tags(symbol_map, CHAFA_SYMBOL_TAG_WIDE | CHAFA_SYMBOL_TAG_BAD);

    ChafaCanvasConfig *config = chafa_canvas_config_new();
    if (!config) {
        chafa_symbol_map_unref(symbol_map);
        return 0;
    }
    chafa_canvas_config_set_geometry(config, columns, rows);
    chafa_canvas_config_set_canvas_mode(config, canvas_mode(palette));
    chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS);
    chafa_canvas_config_set_symbol_map(config, symbol_map);

    ChafaCanvas *canvas = chafa_canvas_new(config);
    if (!canvas) {
        chafa_canvas_config_unref(config);
        chafa_symbol_map_unref(symbol_map);
        return 0;
    }
    chafa_canvas_draw_all_pixels(canvas, channels == 4 ? CHAFA_PIXEL_RGBA8_UNASSOCIATED : CHAFA_PIXEL_RGB8, pixels,
                                 width, height, width * channels);
    for (int y = 0; y < rows; y++) {
        for (int x = 0; x < columns; x++) {
            int index = y * columns + x;
            gint foreground = -1, background = -1;
            symbols[index] = chafa_canvas_get_char_at(canvas, x, y);
            // Raw colours are what the terminal is told: packed 0xRRGGBB in truecolor mode, palette indexes
            // in the indexed modes (get_colors_at would map those back to RGB). Negative or above 255 in an
            // indexed mode means transparent, drawn in the terminal's default colour.
            chafa_canvas_get_raw_colors_at(canvas, x, y, &foreground, &background);
            foregrounds[index] = foreground;
            backgrounds[index] = background;
        }
    }
    chafa_canvas_unref(canvas);
    chafa_canvas_config_unref(config);
    chafa_symbol_map_unref(symbol_map);
    return 1;
}
