#!/usr/bin/env python3
"""Drafts docs/schemas/<command>.json from real outputs (JSONSchemaTests with MQADMIN_WRITE_SAMPLES=DIR writes
DIR/<command>.<n>.json). A draft, to read and correct: every object gets additionalProperties false and every
key seen is required; fields only ever seen null or empty lists are printed as REVIEW lines.

usage: scripts/draft-json-schema.py SAMPLES_DIR OUT_DIR [command ...]
"""
import glob, json, os, re, sys

MAPS = {"addresses", "attributes", "runtime", "properties", "byStatus"}  # objects keyed by data, not names
DOUBLES = {"consumeTps", "diskUsedRatio", "fileReservedTimeHours", "hours", "inTps", "outTps", "putTps"}
review = []
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Fields declared nullable in the views (OrNull, @NullEncoded, Optional), by name: nullable wherever they appear.
NULLABLE = set()
for swift in glob.glob(ROOT + "/Sources/MQAdminCLI/**/*.swift", recursive=True):
    text = open(swift).read()
    NULLABLE |= set(re.findall(r"var (\w+): OrNull<", text)) | set(re.findall(r"@NullEncoded var (\w+)", text))
    NULLABLE |= set(re.findall(r"var (\w+): [\w.\[\]: ]+\?\s*$", text, re.M))
pool = {}  # key name -> non-null values seen under that name in any command (for fields seen only null or [])


def collect(v, key):
    if isinstance(v, dict):
        for k, x in v.items():
            if x is not None and x != []: pool.setdefault(k, []).append(x)
            collect(x, k)
    elif isinstance(v, list):
        for x in v: collect(x, key)


def kind(v):
    if v is None: return "null"
    if isinstance(v, bool): return "boolean"
    if isinstance(v, int): return "integer"
    if isinstance(v, float): return "number"
    if isinstance(v, str): return "string"
    if isinstance(v, list): return "array"
    return "object"


seen = set()

# Examples (shapes from docs/json/*.md) for fields a test run may only see null or empty.
ENTRY = {"policyType": "Custom", "index": 0, "resource": "Topic:T", "actions": ["Pub"], "sourceIps": [],
         "decision": "Allow"}
EXAMPLES = {  # values of the field (a list field's examples are lists)
    "failures": [[{"broker": "b", "address": "a", "error": "e"}]],
    "exceeded": [["lag"]], "deletedTopics": [["%RETRY%g"]], "topicErrors": [["e"]],
    "members": [[{"address": "a", "clientId": "c", "language": "JAVA", "version": "V5_3_3", "versionCode": 1}]],
    "subscriptions": [[{"expression": "*", "topic": "T"}]],
    "buckets": [[{"topic": "T", "minute": 1, "minuteTime": "t", "fires": 1, "recalled": 0, "brokers": ["b"]}]],
    "decidingEntry": [ENTRY], "matchingEntries": [[ENTRY]],
    "closestAllow": [{"entry": ENTRY, "gaps": ["action"], "explanation": "e"}],
    "windowMillis": [1], "lastConsumedTimestamp": [1], "lagOver": [1], "ageOverMillis": [1], "millis": [1],
    "committedMoved": [True], "lastTimestamp": [1], "undoOf": ["id"], "endToEndMs": [1], "retryTimes": [1], "committedOffset": [1],
    "unreadable": [[{"traceMessageId": "m", "index": 0, "reason": "r", "text": "t"}]],
    "transactions": [[{"ageMs": 1, "bornTime": "t", "bornTimestamp": 1, "broker": "b", "checkCount": 1,
                       "commitLogOffset": 1, "halfOffset": 1, "keys": ["k"], "nextCheckReason": None,
                       "nextCheckTime": "t", "nextCheckTimestamp": 1, "producerGroup": "p", "queueId": 0,
                       "tags": "t", "topic": "T", "transactionId": "x"}]],
}
PLAN_FAILURE = [[{"topic": "T", "broker": "b", "queueId": 0, "error": "e"}]]


