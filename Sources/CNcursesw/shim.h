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
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <langinfo.h>
#include <execinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

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
/* The person's locale, but always UTF-8 characters: ncurses then places
   every code point with the same wcwidth() the cell buffer's table came from,
   even under sshd or cron where LANG is unset or C. */
static inline void clinic_set_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
}

/* Starts curses on the terminal TERM names without exiting the process when
   TERM is unknown (initscr would): 0 when started, -1 when TERM is unknown,
   -2 when the terminal cannot address the cursor (TERM=dumb). */
static inline int clinic_start_screen(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return -1;
    set_term(screen);
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) { endwin(); delscreen(screen); return -2; }
    return 0;
}

/* Bracketed paste: the terminal wraps pasted text in these sequences, which
   arrive as two key codes of our own. */
static inline int clinic_key_paste_start(void) { return KEY_MAX + 1; }
static inline int clinic_key_paste_end(void) { return KEY_MAX + 2; }
static inline void clinic_bracketed_paste(int on) {
    if (on) {
        define_key("\033[200~", KEY_MAX + 1);
        define_key("\033[201~", KEY_MAX + 2);
    }
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

/* A crash (a Swift trap, a bad access) while curses owns the terminal: give
   the terminal back, say one plain sentence on it, write the backtrace to the
   log (stderr, which is the log file while curses is up), and end with the
   signal. The runtime's own backtracer is not chained: it would talk to the
   person's terminal (it offers to debug and waits 30 s). */
struct clinic_crash_state {
    int tty, log;
    volatile sig_atomic_t entered;
    char message[512];
};
static inline struct clinic_crash_state *clinic_crash(void) {
    static struct clinic_crash_state state = { -1, -1, 0, "" };
    return &state;
}
static inline void clinic_crash_handler(int sig) {
    struct clinic_crash_state *state = clinic_crash();
    if (!state->entered) {
        state->entered = 1;
        endwin();
        if (state->tty >= 0) {
            const char *reset = "\033[?2004l\033[0m\r\n";
            (void)!write(state->tty, reset, strlen(reset));
            (void)!write(state->tty, state->message, strlen(state->message));
            (void)!write(state->tty, "\r\n", 2);
        }
        if (state->log >= 0) {
            char line[96];
            int n = snprintf(line, sizeof(line), "critical clinic: crashed with signal %d; backtrace:\n", sig);
            if (n > 0) (void)!write(state->log, line, (size_t)n);
            void *frames[64];
            int count = backtrace(frames, 64);
            backtrace_symbols_fd(frames, count, state->log);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void clinic_install_crash_handler(const char *message) {
    struct clinic_crash_state *state = clinic_crash();
    state->tty = dup(STDOUT_FILENO);
    state->log = dup(STDERR_FILENO);
    strncpy(state->message, message, sizeof(state->message) - 1);
    void *warm[1];
    (void)backtrace(warm, 1); /* loads the unwinder now, not inside the handler */
    int signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = clinic_crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER;
        sigaction(signals[i], &action, NULL);
    }
}
static inline int clinic_errno(void) { return errno; }
static inline void clinic_clear_errno(void) { errno = 0; }
static inline int clinic_stdin_is_tty(void) { return isatty(STDIN_FILENO); }
static inline int clinic_stdout_is_tty(void) { return isatty(STDOUT_FILENO); }

#endif
