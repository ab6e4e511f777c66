#!/usr/bin/env python3
"""Drives Apache's transactional producer (PyPI rocketmq-client-python==2.0.0, TransactionMQProducer, over
librocketmq.so of the C++ client 2.1.0) for the transaction interop tests. Runs in .venv-txn.

Prints JSON lines on stdout; the Swift tests parse them. One mode:
  run NAMESRV TOPIC GROUP OUTFILE SPEC
      SPEC is KEY:LOCAL:CHECK[,KEY:LOCAL:CHECK...] with LOCAL and CHECK each commit, rollback or unknown:
      the message keyed KEY is sent in a transaction whose local execution answers LOCAL, and the broker's
      checks of it are answered CHECK. A key with LOCAL "-" is not sent (this producer only answers checks).
      Prints {"sent": KEY, "msg_id": ..., "status": ...} per send, then {"ready": true}; appends
      {"check": KEY, "answer": CHECK, "times": TRANSACTION_CHECK_TIMES, "msg_id": ...} to OUTFILE per check;
      runs until OUTFILE.stop exists, then shuts down and prints {"stopped": true}.
"""
import json
import os
import sys
import time

from rocketmq.client import Message, TransactionMQProducer, TransactionStatus

STATES = {"commit": TransactionStatus.COMMIT, "rollback": TransactionStatus.ROLLBACK,
          "unknown": TransactionStatus.UNKNOWN}


def emit(**kv):
    sys.stdout.write(json.dumps(kv) + "\n")
    sys.stdout.flush()


def parse_spec(spec):
    plan = []
    for item in spec.split(","):
        key, local, check = item.split(":")
        plan.append((key, local, check))
    return plan


def run(namesrv, topic, group, outfile, spec):
    plan = parse_spec(spec)
    check_answers = {key: STATES[check] for key, _, check in plan}
    out = open(outfile, "a", buffering=1)

    def on_check(msg):
        key = msg.keys.decode() if isinstance(msg.keys, bytes) else msg.keys
        answer = check_answers.get(key, TransactionStatus.UNKNOWN)
        times = msg.get_property("TRANSACTION_CHECK_TIMES")
        out.write(json.dumps({
            "check": key, "answer": answer.name.lower(), "msg_id": msg.id,
            "times": times.decode() if isinstance(times, bytes) else times, "pid": os.getpid(),
        }) + "\n")
        return answer

    producer = TransactionMQProducer(group, on_check, timeout=10000)
    producer.set_name_server_address(namesrv)
    producer.start()
    for key, local, _ in plan:
        if local == "-":
            continue
        msg = Message(topic)
        msg.set_keys(key)
        msg.set_tags("TagTxn")
        msg.set_body("transactional body of %s" % key)
        state = STATES[local]
        # The callback's message is the C++ client's message, not a received one: use only the closure's state.
        res = producer.send_message_in_transaction(msg, lambda _msg, _args, s=state: s)
        emit(sent=key, msg_id=res.msg_id, status=int(res.status), local=local)
    emit(ready=True, pid=os.getpid())
    stop_file = outfile + ".stop"
    # Wait for the test's stop file; a peer the test forgot (or that outlived it) gives up after 10 minutes.
    deadline = time.monotonic() + 600
    while not os.path.exists(stop_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    producer.shutdown()
    out.close()
    emit(stopped=True, pid=os.getpid())


def main(argv):
    if argv[1] == "run":
        run(argv[2], argv[3], argv[4], argv[5], argv[6])
    else:
        raise SystemExit("unknown mode " + argv[1])


if __name__ == "__main__":
    main(sys.argv)
