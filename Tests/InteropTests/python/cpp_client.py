#!/usr/bin/env python3
"""Drives the official Apache RocketMQ C++ client for the interop tests, with whichever generation the running
Python has: PyPI rocketmq==0.4.4 (.venv, librocketmq 1.x) or rocketmq-python-cvs==2.1.0.3 (.venv-cpp21,
librocketmq 2.1.0); both import as `rocketmq` with the same API.

Each mode prints JSON lines on stdout; the Swift tests parse them. Modes:
  produce  NAMESRV TOPIC COUNT PREFIX     sync, oneway, orderly and batch sends (a quarter each)
  produce-for NAMESRV TOPIC SECONDS PREFIX OUTFILE PAUSE_MS
           load mode: sync sends until SECONDS pass or OUTFILE.stop exists, one acknowledged key
           per line in OUTFILE, PAUSE_MS between sends; prints a final JSON line
  produce-timer NAMESRV TOPIC KEY DELIVER_MS
           one sync send with the 5.x timer property TIMER_DELIVER_MS set as a user property
  batch    NAMESRV TOPIC CASES PREFIX
           one batch per case of CASES ("COUNTxSIZE,..."), each message keyed PREFIX-COUNTxSIZE-INDEX with
           the body batch_body(key, SIZE); one JSON line per acknowledged message with its body's length
           and CRC-32, and one per batch with its status
  consume  NAMESRV TOPIC GROUP OUTFILE SECONDS [FAIL_TAG [MAX_RECONSUME]]
           push consumer (clustering); appends one JSON line per delivery to OUTFILE, with the body's
           length and CRC-32; messages tagged FAIL_TAG (or keyed K when FAIL_TAG is "key:K") are answered
           RECONSUME_LATER through a raw callback;
           MAX_RECONSUME sets the client's maxReconsumeTimes (only 2.1.0 sends one, see cpp_compat.py).
"""
import ctypes
import json
import os
import sys
import time
import zlib

from cpp_compat import set_max_reconsume_times, start_push_consumer
from rocketmq.client import Message, Producer, PushConsumer, RecvMessage
from rocketmq import ffi
from rocketmq.exceptions import ffi_check

dll = ffi.dll


def emit(**kv):
    sys.stdout.write(json.dumps(kv) + "\n")
    sys.stdout.flush()


def produce(namesrv, topic, count, prefix):
    producer = Producer("PG_INTEROP_%d" % os.getpid(), timeout=10000)
    producer.set_namesrv_addr(namesrv)
    producer.start()
    quarter = count // 4
    ok = failed = 0
    started = time.time()

    def make(i, mode):
        key = "%s-%s-%d" % (prefix, mode, i)
        msg = Message(topic)
        msg.set_keys(key)
        msg.set_tags("Tag%s" % mode.capitalize())
        msg.set_body("body of %s" % key)
        msg.set_property("mode", mode)
        return key, msg

    for i in range(quarter):
        key, msg = make(i, "sync")
        try:
            res = producer.send_sync(msg)
            if int(res.status) == 0:
                ok += 1
                emit(sent=key, msg_id=res.msg_id, offset=res.offset, mode="sync")
            else:
                failed += 1
                emit(failed=key, status=int(res.status))
        except Exception as e:  # noqa: BLE001 - report, do not hide
            failed += 1
            emit(failed=key, error=str(e))
    for i in range(quarter):
        key, msg = make(i, "oneway")
        try:
            producer.send_oneway(msg)
            ok += 1
            emit(sent=key, mode="oneway")
        except Exception as e:  # noqa: BLE001
            failed += 1
            emit(failed=key, error=str(e))
    for i in range(quarter):
        key, msg = make(i, "orderly")
        try:
            res = producer.send_orderly(msg, i % 4)
            if int(res.status) == 0:
                ok += 1
                emit(sent=key, msg_id=res.msg_id, mode="orderly")
            else:
                failed += 1
                emit(failed=key, status=int(res.status))
        except Exception as e:  # noqa: BLE001
            failed += 1
            emit(failed=key, error=str(e))
    batch_count = count - 3 * quarter
    i = 0
    while i < batch_count:
        n = min(25, batch_count - i)
        msgs = []
        keys = []
        for j in range(i, i + n):
            key, msg = make(j, "batch")
            msgs.append(msg)
            keys.append(key)
        try:
            res = producer.send_batch(msgs)
            if int(res.status) == 0:
                ok += n
                for k in keys:
                    emit(sent=k, mode="batch")
            else:
                failed += n
                emit(failed=",".join(keys), status=int(res.status))
        except Exception as e:  # noqa: BLE001
            failed += n
            emit(failed=",".join(keys), error=str(e))
        i += n
    producer.shutdown()
    emit(done=True, ok=ok, failed=failed, seconds=round(time.time() - started, 3))


def batch_body(key, size):
    """The key reversed (its index first, so even 10-byte bodies differ), "|", then bytes 1...255 in a pattern
    that moves with the size: SIZE bytes, no NUL (the C API takes bodies as C strings), most of them not
    ASCII. BatchInteropTests builds the same bytes."""
    head = (key[::-1] + "|").encode()
    filler = bytes(1 + (i * 131 + size) % 255 for i in range(max(0, size - len(head))))
    return (head + filler)[:size]


