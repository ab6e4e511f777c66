#pragma once
#include <stdio.h>            /* readline.h needs FILE: include it first */
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h> /* readline.h does not include history.h */

/* Swift 6 rejects writes to readline's mutable globals, so every write lives here, in C. */

/* Installs the application name and the completion entry point (a non-capturing C function). */
static inline void mq_rl_install(const char *app_name, rl_completion_func_t *fn, const char *word_breaks) {
    rl_readline_name = strdup(app_name);              /* readline keeps the pointer: give it a copy */
    rl_attempted_completion_function = fn;
    rl_completer_word_break_characters = strdup(word_breaks);
}

/* Completion matches from a generator; no filename fallback when there are none. */
static inline char **mq_rl_complete(const char *text, rl_compentry_func_t *generator) {
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, generator);
}

/* The whole line typed so far and the cursor, for context-sensitive completion. */
static inline const char *mq_rl_line_buffer(void) { return rl_line_buffer; }
static inline int mq_rl_point(void) { return rl_point; }

/* Let Ctrl-C at the prompt clear the line instead of killing the process: readline must not install
   its own handlers; the caller handles SIGINT. */
static inline void mq_rl_no_signal_handlers(void) { rl_catch_signals = 0; rl_catch_sigwinch = 1; }

/* Abandons the current input line (after Ctrl-C): fresh prompt on a new line. */
static inline void mq_rl_reset_line(void) {
    rl_free_line_state();
    rl_crlf();
    rl_replace_line("", 0);
    rl_on_new_line();
    rl_redisplay();
}

static inline void mq_rl_stifle(int max) { stifle_history(max); }

/* Polls `hook` about ten times a second while readline waits for a key (used to notice Ctrl-C). */
static inline void mq_rl_set_event_hook(rl_hook_func_t *hook) {
    rl_event_hook = hook;
    rl_set_keyboard_input_timeout(100000);
}

/* Ends the current readline() call with an empty line (Ctrl-C at the prompt: a fresh prompt). */
static inline void mq_rl_interrupt_line(void) {
    rl_replace_line("", 0);
    rl_point = 0;
    rl_end = 0;
    rl_done = 1;
}
