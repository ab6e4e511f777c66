#!/usr/bin/env python3
"""Prints .proto sources from a FileDescriptorSet (used once, to recover apache.rocketmq.v2's protos from the
descriptors compiled into rocketmq-python-client 5.1.2; see Sources/MQGrpc/Protos/README.md).

Usage: descriptor-to-proto.py SET.pb OUT_DIR [FILE ...]   (needs the `protobuf` package)
Comments are not in descriptors, so none are printed; everything protoc needs is.
"""
import os
import sys

from google.protobuf import descriptor_pb2 as d

F = d.FieldDescriptorProto
SCALARS = {
    F.TYPE_DOUBLE: "double", F.TYPE_FLOAT: "float", F.TYPE_INT64: "int64", F.TYPE_UINT64: "uint64",
    F.TYPE_INT32: "int32", F.TYPE_FIXED64: "fixed64", F.TYPE_FIXED32: "fixed32", F.TYPE_BOOL: "bool",
    F.TYPE_STRING: "string", F.TYPE_BYTES: "bytes", F.TYPE_UINT32: "uint32", F.TYPE_SFIXED32: "sfixed32",
    F.TYPE_SFIXED64: "sfixed64", F.TYPE_SINT32: "sint32", F.TYPE_SINT64: "sint64",
}
HEADER = """// Licensed to the Apache Software Foundation (ASF) under one or more
// contributor license agreements.  See the NOTICE file distributed with
// this work for additional information regarding copyright ownership.
// The ASF licenses this file to You under the Apache License, Version 2.0
// (the "License"); you may not use this file except in compliance with
// the License.  You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
//
// apache/rocketmq-apis, recovered from the descriptors in rocketmq-python-client 5.1.2 (PyPI); comments were
// not kept there. See README.md beside this file.

"""


def type_name(field, package):
    if field.type in SCALARS:
        return SCALARS[field.type]
    name = field.type_name.lstrip(".")
    prefix = package + "."
    return name[len(prefix):] if name.startswith(prefix) else name


def options_text(opts):
    parts = []
    if opts.HasField("deprecated") and opts.deprecated:
        parts.append("deprecated = true")
    if "packed" in opts.DESCRIPTOR.fields_by_name and opts.HasField("packed"):
        parts.append("packed = %s" % str(opts.packed).lower())
    return " [" + ", ".join(parts) + "]" if parts else ""


def print_enum(e, indent, out):
    out.append("%senum %s {" % (indent, e.name))
    if e.options.HasField("allow_alias") and e.options.allow_alias:
        out.append("%s  option allow_alias = true;" % indent)
    for v in e.value:
        out.append("%s  %s = %d%s;" % (indent, v.name, v.number, options_text(v.options)))
    out.append("%s}" % indent)


def print_message(m, indent, package, out):
    out.append("%smessage %s {" % (indent, m.name))
    inner = indent + "  "
    maps = {n.name: n for n in m.nested_type if n.options.map_entry}
    for n in m.nested_type:
        if not n.options.map_entry:
            print_message(n, inner, package, out)
    for e in m.enum_type:
        print_enum(e, inner, out)
    real_oneofs = {}
    for f in m.field:
        if f.HasField("oneof_index") and not f.proto3_optional:
            real_oneofs.setdefault(f.oneof_index, []).append(f)
    printed_oneofs = set()
    for f in m.field:
        if f.HasField("oneof_index") and not f.proto3_optional:
            if f.oneof_index in printed_oneofs:
                continue
            printed_oneofs.add(f.oneof_index)
            out.append("%soneof %s {" % (inner, m.oneof_decl[f.oneof_index].name))
            for g in real_oneofs[f.oneof_index]:
                out.append("%s  %s %s = %d%s;" % (inner, type_name(g, package), g.name, g.number, options_text(g.options)))
            out.append("%s}" % inner)
            continue
        entry = maps.get(f.type_name.split(".")[-1]) if f.type == F.TYPE_MESSAGE else None
        if entry is not None and f.label == F.LABEL_REPEATED:
            k, v = entry.field[0], entry.field[1]
            decl = "map<%s, %s>" % (type_name(k, package), type_name(v, package))
        else:
            label = "repeated " if f.label == F.LABEL_REPEATED else ("optional " if f.proto3_optional else "")
            decl = label + type_name(f, package)
        out.append("%s%s %s = %d%s;" % (inner, decl, f.name, f.number, options_text(f.options)))
    for r in m.reserved_range:
        out.append("%sreserved %s;" % (inner, str(r.start) if r.end == r.start + 1 else "%d to %d" % (r.start, r.end - 1)))
    out.append("%s}" % indent)


def print_file(f):
    out = [HEADER.rstrip("\n"), "", 'syntax = "%s";' % (f.syntax or "proto2"), ""]
    for dep in f.dependency:
        out.append('import "%s";' % dep)
    if f.dependency:
        out.append("")
    out.append("package %s;" % f.package)
    out.append("")
    o = f.options
    for name in ["java_package", "java_outer_classname", "go_package", "objc_class_prefix", "csharp_namespace"]:
        if o.HasField(name):
            out.append('option %s = "%s";' % (name, getattr(o, name)))
    for name in ["java_multiple_files", "java_generate_equals_and_hash", "java_string_check_utf8", "cc_enable_arenas"]:
        if o.HasField(name):
            out.append("option %s = %s;" % (name, str(getattr(o, name)).lower()))
    out.append("")
    for e in f.enum_type:
        print_enum(e, "", out)
        out.append("")
    for m in f.message_type:
        print_message(m, "", f.package, out)
        out.append("")
    for s in f.service:
        out.append("service %s {" % s.name)
        for meth in s.method:
            inp = ("stream " if meth.client_streaming else "") + type_name(
                d.FieldDescriptorProto(type=F.TYPE_MESSAGE, type_name=meth.input_type), f.package)
            outp = ("stream " if meth.server_streaming else "") + type_name(
                d.FieldDescriptorProto(type=F.TYPE_MESSAGE, type_name=meth.output_type), f.package)
            out.append("  rpc %s(%s) returns (%s) {}" % (meth.name, inp, outp))
        out.append("}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    pb, out_dir, wanted = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    fds = d.FileDescriptorSet()
    with open(pb, "rb") as fh:
        fds.ParseFromString(fh.read())
    for f in fds.file:
        if wanted and f.name not in wanted:
            continue
        path = os.path.join(out_dir, f.name)
        os.makedirs(os.path.dirname(path) or out_dir, exist_ok=True)
        with open(path, "w") as fh:
            fh.write(print_file(f))


if __name__ == "__main__":
    main()
