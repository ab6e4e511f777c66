"""The official RocketMQ 5 Python client (rocketmq-python-client 5.1.2, gRPC) against `broker start --grpc-listen`.

Usage: v5_client.py lifecycle ENDPOINT TOPIC GROUP STOP_FILE
       v5_client.py produce ENDPOINT NORMAL_TOPIC FIFO_TOPIC DELAY_TOPIC TX_TOPIC STOP_FILE
       v5_client.py simple ENDPOINT TOPIC GROUP COUNT STOP_FILE
       v5_client.py push ENDPOINT TOPIC TX_TOPIC GROUP COUNT STOP_FILE
       v5_client.py fifo ENDPOINT TOPIC GROUP STOP_FILE
       v5_client.py redeliver ENDPOINT TOPIC GROUP STOP_FILE
       v5_client.py inflight ENDPOINT TOPIC SIMPLE_GROUP PUSH_TOPIC PUSH_GROUP COUNT ACKED HELD STOP_FILE
       v5_client.py receive ENDPOINT TOPIC GROUP SEND EXPECT ACK INVISIBLE
       v5_client.py hold ENDPOINT TOPIC GROUP STOP_FILE
Credentials (when the broker runs with --auth) come from V5_ACCESS_KEY and V5_SECRET_KEY, never from argv.

Starts a Producer (publishing TOPIC) and a PushConsumer (GROUP subscribing TOPIC; its startup waits up to 10 s for
the server's settings), prints one JSON line {"event": "started", ...} with the settings each applied, waits until
STOP_FILE exists (the test checks the broker side meanwhile), shuts both down (NotifyClientTermination) and prints
{"event": "stopped"}.

produce: one Producer (with a TransactionChecker answering COMMIT) sends a normal message (tag, keys, a user
property), two FIFO messages of message group "g1", a delay message due in 60 s, and three transactional ones: the
first committed, the second rolled back, the third left open (the broker's check reaches the checker over Telemetry).
Prints {"event": "sent", ...message ids...}, then {"event": "checked", "message_id": ...} when the checker ran, waits
for STOP_FILE and shuts down.

simple: a Producer sends COUNT messages to TOPIC, a SimpleConsumer (GROUP, 5 s long polling, 10 s invisible time)
receives until it has every one and acks each as it comes; prints {"event": "consumed", "sent": [...ids],
"received": [...ids], "attempts": [...], "bodies": [...]}, waits for STOP_FILE, shuts down.

push: a Producer sends COUNT messages to TOPIC and one committed transactional message to TX_TOPIC; a PushConsumer
(GROUP, subscribing both) consumes until it has seen every one; prints {"event": "consumed", ...} as simple does,
waits for STOP_FILE, shuts down.

fifo: a Producer sends 5 messages to each of the message groups a, b and c of FIFO TOPIC (bodies "a-0" … "c-4"); a
PushConsumer of the orderly GROUP consumes all 15 (its settings select FIFO consumption); prints {"event": "consumed",
..., "fifo": ...the client's fifo setting} with the bodies in consumption order.

redeliver: a Producer sends one message; a SimpleConsumer receives it (1 s invisible time), never acks, receiving
until it came twice; prints {"event": "consumed", ...} with both delivery attempts (the broker then dead-letters it when
the group allows one retry).

inflight: a Producer (publishing TOPIC and PUSH_TOPIC) sends COUNT messages to TOPIC; a SimpleConsumer (SIMPLE_GROUP)
receives ACKED of them and acks each, then receives HELD more (60 s invisible time) and keeps them unacked; a
PushConsumer (PUSH_GROUP, subscribing PUSH_TOPIC, where nothing is sent) runs alongside. Prints {"event": "held",
"sent": [...], "acked": [...], "held": [...]}; when STOP_FILE.ack exists, acks the held ones and prints {"event":
"acked"}; then waits for STOP_FILE and shuts all three down (the test looks at the broker's listings meanwhile).
receive: a Producer sends SEND messages (bodies "m-0" ...; none when 0); a SimpleConsumer (GROUP, 5 s long polling)
receives with INVISIBLE seconds of invisible time until EXPECT distinct messages came, acks the first ACK of them,
and when it acked all of them receives once more (what comes then should not); prints {"event": "consumed", "sent",
"received", "attempts", "bodies", "acked", "extra"}, shuts down and exits (the restart test runs one per broker life).

hold: a Producer sends one message; a PushConsumer (GROUP) consumes it with a listener that prints {"event":
"holding", "message_id": ...} and holds it until STOP_FILE.release exists (the test makes it once the message's first
invisible time has ended: the server renews it meanwhile) before it returns SUCCESS; then prints {"event": "consumed",
...} as push does, waits for STOP_FILE, shuts down.

Any failure prints {"event": "error", ...} and exits 1.
"""
import json
import os
import sys
import threading
import time
import traceback

