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

// A viewfinder or a video draws the same box many times a second: its canvas is kept, one per thread, and
// redrawn, rather than built again for every frame (building one prepares chafa's symbol tables, which
// costs more than drawing). Only boxes up to a screenful are kept, so a thread holds little memory.
#define CACHED_CELLS_MAX (300 * 100)

static _Thread_local ChafaCanvas *cached_canvas;
static _Thread_local int cached_columns, cached_rows;
static _Thread_local parley_palette cached_palette;

static ChafaCanvas *new_canvas(int columns, int rows, parley_palette palette);

static ChafaCanvas *canvas_for(int columns, int rows, parley_palette palette, int *owned) {
    *owned = 0;
    if (cached_canvas && cached_columns == columns && cached_rows == rows && cached_palette == palette)
        return cached_canvas;
    ChafaCanvas *canvas = new_canvas(columns, rows, palette);
    if (!canvas || columns * rows > CACHED_CELLS_MAX) {
        *owned = 1;
        return canvas;
    }
    if (cached_canvas) chafa_canvas_unref(cached_canvas);
    cached_canvas = canvas;
    cached_columns = columns;
    cached_rows = rows;
    cached_palette = palette;
    return canvas;
}

int parley_render_cells(const unsigned char *pixels, int channels, int width, int height, int columns, int rows,
                        parley_palette palette, uint32_t *symbols, int32_t *foregrounds, int32_t *backgrounds) {
    int owned = 0;
    ChafaCanvas *canvas = canvas_for(columns, rows, palette, &owned);
    if (!canvas) return 0;
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
    if (owned) chafa_canvas_unref(canvas);
    return 1;
}

static ChafaCanvas *new_canvas(int columns, int rows, parley_palette palette) {
    ChafaSymbolMap *symbol_map = chafa_symbol_map_new();
    if (!symbol_map) return NULL;
    // Block, border and space symbols draw well in any monospace font; wide and ambiguous-width ones would
    // break the one-symbol-per-cell layout the views rely on.
    chafa_symbol_map_add_by_tags(symbol_map, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_BORDER | CHAFA_SYMBOL_TAG_SPACE);
    chafa_symbol_map_remove_by_tags(symbol_map, CHAFA_SYMBOL_TAG_WIDE | CHAFA_SYMBOL_TAG_BAD);

    ChafaCanvasConfig *config = chafa_canvas_config_new();
    if (!config) {
        chafa_symbol_map_unref(symbol_map);
        return NULL;
    }
    chafa_canvas_config_set_geometry(config, columns, rows);
    chafa_canvas_config_set_canvas_mode(config, canvas_mode(palette));
    chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS);
    chafa_canvas_config_set_symbol_map(config, symbol_map);

    ChafaCanvas *canvas = chafa_canvas_new(config);
    // The canvas keeps what it needs of both.
    chafa_canvas_config_unref(config);
    chafa_symbol_map_unref(symbol_map);
    return canvas;
}

