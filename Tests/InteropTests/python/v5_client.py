"""The official RocketMQ 5 Python client (rocketmq-python-client 5.1.2, gRPC) against `broker start --grpc-listen`.

Usage: v5_client.py lifecycle ENDPOINT TOPIC GROUP STOP_FILE
Credentials (when the broker runs with --auth) come from V5_ACCESS_KEY and V5_SECRET_KEY, never from argv.

Starts a Producer (publishing TOPIC) and a PushConsumer (GROUP subscribing TOPIC; its startup waits up to 10 s for
the server's settings), prints one JSON line {"event": "started", ...} with the settings each applied, waits until
STOP_FILE exists (the test checks the broker side meanwhile), shuts both down (NotifyClientTermination) and prints
{"event": "stopped"}. Any failure prints {"event": "error", ...} and exits 1.
"""
import json
import os
import sys
import time
import traceback

from rocketmq import (ClientConfiguration, ConsumeResult, Credentials, FilterExpression, MessageListener,
                      Producer, PushConsumer)


class Listener(MessageListener):
    def consume(self, message):
        return ConsumeResult.SUCCESS


def emit(**fields):
    print(json.dumps(fields), flush=True)


def lifecycle(endpoint, topic, group, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic,))
    producer.startup()
    consumer = PushConsumer(config, group, Listener(), {topic: FilterExpression()})
    consumer.startup()  # raises unless the server's settings arrive within 10 s
    emit(
        event="started",
        # What each client took from the settings reply (private fields of the client: nothing public shows them).
        producer_max_body_size=producer._Producer__max_body_size,
        producer_validate_message_type=producer._Producer__validate_message_type,
        consumer_long_polling_timeout=consumer._PushConsumer__long_polling_timeout,
        consumer_fifo=consumer._PushConsumer__fifo,
    )
    deadline = time.monotonic() + 120
    while not os.path.exists(stop_file):
        if time.monotonic() > deadline:
            raise TimeoutError("no stop file after 120 s")
        time.sleep(0.05)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


def main():
    try:
        if sys.argv[1] == "lifecycle":
            lifecycle(*sys.argv[2:])
        else:
            raise ValueError("unknown mode " + sys.argv[1])
    except Exception as e:  # noqa: BLE001 - reported to the test, which fails with it
        emit(event="error", error=repr(e), trace=traceback.format_exc())
        sys.exit(1)
    # The client leaves non-daemon threads behind after shutdown in some versions: exit now that it is done.
    os._exit(0)


if __name__ == "__main__":
    main()