from rocketmq import (ClientConfiguration, ConsumeResult, Credentials, FilterExpression, Message, MessageListener,
                      Producer, PushConsumer, SimpleConsumer, TransactionChecker,
                      TransactionResolution)


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
    wait_for(stop_file)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


class CommitChecker(TransactionChecker):
    def check(self, message):
        emit(event="checked", message_id=message.message_id, topic=message.topic)
        return TransactionResolution.COMMIT


def wait_for(stop_file):
    # The test asks the client to stop by creating this file; the standard library has no notification of a file
    # appearing, so this one wait polls (with a deadline).
    deadline = time.monotonic() + 120
    while not os.path.exists(stop_file):
        if time.monotonic() > deadline:
            raise TimeoutError("no stop file after 120 s")
        time.sleep(0.05)


def new_message(topic, body):
    m = Message()
    m.topic = topic
    m.body = body.encode()
    return m


def produce(endpoint, normal_topic, fifo_topic, delay_topic, tx_topic, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (normal_topic, fifo_topic, delay_topic, tx_topic), CommitChecker())
    producer.startup()
    normal = new_message(normal_topic, "normal")
    normal.tag = "TagA"
    normal.keys = "key1"
    normal.add_property("color", "blue")
    sent = {"normal": producer.send(normal).message_id, "fifo": []}
    for i in range(2):
        fifo = new_message(fifo_topic, "fifo-%d" % i)
        fifo.message_group = "g1"
        sent["fifo"].append(producer.send(fifo).message_id)
    delay = new_message(delay_topic, "delay")
    delay.delivery_timestamp = int(time.time()) + 60
    sent["delay"] = producer.send(delay).message_id
    for name in ("commit", "rollback", "orphan"):
        tx = producer.begin_transaction()
        sent[name] = producer.send(new_message(tx_topic, name), tx).message_id
        if name == "commit":
            tx.commit()
        elif name == "rollback":
            tx.rollback()
    emit(event="sent", **sent)
    wait_for(stop_file)
    producer.shutdown()
    emit(event="stopped")


def simple(endpoint, topic, group, count, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic,))
    producer.startup()
    sent = [producer.send(new_message(topic, "simple-%d" % i)).message_id for i in range(int(count))]
    consumer = SimpleConsumer(config, group, {topic: FilterExpression()}, await_duration=5)
    consumer.startup()
    received, attempts, bodies = [], [], []
    deadline = time.monotonic() + 60
    while len(set(received)) < len(sent):
        if time.monotonic() > deadline:
            raise TimeoutError("received %d of %d messages in 60 s" % (len(set(received)), len(sent)))
        for message in consumer.receive(16, 10):
            received.append(message.message_id)
            attempts.append(message.delivery_attempt)
            bodies.append(message.body.decode())
            consumer.ack(message)
    emit(event="consumed", sent=sent, received=received, attempts=attempts, bodies=bodies)
    wait_for(stop_file)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


