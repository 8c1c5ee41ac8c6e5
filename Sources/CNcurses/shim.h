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
#include <errno.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/// Modes Parley reads input in, which it decodes itself: mouse reports (SGR form) and bracketed paste.
static const char parley_input_modes_on[] = "\033[?1000h\033[?1006h\033[?2004h";
static const char parley_input_modes_off[] = "\033[?2004l\033[?1006l\033[?1000l";

/// Starts curses on the process's terminal for drawing: locale from the environment (for wide characters),
/// raw keys, no echo, colours over the terminal's own default colours. Input is read and decoded by Parley,
/// not by curses; the terminal is asked for mouse reports and bracketed pastes. Returns the number of
/// colours, 0 without colour, -1 on failure.
static inline int parley_curses_start(void) {
    setlocale(LC_ALL, "");
    if (newterm(NULL, stdout, stdin) == NULL) return -1;
    raw();
    noecho();
    nonl();
    curs_set(0);
    typeahead(-1);  // curses would poll the terminal for typed-ahead keys on every refresh; Parley reads it
    fputs(parley_input_modes_on, stdout);
    fflush(stdout);
    if (!has_colors()) return 0;
    start_color();
    use_default_colors();
    return COLORS;
}

static inline void parley_curses_end(void) {
    endwin();
    fputs(parley_input_modes_off, stdout);
    fflush(stdout);
}

// MARK: - Size changes

/// Where the SIGWINCH handler writes a byte; the terminal's thread polls its other end.
static int parley_resize_descriptor = -1;

static void parley_on_resize(int signal) {
    (void)signal;
    int saved = errno;  // a handler must leave errno as it found it
    if (parley_resize_descriptor >= 0) {
        char byte = 2;
        (void)write(parley_resize_descriptor, &byte, 1);
    }
    errno = saved;
}

/// Reports every size change by a byte on `descriptor` (non-blocking), so that the terminal's thread can
/// sleep without a timeout and still hear of one. Replaces curses' own handler, which only its input
/// functions would have consulted.
static inline void parley_watch_resize(int descriptor) {
    parley_resize_descriptor = descriptor;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = parley_on_resize;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &action, NULL);
}

/// Asks the terminal its size; when it differs from what curses has, resizes curses and returns 1.
static inline int parley_follow_resize(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    if (size.ws_row == getmaxy(stdscr) && size.ws_col == getmaxx(stdscr)) return 0;
    resizeterm(size.ws_row, size.ws_col);
    return 1;
}

static inline int parley_screen_width(void) { return getmaxx(stdscr); }
static inline int parley_screen_height(void) { return getmaxy(stdscr); }

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
