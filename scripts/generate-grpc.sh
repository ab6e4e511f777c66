#!/usr/bin/env bash
# Regenerates Sources/MQGrpc/Generated/*.swift (committed) from Sources/MQGrpc/Protos/*.proto: the messages of
# apache.rocketmq.v2 (swift-protobuf) and MessagingService's server and client stubs (grpc-swift-2). Never run by
# the build or CI: it documents how the committed code was made. Run it by hand after changing a .proto.
#
# It needs, outside the repository (building the plugins takes ~10 min on 2 cores, which is why the output is
# committed):
#   PLUGINS  a folder with protoc-gen-swift (swift-protobuf 1.39.0) and protoc-gen-grpc-swift-2
#            (grpc-swift-protobuf 2.4.1), e.g. a scratch package depending on both, built with
#            `swift build -c release --product protoc-gen-swift` and `... --product protoc-gen-grpc-swift-2`;
#   PYTHON   a Python with grpcio-tools (its `grpc_tools.protoc` is the protoc used, with the well-known types).
# Usage: PLUGINS=/path/.build/release PYTHON=/path/venv/bin/python scripts/generate-grpc.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PLUGINS:?set PLUGINS to the folder holding protoc-gen-swift and protoc-gen-grpc-swift-2}"
: "${PYTHON:?set PYTHON to a Python with grpcio-tools}"
for plugin in protoc-gen-swift protoc-gen-grpc-swift-2; do
    [ -x "$PLUGINS/$plugin" ] || { echo "no $plugin in $PLUGINS; build it first (see the comment above)" >&2; exit 1; }
done
wkt=$("$PYTHON" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')
protos=Sources/MQGrpc/Protos
out=Sources/MQGrpc/Generated
rm -f "$out"/*.swift
mkdir -p "$out"
# Internal visibility: only MQGrpc uses these types; its tests reach them with @testable import.
"$PYTHON" -m grpc_tools.protoc -I "$protos" -I "$wkt" \
    --plugin=protoc-gen-swift="$PLUGINS/protoc-gen-swift" \
    --swift_opt=Visibility=Internal --swift_out="$out" \
    --plugin=protoc-gen-grpc-swift-2="$PLUGINS/protoc-gen-grpc-swift-2" \
    --grpc-swift-2_opt=Visibility=Internal,Server=true,Client=true --grpc-swift-2_out="$out" \
    definition.proto service.proto admin.proto
echo "generated: $(ls "$out" | tr '\n' ' ')"