class Collector(MessageListener):
    def __init__(self):
        self.lock = threading.Condition()
        self.received, self.attempts, self.bodies = [], [], []

    def consume(self, message):
        with self.lock:
            self.received.append(message.message_id)
            self.attempts.append(message.delivery_attempt)
            self.bodies.append(message.body.decode())
            self.lock.notify_all()
        return ConsumeResult.SUCCESS

    def wait_for_all(self, sent, timeout):
        """Waits, woken by each delivery, until every id in `sent` was consumed."""
        with self.lock:
            if not self.lock.wait_for(lambda: set(sent) <= set(self.received), timeout):
                raise TimeoutError("consumed %s of %s in %d s" % (self.received, sent, timeout))


def push(endpoint, topic, tx_topic, group, count, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic, tx_topic), CommitChecker())
    producer.startup()
    sent = [producer.send(new_message(topic, "push-%d" % i)).message_id for i in range(int(count))]
    tx = producer.begin_transaction()
    sent.append(producer.send(new_message(tx_topic, "push-tx"), tx).message_id)
    tx.commit()
    collector = Collector()
    consumer = PushConsumer(config, group, collector, {topic: FilterExpression(), tx_topic: FilterExpression()})
    consumer.startup()
    collector.wait_for_all(sent, timeout=60)
    with collector.lock:
        emit(event="consumed", sent=sent, received=collector.received, attempts=collector.attempts,
             bodies=collector.bodies)
    wait_for(stop_file)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


def fifo(endpoint, topic, group, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic,))
    producer.startup()
    sent = []
    for i in range(5):
        for message_group in ("a", "b", "c"):
            m = new_message(topic, "%s-%d" % (message_group, i))
            m.message_group = message_group
            sent.append(producer.send(m).message_id)
    collector = Collector()
    consumer = PushConsumer(config, group, collector, {topic: FilterExpression()})
    consumer.startup()
    collector.wait_for_all(sent, timeout=60)
    with collector.lock:
        emit(event="consumed", sent=sent, received=collector.received, attempts=collector.attempts,
             bodies=collector.bodies, fifo=consumer._PushConsumer__fifo)
    wait_for(stop_file)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


def redeliver(endpoint, topic, group, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic,))
    producer.startup()
    sent = [producer.send(new_message(topic, "again")).message_id]
    consumer = SimpleConsumer(config, group, {topic: FilterExpression()}, await_duration=5)
    consumer.startup()
    received, attempts, bodies = [], [], []
    deadline = time.monotonic() + 60
    while len(received) < 2:
        if time.monotonic() > deadline:
            raise TimeoutError("received %s in 60 s" % received)
        for message in consumer.receive(1, 1):
            received.append(message.message_id)
            attempts.append(message.delivery_attempt)
            bodies.append(message.body.decode())
    emit(event="consumed", sent=sent, received=received, attempts=attempts, bodies=bodies)
    wait_for(stop_file)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


def receive_exactly(consumer, count, invisible_seconds):
    """Receives `count` messages (never more: each call asks for what is still missing)."""
    messages = []
    deadline = time.monotonic() + 60
    while len(messages) < count:
        if time.monotonic() > deadline:
            raise TimeoutError("received %d of %d messages in 60 s" % (len(messages), count))
        messages.extend(consumer.receive(count - len(messages), invisible_seconds))
    return messages


def inflight(endpoint, topic, simple_group, push_topic, push_group, count, acked, held, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic, push_topic))
    producer.startup()
    sent = [producer.send(new_message(topic, "hold-%d" % i)).message_id for i in range(int(count))]
    push_consumer = PushConsumer(config, push_group, Listener(), {push_topic: FilterExpression()})
    push_consumer.startup()
    consumer = SimpleConsumer(config, simple_group, {topic: FilterExpression()}, await_duration=5)
    consumer.startup()
    first = receive_exactly(consumer, int(acked), 30)
    for message in first:
        consumer.ack(message)
    kept = receive_exactly(consumer, int(held), 60)
    emit(event="held", sent=sent, acked=[m.message_id for m in first], held=[m.message_id for m in kept])
    wait_for(stop_file + ".ack")
    for message in kept:
        consumer.ack(message)
    emit(event="acked")
    wait_for(stop_file)
    consumer.shutdown()
    push_consumer.shutdown()