def infer(values, path, key):
    types = {kind(v) for v in values}
    if key == "failures" and path.startswith("offset."):
        values = [v for v in values if v] + PLAN_FAILURE
        types = {"array"}
    if key == "failures" and path.startswith("topicList."):  # topics whose groups could not be read
        values = [v for v in values if v] + [[{"topic": "t", "error": "e"}]]
        types = {"array"}
    if key == "failures" and path.split(".")[0] in ("backlog", "message", "trace"):  # MQClient's BacklogFailure
        values = [v for v in values if v] + [[{"broker": "b", "address": "a", "error": "e", "unreachable": True}]]
        types = {"array"}
    wants_list = any(v == [] for v in values)
    examples = EXAMPLES.get(key) or [x for x in pool.get(key, []) if isinstance(x, list) == wants_list]
    if types <= {"null", "array"} and all(v is None or v == [] for v in values) and examples:
        borrowed = infer(examples, path, key)
        if borrowed:
            if "null" in types:
                t = borrowed.get("type")
                if isinstance(t, str): borrowed["type"] = [t, "null"]
                elif isinstance(t, list) and "null" not in t: borrowed["type"] = t + ["null"]
            return borrowed
    if key in DOUBLES and "integer" in types: types = (types - {"integer"}) | {"number"}
    if "integer" in types and "number" in types: types.discard("integer")
    if key in NULLABLE: types.add("null")
    schema = {}
    present = sorted(types - {"null"})
    if not present:
        review.append(f"{path}: only null seen; typed string or null")
        present = ["string"]
    schema["type"] = present[0] if len(present) == 1 and "null" not in types else present + (["null"] if "null" in types else [])
    objects = [v for v in values if isinstance(v, dict)]
    if objects and key == "target" and all("clusters" in o and "nameServers" in o for o in objects):
        return {"$ref": "#/$defs/target"}
    if objects:
        if key in MAPS:
            inner = [x for o in objects for x in o.values()]
            schema["additionalProperties"] = infer(inner, path + ".*", "*") if inner else {"type": "string"}
        else:
            keys = sorted({k for o in objects for k in o})
            schema["properties"] = {k: infer([o[k] for o in objects if k in o], f"{path}.{k}", k) for k in keys}
            schema["required"] = [k for k in keys if all(k in o for o in objects)]
            schema["additionalProperties"] = False
    arrays = [v for v in values if isinstance(v, list)]
    if arrays:
        items = [x for a in arrays for x in a]
        if items:
            schema["items"] = infer(items, path + "[]", key + "[]")
        else:
            review.append(f"{path}: only [] seen; items unchecked")
            schema["items"] = {}
    return schema


TARGET = {
    "type": "object",
    "properties": {
        "clusters": {"type": "array", "items": {"type": "string"}},
        "dataDirectory": {"type": ["string", "null"]},
        "nameServers": {"type": ["array", "null"], "items": {"type": "string"}},
    },
    "required": ["clusters", "dataDirectory", "nameServers"],
    "additionalProperties": False,
}


def main():
    samples, out = sys.argv[1], sys.argv[2]
    for p in glob.glob(samples + "/*.json"): collect(json.load(open(p)), "")
    names = sys.argv[3:] or sorted({os.path.basename(p).rsplit(".", 2)[0] for p in glob.glob(samples + "/*.json")})
    for name in names:
        files = [p for p in glob.glob(f"{samples}/{name}.*.json") if re.fullmatch(re.escape(name) + r"\.\d+\.json", os.path.basename(p))]
        docs = [json.load(open(p)) for p in sorted(files)]
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "mqadmin " + name.replace(".", " ") + " -o json"}
        schema.update(infer(docs, name, ""))
        if "#/$defs/target" in json.dumps(schema): schema["$defs"] = {"target": TARGET}
        if name == "error":  # ErrorJSON: exact, not drafted
            schema["properties"]["error"]["type"] = "object"
            schema["properties"]["error"]["properties"] = {
                "message": {"type": "string"}, "exit": {"type": "integer"},
                "code": {"type": "string", "enum": ["failed", "usage", "notFound", "unreachable", "permissionDenied",
                                                   "thresholdExceeded"]}}
        with open(f"{out}/{name}.json", "w") as f:
            json.dump(schema, f, indent=2)
            f.write("\n")
    for line in review: print("REVIEW", line)


main()
