#!/usr/bin/env python3
"""Drives the official Apache RocketMQ C++ client (either generation: rocketmq==0.4.4 in .venv or
rocketmq-python-cvs==2.1.0.3 in .venv-cpp21, the same API) with session credentials
(set_session_credentials) for the ACL interop tests. Secrets come from the environment, never argv.

Modes (JSON lines on stdout):
  produce NAMESRV TOPIC COUNT      env CPP_AK / CPP_SK: send COUNT messages with send_sync
  consume NAMESRV TOPIC GROUP OUTFILE SECONDS
                                   env CPP_AK / CPP_SK: push consumer; one JSON line per delivery to OUTFILE
"""
import json
import os
import sys
import time

from cpp_compat import start_push_consumer
from rocketmq.client import Message, Producer, PushConsumer


def emit(**kv):
    sys.stdout.write(json.dumps(kv) + "\n")
    sys.stdout.flush()


def credentials():
    return os.environ.get("CPP_AK", ""), os.environ.get("CPP_SK", "")


def produce(namesrv, topic, count):
    producer = Producer("PG_AUTH_%d" % os.getpid(), timeout=5000)
    producer.set_namesrv_addr(namesrv)
    ak, sk = credentials()
    if ak:
        producer.set_session_credentials(ak, sk, "")
    producer.start()
    ok = failed = 0
    for i in range(count):
        msg = Message(topic)
        msg.set_keys("auth-%d" % i)
        msg.set_body("body %d" % i)
        try:
            res = producer.send_sync(msg)
            if int(res.status) == 0:
                ok += 1
            else:
                failed += 1
                emit(failed=i, status=int(res.status))
        except Exception as e:  # noqa: BLE001 - the refusal is what the test looks for
            failed += 1
            emit(failed=i, error=str(e)[:300])
    producer.shutdown()
    emit(done=True, ok=ok, failed=failed)


def consume(namesrv, topic, group, outfile, seconds):
    consumer = PushConsumer(group)
    consumer.set_namesrv_addr(namesrv)
    consumer.set_instance_name("auth-%d" % os.getpid())
    ak, sk = credentials()
    if ak:
        consumer.set_session_credentials(ak, sk, "")
    out = open(outfile, "a", buffering=1)

    def on_message(msg):
        keys = msg.keys.decode() if isinstance(msg.keys, bytes) else msg.keys
        out.write(json.dumps({"key": keys, "topic": msg.topic}) + "\n")
        return None  # the wrapper answers CONSUME_SUCCESS when the callback does not raise

    consumer.subscribe(topic, on_message)
    start_push_consumer(consumer)
    emit(started=True)
    deadline = time.time() + seconds
    while time.time() < deadline and not os.path.exists(outfile + ".stop"):
        time.sleep(0.2)
    consumer.shutdown()
    out.close()
    emit(stopped=True)


def main(argv):
    if argv[1] == "produce":
        produce(argv[2], argv[3], int(argv[4]))
    elif argv[1] == "consume":
        consume(argv[2], argv[3], argv[4], argv[5], float(argv[6]))
    else:
        raise SystemExit("unknown mode " + argv[1])


if __name__ == "__main__":
    main(sys.argv)
