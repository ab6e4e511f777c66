#!/usr/bin/env python3
"""Drives `mqadmin repl` in a real pseudo-terminal (pexpect) and reports what it saw as JSON.

usage: repl_pty.py MQADMIN HOME DATA
Each check is recorded as {"name": ..., "ok": bool, "detail": ...}; the Swift test asserts them.
"""
import json
import os
import sys
import time

import pexpect

mqadmin, home, data = sys.argv[1], sys.argv[2], sys.argv[3]
env = dict(os.environ, HOME=home, MQADMIN_DATA=data, TERM="xterm")
env.pop("NAMESRV_ADDR", None)
PROMPT = r"mqadmin \[bundled [^\]]*\]( \[\d+\])?> "  # the prompt names the target
results = []


def check(name, fn):
    try:
        detail = fn()
        results.append({"name": name, "ok": True, "detail": detail or ""})
    except Exception as e:  # noqa: BLE001 - every failure becomes a reported check
        results.append({"name": name, "ok": False, "detail": "%s: %s" % (type(e).__name__, e)})


def spawn():
    c = pexpect.spawn(mqadmin, ["repl"], env=env, encoding="utf-8", timeout=20, dimensions=(50, 220))
    c.expect(PROMPT)
    return c


c = spawn()


def create_and_list():
    c.send("topic create Orders\r")
    c.expect(PROMPT)
    c.send("topic list\r")
    c.expect("Orders")
    c.expect(PROMPT)


def complete_command():
    c.send("topic descr\t")
    c.expect("describe ")
    return "typed 'topic descr' + Tab"


def complete_topic():
    time.sleep(0.5)  # the name cache refreshes in the background after each command
    c.send("Or\t")
    c.expect("Orders")
    c.send("\r")
    c.expect("Topic Orders")
    c.expect(PROMPT)


def error_keeps_session():
    c.send("topic describe nosuch\r")
    c.expect("does not exist")
    c.expect(r"\[3\]> ")
    c.send("topic list\r")
    c.expect("Orders")
    c.expect(PROMPT)


def watch_and_ctrl_c():
    c.send("watch 1 topic list\r")
    c.expect("Every 1s")
    c.expect("Every 1s")  # it repeats
    c.sendcontrol("c")
    c.expect(PROMPT)
    c.send("topic list\r")  # and the session is still alive
    c.expect("Orders")
    c.expect(PROMPT)


def ctrl_c_interrupts_consume_follow():
    c.send("message consume Orders -g cg-repl --follow\r")
    c.expect(r"owns \d+ queue\(s\) of Orders \(group cg-repl, 1 member\(s\)\)")  # a member of its group
    c.sendcontrol("c")
    c.expect(PROMPT)  # interrupted, not ended: the REPL goes on
    c.send("group describe cg-repl\r")  # and the consume run left its group
    c.expect(r"Members: +0 online")
    c.expect(PROMPT)


def ctrl_c_interrupts_backlog_watch():
    c.send("backlog report --watch 1\r")
    c.expect("Total:")
    c.expect("Total:")  # it refreshes
    c.sendcontrol("c")
    c.expect(PROMPT)
    c.send("topic list\r")
    c.expect("Orders")
    c.expect(PROMPT)


def ctrl_d_exits_zero():
    c.sendcontrol("d")
    c.expect(pexpect.EOF)
    c.close()
    if c.exitstatus != 0:
        raise RuntimeError("exit status %s" % c.exitstatus)


check("create and list", create_and_list)
check("tab completes a subcommand", complete_command)
check("tab completes a topic name", complete_topic)
check("an error does not end the session", error_keeps_session)
check("ctrl-c in watch returns to the prompt", watch_and_ctrl_c)
check("ctrl-c interrupts message consume --follow", ctrl_c_interrupts_consume_follow)
check("ctrl-c interrupts backlog report --watch", ctrl_c_interrupts_backlog_watch)
check("ctrl-d exits 0", ctrl_d_exits_zero)


def history_survives():
    hist = os.path.join(home, ".mqadmin", "history")
    if not os.path.exists(hist):
        raise RuntimeError("no history file at " + hist)
    mode = os.stat(hist).st_mode & 0o777
    d = spawn()
    d.sendcontrol("r")
    d.send("nosuch")
    d.expect("nosuch")  # readline's search line: (reverse-i-search)`nosuch': topic describe nosuch
    time.sleep(0.3)
    d.send("\r")
    d.expect("does not exist")
    d.expect(PROMPT)
    d.sendcontrol("d")
    d.expect(pexpect.EOF)
    return "history file mode %o" % mode


check("history survives a new session (Ctrl-R finds it)", history_survives)


def bare_mqadmin_opens_the_repl():
    b = pexpect.spawn(mqadmin, [], env=env, encoding="utf-8", timeout=20, dimensions=(50, 220))
    b.expect(PROMPT)
    b.send("topic list\r")
    b.expect("Orders")
    b.expect(PROMPT)
    b.send("exit\r")
    b.expect(pexpect.EOF)
    b.close()
    if b.exitstatus != 0:
        raise RuntimeError("exit status %s" % b.exitstatus)
    for text in ("Can't read a value", "parsable argument definition", "Fatal error"):
        if text in b.before:
            raise RuntimeError("printed " + text)


check("mqadmin alone on a terminal opens the REPL", bare_mqadmin_opens_the_repl)


def disconnect_refuses_until_connect():
    d = spawn()
    d.send("disconnect\r")
    d.expect(r"mqadmin \[not connected\]> ")
    d.send("topic list\r")  # no silent fallback to the local store
    d.expect(r"not connected; pass -n ADDR or set NAMESRV_ADDR")
    d.expect(r"mqadmin \[not connected\] \[4\]> ")
    d.sendcontrol("d")
    d.expect(pexpect.EOF)


check("disconnect refuses until connect", disconnect_refuses_until_connect)
print(json.dumps(results))
