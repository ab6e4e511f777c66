#!/usr/bin/env python3
"""Publishes with the official Apache RocketMQ C++ client for the trace interop tests (either generation:
rocketmq==0.4.4 in .venv or rocketmq-python-cvs==2.1.0.3 in .venv-cpp21, the same API).

Prints one JSON line per sent message on stdout. Modes:
  message  NAMESRV TOPIC KEYS TAGS BODY          one business message (sync send)
  trace    NAMESRV TRACE_TOPIC KEYS BODYFILE...  one trace message per file: the file's bytes exactly as
                                                 the body, KEYS as given (space-separated), no tags, as
                                                 Java's AsyncTraceDispatcher sends them
"""
import json
import os
import sys

import cpp_compat  # noqa: F401 - sets the 2.1.0 client's log directory; before rocketmq
from rocketmq.client import Message, Producer
from rocketmq import ffi
from rocketmq.exceptions import ffi_check


def emit(**kv):
    sys.stdout.write(json.dumps(kv) + "\n")
    sys.stdout.flush()


def start(namesrv, group):
    producer = Producer(group, timeout=10000)
    producer.set_namesrv_addr(namesrv)
    producer.start()
    return producer


def send(producer, msg, **extra):
    res = producer.send_sync(msg)
    if int(res.status) != 0:
        raise SystemExit("send failed with status %d" % int(res.status))
    emit(msg_id=res.msg_id, offset=res.offset, **extra)


def message(namesrv, topic, keys, tags, body):
    producer = start(namesrv, "PG_TRACE_INTEROP_%d" % os.getpid())
    msg = Message(topic)
    msg.set_keys(keys)
    msg.set_tags(tags)
    msg.set_body(body)
    send(producer, msg)
    producer.shutdown()


def trace(namesrv, trace_topic, keys, files):
    producer = start(namesrv, "_INNER_TRACE_PRODUCER-PG_TRACE_INTEROP-PRODUCE-1")
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        msg = Message(trace_topic)
        msg.set_keys(keys)
        # The raw bytes (U+0001/U+0002 separators included), with their length.
        ffi_check(ffi.dll.SetByteMessageBody(msg._handle, data, len(data)))
        send(producer, msg, file=path, size=len(data))
    producer.shutdown()


def main(argv):
    mode = argv[1]
    if mode == "message":
        message(argv[2], argv[3], argv[4], argv[5], argv[6])
    elif mode == "trace":
        trace(argv[2], argv[3], argv[4], argv[5:])
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