def produce_batches(namesrv, topic, cases, prefix):
    producer = Producer("PG_BATCH_%d" % os.getpid(), timeout=10000)
    producer.set_namesrv_addr(namesrv)
    producer.start()
    ok = failed = 0
    for case in cases.split(","):
        count, size = (int(x) for x in case.split("x"))
        msgs = []
        sent = []
        for i in range(count):
            key = "%s-%s-%d" % (prefix, case, i)
            body = batch_body(key, size)
            msg = Message(topic)
            msg.set_keys(key)
            msg.set_tags("TagBatch")
            msg.set_body(body)
            msgs.append(msg)
            sent.append((key, body))
        try:
            res = producer.send_batch(msgs)
            status = int(res.status)
            emit(batch=case, status=status, offset=res.offset)
        except Exception as e:  # noqa: BLE001 - report, do not hide
            status = -1
            emit(batch=case, error=str(e))
        if status == 0:
            ok += count
            for key, body in sent:
                emit(sent=key, len=len(body), crc=zlib.crc32(body))
        else:
            failed += count
    producer.shutdown()
    emit(done=True, ok=ok, failed=failed)


def produce_for(namesrv, topic, seconds, prefix, outfile, pause_ms):
    producer = Producer("PG_LOAD_%d" % os.getpid(), timeout=10000)
    producer.set_namesrv_addr(namesrv)
    producer.start()
    out = open(outfile, "a", buffering=1)
    stop_file = outfile + ".stop"
    deadline = time.time() + seconds
    ok = failed = i = 0
    while time.time() < deadline and not os.path.exists(stop_file):
        key = "%s-%d" % (prefix, i)
        i += 1
        msg = Message(topic)
        msg.set_keys(key)
        msg.set_tags("TagLoad")
        msg.set_body("load body of %s" % key)
        try:
            res = producer.send_sync(msg)
            if int(res.status) == 0:
                ok += 1
                out.write(key + "\n")
            else:
                failed += 1
        except Exception:  # noqa: BLE001 - counted; only acknowledged keys must arrive
            failed += 1
        if pause_ms > 0:
            time.sleep(pause_ms / 1000.0)
    out.close()
    producer.shutdown()
    emit(done=True, ok=ok, failed=failed)


def consume(namesrv, topic, group, outfile, seconds, fail_tag=None, max_reconsume=None):
    consumer = PushConsumer(group)
    consumer.set_namesrv_addr(namesrv)
    consumer.set_instance_name("inst-%d" % os.getpid())
    out = open(outfile, "a", buffering=1)

    def on_message(_consumer, handle):
        msg = RecvMessage(handle)
        tags = msg.tags.decode() if isinstance(msg.tags, bytes) else msg.tags
        keys = msg.keys.decode() if isinstance(msg.keys, bytes) else msg.keys
        body = msg.body or b""
        out.write(json.dumps({
            "key": keys, "tags": tags, "topic": msg.topic, "queue": msg.queue_id, "offset": msg.queue_offset,
            "reconsume": msg.reconsume_times, "id": msg.id, "pid": os.getpid(),
            "len": len(body), "crc": zlib.crc32(body),
        }) + "\n")
        if fail_tag is not None and (tags == fail_tag or fail_tag == "key:%s" % keys):
            return 1  # RECONSUME_LATER
        return 0  # CONSUME_SUCCESS

    callback = ffi.MSG_CALLBACK_FUNC(on_message)
    ffi_check(dll.Subscribe(consumer._handle, topic.encode(), b"*"))
    ffi_check(dll.RegisterMessageCallback(consumer._handle, callback))
    if max_reconsume is not None:
        set_max_reconsume_times(consumer, max_reconsume)
    start_push_consumer(consumer)
    emit(started=True, pid=os.getpid())
    deadline = time.time() + seconds
    stop_file = outfile + ".stop"
    while time.time() < deadline and not os.path.exists(stop_file):
        time.sleep(0.2)
    consumer.shutdown()
    out.close()
    emit(stopped=True, pid=os.getpid())


def produce_timer(namesrv, topic, key, deliver_ms):
    producer = Producer("PG_INTEROP_TIMER_%d" % os.getpid(), timeout=10000)
    producer.set_namesrv_addr(namesrv)
    producer.start()
    msg = Message(topic)
    msg.set_keys(key)
    msg.set_body("timer %s" % key)
    msg.set_property("TIMER_DELIVER_MS", deliver_ms)
    res = producer.send_sync(msg)
    emit(sent=key, msg_id=res.msg_id, status=int(res.status), offset=res.offset)
    producer.shutdown()


def main(argv):
    mode = argv[1]
    if mode == "produce":
        produce(argv[2], argv[3], int(argv[4]), argv[5])
    elif mode == "produce-for":
        produce_for(argv[2], argv[3], float(argv[4]), argv[5], argv[6], float(argv[7]))
    elif mode == "produce-timer":
        produce_timer(argv[2], argv[3], argv[4], argv[5])
    elif mode == "batch":
        produce_batches(argv[2], argv[3], argv[4], argv[5])
    elif mode == "consume":
        consume(argv[2], argv[3], argv[4], argv[5], float(argv[6]), argv[7] if len(argv) > 7 else None,
                int(argv[8]) if len(argv) > 8 else None)
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
