#ifndef CLINIC_NCURSESW_SHIM_H
#define CLINIC_NCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D flags: ask for the wide-character API here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <errno.h>
#include <unistd.h>
#include <ncursesw/curses.h>

/* Mutable C globals and macros Swift 6 cannot import, as functions. */
static inline WINDOW *clinic_stdscr(void) { return stdscr; }
static inline int clinic_lines(void) { return LINES; }
static inline int clinic_cols(void) { return COLS; }
static inline int clinic_colors(void) { return COLORS; }
static inline int clinic_color_pairs(void) { return COLOR_PAIRS; }
static inline int clinic_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int clinic_a_normal(void) { return (int)A_NORMAL; }
static inline int clinic_a_bold(void) { return (int)A_BOLD; }
static inline int clinic_a_underline(void) { return (int)A_UNDERLINE; }
static inline int clinic_a_reverse(void) { return (int)A_REVERSE; }
static inline int clinic_a_dim(void) { return (int)A_DIM; }

static inline int clinic_key_code_yes(void) { return KEY_CODE_YES; }
static inline int clinic_key_up(void) { return KEY_UP; }
static inline int clinic_key_down(void) { return KEY_DOWN; }
static inline int clinic_key_left(void) { return KEY_LEFT; }
static inline int clinic_key_right(void) { return KEY_RIGHT; }
static inline int clinic_key_home(void) { return KEY_HOME; }
static inline int clinic_key_end(void) { return KEY_END; }
static inline int clinic_key_npage(void) { return KEY_NPAGE; }
static inline int clinic_key_ppage(void) { return KEY_PPAGE; }
static inline int clinic_key_backspace(void) { return KEY_BACKSPACE; }
static inline int clinic_key_dc(void) { return KEY_DC; }
static inline int clinic_key_enter(void) { return KEY_ENTER; }
static inline int clinic_key_btab(void) { return KEY_BTAB; }
static inline int clinic_key_resize(void) { return KEY_RESIZE; }
static inline int clinic_key_f(int n) { return KEY_F(n); }

/* Output and input, typed (no variadic calls from Swift). */
static inline int clinic_put(int y, int x, const wchar_t *text, int n, int attrs) {
    wattrset(stdscr, attrs);
    return mvwaddnwstr(stdscr, y, x, text, n);
}
static inline int clinic_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(stdscr, &ch);
    *out = (unsigned int)ch;
    return rc;
}
static inline void clinic_set_locale(void) { setlocale(LC_ALL, ""); }
static inline int clinic_errno(void) { return errno; }
static inline void clinic_clear_errno(void) { errno = 0; }
static inline int clinic_stdin_is_tty(void) { return isatty(STDIN_FILENO); }
static inline int clinic_stdout_is_tty(void) { return isatty(STDOUT_FILENO); }

#endif
