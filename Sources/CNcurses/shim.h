// What Swift cannot import from ncurses on its own: function-like macros (KEY_F, getmaxyx, COLOR_PAIR's
// cousins) and globals such as stdscr and COLORS, which Swift 6 refuses as shared mutable state. Each is
// wrapped in a small inline function. Only the terminal backend's single ncurses thread calls these.
#ifndef PARLEY_NCURSES_SHIM_H
#define PARLEY_NCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>
#include <stdio.h>
#include <wchar.h>

/// Starts curses on the process's terminal: locale from the environment (for wide characters), raw keys,
/// no echo, keypad and mouse decoding, a short Escape delay (so Alt-keys and Esc feel instant), colours
/// over the terminal's own default colours. Returns the number of colours, 0 without colour, -1 on failure.
static inline int parley_curses_start(void) {
    setlocale(LC_ALL, "");
    if (newterm(NULL, stdout, stdin) == NULL) return -1;
    set_escdelay(25);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    curs_set(0);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    if (!has_colors()) return 0;
    start_color();
    use_default_colors();
    return COLORS;
}

static inline void parley_curses_end(void) { endwin(); }

static inline int parley_screen_width(void) { return getmaxx(stdscr); }
static inline int parley_screen_height(void) { return getmaxy(stdscr); }

/// Reads one input without waiting: OK with a character, KEY_CODE_YES with a key code, ERR with none.
static inline int parley_read_input(wint_t *input) { return wget_wch(stdscr, input); }

static inline int parley_key_f(int number) { return KEY_F(number); }

/// The last mouse event: its cell and which buttons. Returns 0 when there is one.
static inline int parley_read_mouse(int *x, int *y, unsigned long *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *buttons = (unsigned long)event.bstate;
    return 0;
}

static inline unsigned long parley_button_click(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline unsigned long parley_button_wheel_up(void) { return BUTTON4_PRESSED; }
static inline unsigned long parley_button_wheel_down(void) { return BUTTON5_PRESSED; }

/// A colour pair for foreground and background (-1 is the terminal's default), allocated on first use.
static inline int parley_color_pair(int foreground, int background) {
    int pair = alloc_pair(foreground, background);
    return pair < 0 ? 0 : pair;
}

/// ncurses attributes for Parley's five cell attributes.
static inline attr_t parley_attributes(int bold, int dim, int italic, int underline, int reverse) {
    attr_t attributes = A_NORMAL;
    if (bold) attributes |= A_BOLD;
    if (dim) attributes |= A_DIM;
    if (italic) attributes |= A_ITALIC;
    if (underline) attributes |= A_UNDERLINE;
    if (reverse) attributes |= A_REVERSE;
    return attributes;
}

/// Puts one cell: `text` is a spacing character followed by at most four combining ones, NUL-terminated.
static inline void parley_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) != OK) return;
    mvwadd_wch(stdscr, y, x, &cell);
}

/// Shows the cursor at a cell, or hides it when `visible` is 0.
static inline void parley_place_cursor(int y, int x, int visible) {
    curs_set(visible ? 1 : 0);
    if (visible) wmove(stdscr, y, x);
}

static inline void parley_show_frame(void) {
    wnoutrefresh(stdscr);
    doupdate();
}

#endif
