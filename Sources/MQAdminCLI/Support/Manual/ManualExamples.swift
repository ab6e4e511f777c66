/// One example of a man page: what it does, then the command line (starting with `mqadmin`).
struct ManualExample: Sendable {
    var purpose: String
    var command: String

    init(_ purpose: String, _ command: String) {
        self.purpose = purpose
        self.command = command
    }
}

/// The EXAMPLES of every man page, keyed by the command words after `mqadmin` (`""` is the top page).
/// A new command adds its examples here: DocsSyncTests fails for a command without one, and for an
/// example that does not parse as an invocation of its command.
enum ManualExamples {
    static let byCommand: [String: [ManualExample]] = [
        "": [
            ManualExample("Start a bundled broker with sample topics and groups, and tour it:", "mqadmin demo"),
            ManualExample("List the topics of a cluster:", "mqadmin -n 10.0.0.5:9876 topic list"),
            ManualExample("Open an interactive session on a cluster:", "mqadmin repl -n 10.0.0.5:9876"),
        ],
        "demo": [
            ManualExample("Seed a fresh data directory and tour it:", "mqadmin demo --data /tmp/mq-demo"),
        ],
        "broker": [
            ManualExample("Run the bundled broker on the default data directory:", "mqadmin broker start"),
        ],
        "broker start": [
            ManualExample("Run the bundled name server and broker on ~/.mqadmin/data:", "mqadmin broker start"),
            ManualExample(
                "Listen on all interfaces with authentication on, creating the super user admin "
                    + "(password from MQADMIN_ADMIN_PASSWORD):",
                "mqadmin broker start --listen 0.0.0.0:9876 --broker-listen 0.0.0.0:10911 --auth --admin-user admin"),
            ManualExample(
                "Acknowledge sends only once on disk, keeping a week of messages:",
                "mqadmin broker start --data /var/lib/mqadmin --flush sync --retention 7d"),
            ManualExample(
                "Also serve RocketMQ 5 (gRPC) clients on 127.0.0.1:8081 (their access point):",
                "mqadmin broker start --grpc-listen 8081"),
        ],
        "broker status": [
            ManualExample("Runtime figures of every broker of a cluster:", "mqadmin broker status -n 10.0.0.5:9876"),
            ManualExample("One broker, as JSON:", "mqadmin broker status -b 10.0.0.6:10911 -o json"),
        ],
        "repl": [
            ManualExample("An interactive session on a cluster:", "mqadmin repl -n 10.0.0.5:9876"),
            ManualExample("Run commands from a file, going on after a failure:", "mqadmin repl --keep-going"),
        ],
        "topic": [ManualExample("List the topics:", "mqadmin topic list")],
        "topic create": [
            ManualExample(
                "Create a topic with 16 queues on every master of DefaultCluster:",
                "mqadmin topic create orders -r 16 -w 16 -c DefaultCluster"),
            ManualExample(
                "Create an ordered topic on one broker unless it exists:",
                "mqadmin topic create payments --order -b 10.0.0.6:10911 --if-not-exists"),
            ManualExample("A topic for delayed messages:", "mqadmin topic create reminders --type DELAY"),
        ],
        "topic update": [
            ManualExample("Grow a topic to 32 queues:", "mqadmin topic update orders -r 32 -w 32"),
            ManualExample("Make a topic read-only:", "mqadmin topic update orders --perm R"),
        ],
        "topic delete": [
            ManualExample("Delete a topic without being asked:", "mqadmin topic delete orders -y"),
        ],
        "topic list": [
            ManualExample("The topics of a cluster:", "mqadmin topic list -n 10.0.0.5:9876"),
            ManualExample("System topics too, as JSON:", "mqadmin topic list --system -o json"),
        ],
        "topic describe": [
            ManualExample("Queues, offsets and configuration of a topic:", "mqadmin topic describe orders"),
        ],
        "topic route": [
            ManualExample("Which brokers serve a topic:", "mqadmin topic route orders -o json"),
        ],
        "cluster": [ManualExample("The clusters and their brokers:", "mqadmin cluster list")],
        "cluster check": [
            ManualExample("Check every name server and broker (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN):",
                "mqadmin cluster check"),
            ManualExample("Also send a message to every master and pull it back:", "mqadmin cluster check --probe"),
            ManualExample("For a Prometheus textfile collector:", "mqadmin cluster check --probe -o prometheus"),
        ],
        "clusterRT": [
            ManualExample("Send RT of every broker, 10 messages each, every 5 s:", "mqadmin clusterRT -a 10 -i 5"),
            ManualExample("One round, as JSON:", "mqadmin clusterRT -c DefaultCluster -a 10 --rounds 1 --output json"),
        ],
        "checkMsgSendRT": [
            ManualExample(
                "Send 20 messages of 64 bytes over a topic's queues:", "mqadmin checkMsgSendRT -t orders -a 20 -s 64"),
        ],
        "queryCq": [
            ManualExample("Five consume queue entries of queue 0 from index 100:",
                "mqadmin queryCq -t orders -q 0 -i 100 -c 5"),
        ],
        "brokerConsumeStats": [
            ManualExample("Every group's offsets on one broker, lag 100 or more:",
                "mqadmin brokerConsumeStats -b 10.0.0.5:10911 -l 100"),
        ],
        "cluster list": [
            ManualExample("The brokers of every cluster:", "mqadmin cluster list -n 10.0.0.5:9876"),
            ManualExample("One cluster, as JSON:", "mqadmin cluster list -c DefaultCluster -o json"),
        ],
        "updateTopic": [
            ManualExample(
                "Create or update a topic on every master of a cluster (Apache's form):",
                "mqadmin updateTopic -n 127.0.0.1:9876 -c DefaultCluster -t TopicTest -r 8 -w 8"),
            ManualExample(
                "An ordered topic on one broker:",
                "mqadmin updateTopic -b 127.0.0.1:10911 -t OrderTopic -o true"),
        ],
        "deleteTopic": [
            ManualExample(
                "Delete a topic from a cluster:",
                "mqadmin deleteTopic -n 127.0.0.1:9876 -c DefaultCluster -t TopicTest"),
        ],
        "broker drain": [
            ManualExample(
                "Stop producers sending to broker-a and wait until it is safe to stop:",
                "mqadmin broker drain broker-a --wait --wait-timeout 5m"),
        ],
        "broker undrain": [
            ManualExample("Let producers send to broker-a again:", "mqadmin broker undrain broker-a"),
        ],
        // Configuration: broker config, namesrv config and their classic names.
        "broker config": [
            ManualExample(
                "Every broker's brokerPermission and traceOn:", "mqadmin broker config get brokerPermission traceOn"),
        ],
        "broker config get": [
            ManualExample("One broker's whole configuration:", "mqadmin broker config get broker-a"),
            ManualExample(
                "Two keys on every broker of a cluster, as JSON:",
                "mqadmin broker config get -c DefaultCluster brokerPermission traceOn -o json"),
        ],
        "broker config set": [
            ManualExample(
                "Show what making broker-a read-only would change:",
                "mqadmin broker config set brokerPermission=4 broker-a"),
            ManualExample("Make it read-only:", "mqadmin broker config set brokerPermission=4 broker-a --execute"),
        ],
        "broker config diff": [
            ManualExample(
                "The keys whose values differ between the brokers of a cluster (exit 1 when some do):",
                "mqadmin broker config diff -c DefaultCluster"),
        ],
        "namesrv": [
            ManualExample("Every name server's configuration:", "mqadmin namesrv config get"),
            ManualExample("The order-topic configurations:", "mqadmin namesrv kv list ORDER_TOPIC_CONFIG"),
        ],
        "namesrv config": [ManualExample("Every name server's configuration:", "mqadmin namesrv config get")],
        "namesrv config get": [
            ManualExample(
                "One key on every name server of -n:",
                "mqadmin namesrv config get orderMessageEnable -n 'a:9876;b:9876'"),
        ],
        "namesrv config set": [
            ManualExample(
                "Let routes carry order-topic configurations, on every name server:",
                "mqadmin namesrv config set orderMessageEnable=true --execute"),
        ],
        "getBrokerConfig": [
            ManualExample(
                "One broker's configuration:", "mqadmin getBrokerConfig -n 127.0.0.1:9876 -b 127.0.0.1:10911"),
        ],
        "updateBrokerConfig": [
            ManualExample(
                "Make every master of a cluster read-only:",
                "mqadmin updateBrokerConfig -n 127.0.0.1:9876 -c DefaultCluster -k brokerPermission -v 4"),
        ],
        "getNamesrvConfig": [
            ManualExample("The name servers' configuration:", "mqadmin getNamesrvConfig -n 127.0.0.1:9876"),
        ],
        "updateNamesrvConfig": [
            ManualExample(
                "Turn on order-topic configurations in routes:",
                "mqadmin updateNamesrvConfig -n 127.0.0.1:9876 -k orderMessageEnable -v true"),
        ],
        "wipeWritePerm": [
            ManualExample(
                "Stop producers sending to broker-a (every name server of -n), e.g. before stopping it:",
                "mqadmin wipeWritePerm -n 127.0.0.1:9876 -b broker-a"),
        ],
        "addWritePerm": [
            ManualExample(
                "Let producers send to broker-a again:", "mqadmin addWritePerm -n 127.0.0.1:9876 -b broker-a"),
        ],
        "topicList": [
            ManualExample("The topics the name server knows:", "mqadmin topicList -n 127.0.0.1:9876"),
            ManualExample("With their clusters and consumer groups:", "mqadmin topicList -n 127.0.0.1:9876 -c"),
        ],
        "topicStatus": [
            ManualExample("Offsets of every queue of a topic:", "mqadmin topicStatus -n 127.0.0.1:9876 -t TopicTest"),
        ],
        "topicRoute": [
            ManualExample(
                "The route of a topic, as Apache prints it:",
                "mqadmin topicRoute -n 127.0.0.1:9876 -t TopicTest"),
        ],
        "topicClusterList": [
            ManualExample("The clusters a topic is on:", "mqadmin topicClusterList -n 127.0.0.1:9876 -t TopicTest"),
        ],
        "clusterList": [
            ManualExample("Brokers and their load:", "mqadmin clusterList -n 127.0.0.1:9876"),
            ManualExample("With more figures, every 5 seconds:", "mqadmin clusterList -n 127.0.0.1:9876 -m -i 5"),
        ],
        "brokerStatus": [
            ManualExample(
                "The runtime figures of one broker:",
                "mqadmin brokerStatus -n 127.0.0.1:9876 -b 127.0.0.1:10911"),
        ],
        "group": [ManualExample("The consumer groups:", "mqadmin group list")],
        "group create": [
            ManualExample(
                "Create a consumer group on every master of a cluster:",
                "mqadmin group create order-service -c DefaultCluster"),
            ManualExample(
                "An orderly group retrying 5 times, on one broker:",
                "mqadmin group create billing --orderly --retry-max-times 5 -b 10.0.0.6:10911"),
        ],
        "group update": [
            ManualExample("Stop a group consuming:", "mqadmin group update order-service --no-consume-enable"),
        ],
        "group set-mode": [
            ManualExample(
                "Let Java 5.x members of a group pop every queue of a topic:",
                "mqadmin group set-mode order-service --topic orders --mode pop"),
        ],
        "group delete": [
            ManualExample(
                "Delete a group with its offsets, without being asked:",
                "mqadmin group delete order-service --clean-offsets -y"),
        ],
        "group list": [
            ManualExample("The consumer groups:", "mqadmin group list"),
            ManualExample("System groups too, as JSON:", "mqadmin group list --system -o json"),
        ],
        "group describe": [
            ManualExample("Configuration, consumers and lag of a group:", "mqadmin group describe order-service"),
        ],
        "group doctor": [
            ManualExample("Why a group lags: each verdict with its evidence:", "mqadmin group doctor order-service"),
            ManualExample(
                "In CI: a longer window, exit 6 past 1000 messages or 10 minutes behind:",
                "mqadmin group doctor order-service --interval 15s --fail-if-lag-over 1000 --fail-if-age-over 10m"),
        ],
        "group status": [
            ManualExample(
                "What each live member of a group is doing, per queue:", "mqadmin group status order-service"),
            ManualExample(
                "One member, with its thread stacks:",
                "mqadmin group status order-service --client 10.0.0.5@4711 --stack"),
        ],
        "offset": [ManualExample("A group's offsets:", "mqadmin offset show order-service")],
        "offset show": [
            ManualExample(
                "A group's offsets and lag per queue of one topic:",
                "mqadmin offset show order-service -t orders"),
        ],
        "offset reset": [
            ManualExample(
                "Plan a replay of the last two hours (prints the plan, changes nothing):",
                "mqadmin offset reset order-service -t orders --to-time -2h"),
            ManualExample(
                "Skip the backlog, without being asked:",
                "mqadmin offset reset order-service -t orders --to-latest --execute -y"),
        ],
        "offset undo": [
            ManualExample("The changes that can be undone:", "mqadmin offset undo --list"),
            ManualExample("Undo the newest change:", "mqadmin offset undo --execute -y"),
        ],
        "offset clone": [
            ManualExample(
                "Give a new group the offsets of an old one:",
                "mqadmin offset clone order-service order-service-v2 -t orders --execute"),
        ],
        "offset export": [
            ManualExample("Save a group's offsets to a file:", "mqadmin offset export order-service -f offsets.json"),
        ],
        "offset import": [
            ManualExample(
                "Restore them into another group:",
                "mqadmin offset import offsets.json -g order-service-v2 --execute -y"),
        ],
        "updateSubGroup": [
            ManualExample(
                "Create or update a group on every master (Apache's form):",
                "mqadmin updateSubGroup -n 127.0.0.1:9876 -c DefaultCluster -g GroupTest"),
            ManualExample(
                "A broadcast group retrying 5 times on one broker:",
                "mqadmin updateSubGroup -b 127.0.0.1:10911 -g GroupTest -d true -r 5"),
        ],
        "setConsumeMode": [
            ManualExample(
                "Let a group's Java 5.x members pop a topic, on a cluster's masters:",
                "mqadmin setConsumeMode -n 127.0.0.1:9876 -c DefaultCluster -t orders -g order-service -m POP"),
        ],
        "deleteSubGroup": [
            ManualExample(
                "Delete a group and its offsets from a cluster:",
                "mqadmin deleteSubGroup -n 127.0.0.1:9876 -c DefaultCluster -g GroupTest -r true"),
        ],
        "consumerConnection": [
            ManualExample(
                "The online consumers of a group:",
                "mqadmin consumerConnection -n 127.0.0.1:9876 -g GroupTest"),
        ],
        "consumerStatus": [
            ManualExample(
                "Every member's running info, written to <now>/<clientId> files, and the analysis:",
                "mqadmin consumerStatus -n 127.0.0.1:9876 -g GroupTest"),
            ManualExample(
                "One member's running info with its stacks:",
                "mqadmin consumerStatus -n 127.0.0.1:9876 -g GroupTest -i 10.0.0.5@4711 -s"),
        ],
        "consumerProgress": [
            ManualExample("Every group's lag:", "mqadmin consumerProgress -n 127.0.0.1:9876"),
            ManualExample(
                "One group, with client addresses:",
                "mqadmin consumerProgress -n 127.0.0.1:9876 -g GroupTest -s true"),
        ],
        "resetOffsetByTime": [
            ManualExample(
                "Move a group back to a moment:",
                "mqadmin resetOffsetByTime -n 127.0.0.1:9876 -g GroupTest -t TopicTest -s 2026-11-25#08:00:00:000"),
            ManualExample(
                "To the end:",
                "mqadmin resetOffsetByTime -n 127.0.0.1:9876 -g GroupTest -t TopicTest -s now"),
        ],
        "skipAccumulatedMessage": [
            ManualExample(
                "Skip a group's backlog:",
                "mqadmin skipAccumulatedMessage -n 127.0.0.1:9876 -g GroupTest -t TopicTest"),
        ],
        "cloneGroupOffset": [
            ManualExample(
                "Copy one group's offsets to another:",
                "mqadmin cloneGroupOffset -n 127.0.0.1:9876 -s GroupTest -d GroupTest2 -t TopicTest"),
        ],
        "message": [ManualExample("Send a message:", "mqadmin message send orders 'hello'")],
        "message send": [
            ManualExample(
                "Send a message with a key and a tag:",
                "mqadmin message send orders '{\"id\":42}' -k order-42 --tag created"),
            ManualExample(
                "Send a file's content with a property:",
                "mqadmin message send orders --file order.json --property region=eu"),
        ],
        "message consume": [
            ManualExample(
                "Take 10 messages as a group and commit:",
                "mqadmin message consume orders -g order-service -c 10"),
            ManualExample(
                "Look at the earliest messages with a tag, without committing:",
                "mqadmin message consume orders -g audit --from earliest --tag 'created || paid' --no-commit"),
        ],
        "message query": [
            ManualExample(
                "Messages with a key, stored in the last day:",
                "mqadmin message query -t orders -k order-42 --begin -1d"),
        ],
        "message get": [
            ManualExample(
                "One message by its message id:",
                "mqadmin message get 7F0000010001A2B4C3D4E5F600000000 -t orders"),
            ManualExample(
                "One message by queue offset, saving the body:",
                "mqadmin message get -t orders --broker broker-a --queue 3 --offset 1200 --save body.bin"),
        ],
        "message browse": [
            ManualExample(
                "What a topic stored between 02:00 and 02:10 (display zone), oldest first:",
                "mqadmin message browse orders --since 2026-12-03T02:00 --until 2026-12-03T02:10"),
            ManualExample(
                "One line per message from a template, only one key and a property condition:",
                "mqadmin message browse orders --since=-1h --key order-42 --where \"region = 'eu'\" "
                    + "--format '{time} {keys} {body}'"),
        ],
        "message tail": [
            ManualExample("The 10 newest messages of a topic:", "mqadmin message tail orders"),
            ManualExample(
                "New messages with a tag as they arrive, until Ctrl-C:",
                "mqadmin message tail orders --follow --tag paid --format '{time} {msgId} {body}'"),
        ],
        // DLQ and message export/import (issue 17 item 4).
        "dlq": [ManualExample("What a group gave up on:", "mqadmin dlq list billing")],
        "dlq list": [
            ManualExample("What group billing gave up on in the last day:", "mqadmin dlq list billing --since=-1d"),
            ManualExample("One key, as JSON:", "mqadmin dlq list billing --key order-42 -o json"),
        ],
        "dlq resend": [
            ManualExample("The plan: which messages would go back to which topic:", "mqadmin dlq resend billing"),
            ManualExample(
                "Resend the last hour's, once (a second run skips what the journal says was resent):",
                "mqadmin dlq resend billing --since=-1h --execute --yes"),
        ],
        "message export": [
            ManualExample(
                "A topic's messages of one hour to a file:",
                "mqadmin message export orders --since 2026-12-03T02:00 --until 2026-12-03T03:00 -f orders.jsonl"),
        ],
        "message import": [
            ManualExample(
                "The plan for sending an export to another topic:",
                "mqadmin message import orders-copy -f orders.jsonl"),
            ManualExample(
                "Send it, one result per line (`-f -` reads the lines from stdin, e.g. piped from `message export`):",
                "mqadmin message import orders-copy -f orders.jsonl --execute --yes"),
        ],
        "message resend": [
            ManualExample(
                "Push a message to one live consumer and print what its listener answered:",
                "mqadmin message resend 7F00000100002A9F0000000000000000 -g order-service "
                    + "--client 10.0.0.5@12345"),
            ManualExample(
                "Give the group the message again through its retry topic:",
                "mqadmin message resend 7F0000010001A2B4C3D4E5F600000000 -t orders -g order-service"),
        ],
        "consumeMessage": [
            ManualExample(
                "The oldest 10 messages of a topic:", "mqadmin consumeMessage -n 127.0.0.1:9876 -t TopicTest -c 10"),
            ManualExample(
                "One queue from an offset:",
                "mqadmin consumeMessage -n 127.0.0.1:9876 -t TopicTest -b broker-a -i 0 -o 100 -c 5"),
        ],
        "printMsg": [
            ManualExample(
                "Every message of a topic stored in a window:",
                "mqadmin printMsg -n 127.0.0.1:9876 -t TopicTest -b 2026-12-03#02:00:00:000 "
                    + "-e 2026-12-03#02:10:00:000"),
        ],
        "printMsgByQueue": [
            ManualExample(
                "Count one queue's messages by tag:",
                "mqadmin printMsgByQueue -n 127.0.0.1:9876 -t TopicTest -a broker-a -i 0 -f true"),
        ],
        "backlog": [ManualExample("Every group's lag:", "mqadmin backlog report")],
        "backlog report": [
            ManualExample("Lag of every group, largest first:", "mqadmin backlog report"),
            ManualExample(
                "One group per queue, refreshed every 5 seconds:",
                "mqadmin backlog report -g order-service --queues --watch 5"),
            ManualExample(
                "Exit 6 when a group lags over 1000 messages (for a monitor):",
                "mqadmin backlog report --fail-if-lag-over 1000"),
        ],
        "sendMessage": [
            ManualExample(
                "Send a message (Apache's form):",
                "mqadmin sendMessage -n 127.0.0.1:9876 -t TopicTest -p 'Hello RocketMQ' -k key1 -c TagA"),
        ],
        "queryMsgByKey": [
            ManualExample("Messages with a key:", "mqadmin queryMsgByKey -n 127.0.0.1:9876 -t TopicTest -k key1"),
        ],
        "queryMsgById": [
            ManualExample(
                "A message by its offset message id:",
                "mqadmin queryMsgById -n 127.0.0.1:9876 -t TopicTest -i 7F00000100002A9F0000000000000000"),
            ManualExample(
                "Push it to one client of a group (prints ConsumeMessageDirectlyResult):",
                "mqadmin queryMsgById -n 127.0.0.1:9876 -t TopicTest -i 7F00000100002A9F0000000000000000 "
                    + "-g order-service -d 10.0.0.5@12345"),
            ManualExample(
                "Send it again to its topic:",
                "mqadmin queryMsgById -n 127.0.0.1:9876 -t TopicTest -i 7F00000100002A9F0000000000000000 -s true"),
        ],
        "queryMsgByUniqueKey": [
            ManualExample(
                "A message by its client message id:",
                "mqadmin queryMsgByUniqueKey -n 127.0.0.1:9876 -t TopicTest -i 7F0000010001A2B4C3D4E5F600000000"),
        ],
        "queryMsgByOffset": [
            ManualExample(
                "The message at an offset of a queue:",
                "mqadmin queryMsgByOffset -n 127.0.0.1:9876 -t TopicTest -b broker-a -i 0 -o 100"),
        ],
        "user": [ManualExample("The users:", "mqadmin user list")],
        "user create": [
            ManualExample(
                "Create a user, the password read from a file:",
                "mqadmin user create alice --password-file alice.pw"),
            ManualExample(
                "A super user, the password from standard input:",
                "mqadmin user create root2 -t Super --password-stdin"),
        ],
        "user update": [
            ManualExample("Disable a user:", "mqadmin user update alice -s disable"),
            ManualExample("Change a password (prompted):", "mqadmin user update alice --password-prompt"),
        ],
        "user delete": [ManualExample("Delete a user without being asked:", "mqadmin user delete alice -y")],
        "user get": [ManualExample("One user:", "mqadmin user get alice -o json")],
        "user list": [ManualExample("Users whose name contains ali:", "mqadmin user list -f ali")],
        "acl": [ManualExample("The ACLs:", "mqadmin acl list")],
        "acl create": [
            ManualExample(
                "Let alice send to and read from one topic:",
                "mqadmin acl create -s User:alice -r Topic:orders -a Pub,Sub -d Allow"),
            ManualExample(
                "Let a service consume as its group, from one network only:",
                "mqadmin acl create -s billing -r Group:billing -a Sub -d Allow -i 10.0.0.0/8"),
        ],
        "acl update": [
            ManualExample(
                "Deny alice publishing to every topic:",
                "mqadmin acl update -s alice -r 'Topic:*' -a Pub -d Deny"),
        ],
        "acl delete": [
            ManualExample(
                "Remove alice's entry for a topic:",
                "mqadmin acl delete -s alice -r Topic:orders -y"),
        ],
        "acl get": [ManualExample("Alice's ACL:", "mqadmin acl get -s alice")],
        "acl list": [ManualExample("Every ACL that names a topic:", "mqadmin acl list --resource-filter Topic:orders")],
        "acl explain": [
            ManualExample(
                "Whether alice may send to a topic, and which entry decides:",
                "mqadmin acl explain -u alice -r Topic:orders -a Pub"),
        ],
        "createUser": [
            ManualExample(
                "Create a user (Apache's form; the password from a file):",
                "mqadmin createUser -n 127.0.0.1:9876 -c DefaultCluster -u alice --password-file alice.pw"),
        ],
        "updateUser": [
            ManualExample(
                "Disable a user:",
                "mqadmin updateUser -n 127.0.0.1:9876 -c DefaultCluster -u alice -s disable"),
        ],
        "deleteUser": [
            ManualExample(
                "Delete a user:",
                "mqadmin deleteUser -n 127.0.0.1:9876 -c DefaultCluster -u alice"),
        ],
        "getUser": [ManualExample("One user:", "mqadmin getUser -n 127.0.0.1:9876 -c DefaultCluster -u alice")],
        "listUser": [ManualExample("Every user:", "mqadmin listUser -n 127.0.0.1:9876 -c DefaultCluster")],
        "createAcl": [
            ManualExample(
                "Let alice publish and subscribe on a topic (Apache's form):",
                "mqadmin createAcl -c DefaultCluster -s User:alice -r Topic:TopicTest -a Pub,Sub -d Allow"),
        ],
        "updateAcl": [
            ManualExample(
                "Deny alice publishing:",
                "mqadmin updateAcl -c DefaultCluster -s User:alice -r Topic:TopicTest -a Pub -d Deny"),
        ],
        "deleteAcl": [
            ManualExample(
                "Remove an entry:",
                "mqadmin deleteAcl -n 127.0.0.1:9876 -c DefaultCluster -s User:alice -r Topic:TopicTest"),
        ],
        "getAcl": [ManualExample("A user's ACL:", "mqadmin getAcl -n 127.0.0.1:9876 -c DefaultCluster -s User:alice")],
        "listAcl": [ManualExample("Every ACL:", "mqadmin listAcl -n 127.0.0.1:9876 -c DefaultCluster")],
        "trace": [ManualExample("A message's trace:", "mqadmin trace show 7F0000010001A2B4C3D4E5F600000000")],
        "trace show": [
            ManualExample("The timeline of one message:", "mqadmin trace show 7F0000010001A2B4C3D4E5F600000000"),
            ManualExample("Of the messages with a key:", "mqadmin trace show -t orders -k order-42"),
        ],
        "queryMsgTraceById": [
            ManualExample(
                "A message's trace (Apache's form):",
                "mqadmin queryMsgTraceById -n 127.0.0.1:9876 -i 7F0000010001A2B4C3D4E5F600000000"),
        ],
        "transaction": [ManualExample("Pending half messages:", "mqadmin transaction list")],
        "transaction list": [
            ManualExample(
                "Half messages waiting for their producer's decision:",
                "mqadmin transaction list -t payments"),
        ],
        "timer": [ManualExample("What fires in the next hour:", "mqadmin timer list --within 1h")],
        "timer list": [
            ManualExample(
                "Timer messages of one topic firing within a day:",
                "mqadmin timer list -t reminders --within 1d"),
        ],
        "metadata": [ManualExample("Save a cluster's topics and groups:", "mqadmin metadata export -f prod.yaml")],
        "metadata export": [
            ManualExample("Topics and groups of a cluster, as YAML:", "mqadmin metadata export -f prod.yaml"),
            ManualExample(
                "With offsets, users and ACLs, as JSON:",
                "mqadmin metadata export -c DefaultCluster --with-offsets --with-auth -f prod.json"),
        ],
        "metadata apply": [
            ManualExample("What would make the cluster match a file:", "mqadmin metadata apply prod.yaml"),
            ManualExample("Make it match, deleting what the file does not name:",
                "mqadmin metadata apply prod.yaml --prune --execute --yes"),
            ManualExample("Fail a CI job when the cluster drifted from the file:",
                "mqadmin metadata apply prod.yaml --check"),
            ManualExample("Create new users with passwords from a separate file:",
                "mqadmin metadata apply prod.yaml --credentials-file secrets.yaml --execute"),
        ],
        "metadata undo": [
            ManualExample("The applies that can be undone:", "mqadmin metadata undo --list"),
            ManualExample("Put back what the newest apply changed:", "mqadmin metadata undo --execute"),
        ],
        "context": [ManualExample("The saved contexts, the current one marked:", "mqadmin context list")],
        "context add": [
            ManualExample(
                "Save production's name servers as a read-only context:",
                "mqadmin context add prod -n '10.0.0.1:9876;10.0.0.2:9876' --read-only"),
            ManualExample(
                "A context that signs its requests as an ACL user:",
                "mqadmin context add staging -n 10.0.1.5:9876 --access-key ops --credentials-file ~/ops.secret"),
        ],
        "context use": [
            ManualExample("Make staging the default target:", "mqadmin context use staging"),
            ManualExample("Go back to no current context:", "mqadmin context use --none"),
        ],
        "context list": [ManualExample("The contexts, as JSON:", "mqadmin context list -o json")],
        "context show": [ManualExample("What prod points at:", "mqadmin context show prod")],
        "context delete": [ManualExample("Forget a context:", "mqadmin context delete staging")],
        "audit": [
            ManualExample("The changes made in the last day:", "mqadmin audit --since -24h"),
            ManualExample("Every change, as JSON:", "mqadmin audit -o json"),
        ],
        "namesrv kv": [ManualExample("The order-topic configurations:", "mqadmin namesrv kv list ORDER_TOPIC_CONFIG")],
        "namesrv kv get": [
            ManualExample(
                "The order-topic configuration of OrderTopic on every name server:",
                "mqadmin namesrv kv get ORDER_TOPIC_CONFIG OrderTopic"),
        ],
        "namesrv kv set": [
            ManualExample(
                "Make OrderTopic ordered over 4 queues of broker-a:",
                "mqadmin namesrv kv set ORDER_TOPIC_CONFIG OrderTopic broker-a:4"),
        ],
        "namesrv kv delete": [
            ManualExample(
                "Forget the order configuration of OrderTopic:",
                "mqadmin namesrv kv delete ORDER_TOPIC_CONFIG OrderTopic"),
        ],
        "namesrv kv list": [
            ManualExample(
                "Every order-topic configuration, as JSON:", "mqadmin namesrv kv list ORDER_TOPIC_CONFIG -o json"),
        ],
        "updateKvConfig": [
            ManualExample(
                "Set a KV entry on every name server of -n (Apache's form):",
                "mqadmin updateKvConfig -n 127.0.0.1:9876 -s ORDER_TOPIC_CONFIG -k OrderTopic -v broker-a:4"),
        ],
        "deleteKvConfig": [
            ManualExample(
                "Delete a KV entry from every name server of -n:",
                "mqadmin deleteKvConfig -n 127.0.0.1:9876 -s ORDER_TOPIC_CONFIG -k OrderTopic"),
        ],
        "broker clean": [
            ManualExample(
                "What cleaning unused topics would ask of each broker:", "mqadmin broker clean unused-topics"),
            ManualExample(
                "Delete the expired commit log of broker-a now:",
                "mqadmin broker clean expired-commitlog broker-a --execute --yes"),
        ],
        "deleteExpiredCommitLog": [
            ManualExample(
                "Delete expired commit-log files on every broker of a cluster:",
                "mqadmin deleteExpiredCommitLog -n 127.0.0.1:9876 -c DefaultCluster"),
        ],
        "cleanExpiredCQ": [
            ManualExample(
                "Clean expired consume queues on one broker:",
                "mqadmin cleanExpiredCQ -n 127.0.0.1:9876 -b 127.0.0.1:10911"),
        ],
        "cleanUnusedTopic": [
            ManualExample(
                "Remove store data of deleted topics on every broker of a cluster:",
                "mqadmin cleanUnusedTopic -n 127.0.0.1:9876 -c DefaultCluster"),
        ],
        "help": [ManualExample("Help on one command:", "mqadmin help topic create")],
        // Classic metadata commands (issue 16).
        "updateTopicList": [
            ManualExample(
                "Create the topics listed in a JSON file on every master of a cluster:",
                "mqadmin updateTopicList -n 127.0.0.1:9876 -c DefaultCluster -f topics.json"),
        ],
        "updateSubGroupList": [
            ManualExample(
                "Create the groups listed in a JSON file on one broker:",
                "mqadmin updateSubGroupList -n 127.0.0.1:9876 -b 127.0.0.1:10911 -f groups.json"),
        ],
        "updateTopicPerm": [
            ManualExample(
                "Make a topic read-only on every master of a cluster:",
                "mqadmin updateTopicPerm -n 127.0.0.1:9876 -c DefaultCluster -t TopicTest -p 4"),
        ],
        "updateOrderConf": [
            ManualExample(
                "Set a topic's order configuration on the name servers:",
                "mqadmin updateOrderConf -n 127.0.0.1:9876 -t TopicTest -m put -v 'broker-a:4;broker-b:4'"),
            ManualExample("Read it back:", "mqadmin updateOrderConf -n 127.0.0.1:9876 -t TopicTest -m get"),
        ],
        "getConsumerConfig": [
            ManualExample(
                "A group's configuration on every broker:", "mqadmin getConsumerConfig -n 127.0.0.1:9876 -g GroupTest"),
        ],
        "exportMetadata": [
            ManualExample(
                "Export a cluster's topics and groups to /tmp/export/metadata.json:",
                "mqadmin exportMetadata -n 127.0.0.1:9876 -c DefaultCluster -f /tmp/export"),
            ManualExample(
                "Export one broker's topics to /tmp/export/topic.json:",
                "mqadmin exportMetadata -n 127.0.0.1:9876 -b 127.0.0.1:10911 -t -f /tmp/export"),
        ],
        "copyUser": [
            ManualExample(
                "Copy every user from one broker to another:",
                "mqadmin copyUser -n 127.0.0.1:9876 -f 127.0.0.1:10911 -t 127.0.0.1:10921"),
        ],
        "user copy": [
            ManualExample(
                "Copy every user of one broker to another:",
                "mqadmin user copy --from 127.0.0.1:10911 --to 127.0.0.1:10921"),
        ],
        "acl copy": [
            ManualExample(
                "Copy alice's ACL to another broker:",
                "mqadmin acl copy User:alice --from 127.0.0.1:10911 --to 127.0.0.1:10921"),
        ],
        "copyAcl": [
            ManualExample(
                "Copy alice's ACL from one broker to another:",
                "mqadmin copyAcl -n 127.0.0.1:9876 -f 127.0.0.1:10911 -t 127.0.0.1:10921 -s User:alice"),
        ],
        // Live producers and broker statistics (issue 17).
        "bench": [
            ManualExample("Producer throughput and latency against the bundled broker for 10 s:", "mqadmin bench produce"),
            ManualExample(
                "End-to-end latency at 1000 msg/s from 4 producers on a cluster:",
                "mqadmin bench e2e -n 10.0.0.5:9876 --rate 1000 --producers 4"),
        ],
        "bench produce": [
            ManualExample("Send 100000 messages of 4 KiB, 64 in flight, and print JSON:",
                "mqadmin bench produce --count 100000 --size 4096 --mode async --inflight 64 -o json"),
            ManualExample(
                "A minute at 500 msg/s into an existing topic, with keys:",
                "mqadmin bench produce --topic orders --duration 1m --rate 500 --keys"),
        ],
        "bench consume": [
            ManualExample(
                "Read an existing topic from its first message with 4 consumers:",
                "mqadmin bench consume --topic orders --from first --consumers 4 --count 100000"),
        ],
        "bench e2e": [
            ManualExample(
                "Thirty seconds of sends and receipts, 2 producers and 2 consumers:",
                "mqadmin bench e2e --duration 30s --producers 2 --consumers 2"),
        ],
        "producer": [
            ManualExample("The live producers of every group:", "mqadmin producer list"),
            ManualExample(
                "Apache's classic listing of one broker's producers:",
                "mqadmin producer -n 127.0.0.1:9876 -b 127.0.0.1:10911"),
        ],
        "producer list": [
            ManualExample("The live producers of every group on every master:", "mqadmin producer list"),
            ManualExample("Only one group, in JSON:", "mqadmin producer list -g order-producer -o json"),
        ],
        "producer describe": [
            ManualExample("The connections of one producer group:", "mqadmin producer describe order-producer"),
        ],
        "producerConnection": [
            ManualExample(
                "The producers of a group on the brokers of a topic:",
                "mqadmin producerConnection -n 127.0.0.1:9876 -g ProducerGroup -t TopicTest"),
        ],
        "statsAll": [
            ManualExample("Rates and day totals of every topic and group:", "mqadmin statsAll -n 127.0.0.1:9876"),
            ManualExample("Only topics with traffic today:", "mqadmin statsAll -n 127.0.0.1:9876 -a"),
        ],
        "sendMsgStatus": [
            ManualExample(
                "Send 10 messages of 1 KiB to broker-a's own topic and time each:",
                "mqadmin sendMsgStatus -n 127.0.0.1:9876 -b broker-a -s 1024 -c 10"),
        ],
        "allocateMQ": [
            ManualExample(
                "How three clients would share a topic's queues:",
                "mqadmin allocateMQ -n 127.0.0.1:9876 -t TopicTest -i 10.0.0.1,10.0.0.2,10.0.0.3"),
        ],
    ]

    /// What a command's EXIT STATUS adds to the codes every command shares.
    static let exitNotes: [String: String] = [
        "broker start": """
            A refused start logs nothing as listening and exits with one code per class: 1 when the data \
            directory is in use by another running broker or a listen port is taken; 2 for a bad option \
            value or combination; 5 when the data directory cannot be used (not a directory, not writable, \
            cannot be created).
            """,
        "cluster check": """
            cluster check exits with its result instead, after the report, as a Nagios plugin does: 0 OK, \
            1 WARNING, 2 CRITICAL, 3 UNKNOWN (the most urgent check's status). A bad command line still exits 2 \
            with a one-line error and no report; a --cluster no name server knows exits 3.
            """,
        "demo": """
            1 when --data is in use by a running broker (busy default ports are not a refusal: the demo \
            takes free ones); 5 when --data cannot be used.
            """,
    ]
}