def receive(endpoint, topic, group, send, expect, ack, invisible):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    sent = []
    if int(send) > 0:
        producer = Producer(config, (topic,))
        producer.startup()
        sent = [producer.send(new_message(topic, "m-%d" % i)).message_id for i in range(int(send))]
        producer.shutdown()
    consumer = SimpleConsumer(config, group, {topic: FilterExpression()}, await_duration=5)
    consumer.startup()
    received, attempts, bodies, messages = [], [], [], []
    deadline = time.monotonic() + 60
    while len(set(received)) < int(expect):
        if time.monotonic() > deadline:
            raise TimeoutError("received %s in 60 s" % received)
        for message in consumer.receive(16, int(invisible)):
            received.append(message.message_id)
            attempts.append(message.delivery_attempt)
            bodies.append(message.body.decode())
            messages.append(message)
    acked = []
    for message in messages[:int(ack)]:
        consumer.ack(message)
        acked.append(message.message_id)
    extra = []
    if int(ack) >= len(messages):
        extra = [m.message_id for m in consumer.receive(16, int(invisible))]
    emit(event="consumed", sent=sent, received=received, attempts=attempts, bodies=bodies, acked=acked, extra=extra)
    consumer.shutdown()
    emit(event="stopped")


class Holder(Collector):
    def __init__(self, release_file):
        super().__init__()
        self.release_file = release_file

    def consume(self, message):
        emit(event="holding", message_id=message.message_id)
        # Consumption lasts until the test releases it (after the first invisible time, or never: it kills us).
        wait_for(self.release_file)
        return super().consume(message)


def hold(endpoint, topic, group, stop_file):
    credentials = Credentials(os.environ.get("V5_ACCESS_KEY", ""), os.environ.get("V5_SECRET_KEY", ""))
    config = ClientConfiguration(endpoint, credentials)
    producer = Producer(config, (topic,))
    producer.startup()
    sent = [producer.send(new_message(topic, "held")).message_id]
    holder = Holder(stop_file + ".release")
    consumer = PushConsumer(config, group, holder, {topic: FilterExpression()})
    consumer.startup()
    holder.wait_for_all(sent, timeout=180)
    with holder.lock:
        emit(event="consumed", sent=sent, received=holder.received, attempts=holder.attempts, bodies=holder.bodies)
    wait_for(stop_file)
    consumer.shutdown()
    producer.shutdown()
    emit(event="stopped")


def main():
    try:
        if sys.argv[1] == "lifecycle":
            lifecycle(*sys.argv[2:])
        elif sys.argv[1] == "produce":
            produce(*sys.argv[2:])
        elif sys.argv[1] == "simple":
            simple(*sys.argv[2:])
        elif sys.argv[1] == "push":
            push(*sys.argv[2:])
        elif sys.argv[1] == "fifo":
            fifo(*sys.argv[2:])
        elif sys.argv[1] == "redeliver":
            redeliver(*sys.argv[2:])
        elif sys.argv[1] == "receive":
            receive(*sys.argv[2:])
        elif sys.argv[1] == "inflight":
            inflight(*sys.argv[2:])
        elif sys.argv[1] == "hold":
            hold(*sys.argv[2:])
        else:
            raise ValueError("unknown mode " + sys.argv[1])
    except Exception as e:  # noqa: BLE001 - reported to the test, which fails with it
        emit(event="error", error=repr(e), trace=traceback.format_exc())
        sys.exit(1)
    # The client leaves non-daemon threads behind after shutdown in some versions: exit now that it is done.
    os._exit(0)


if __name__ == "__main__":
    main()
